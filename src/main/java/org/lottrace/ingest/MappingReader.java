package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.lottrace.kde.UnitConverter;
import org.lottrace.kde.UnitConverter.ItemConversion;
import org.lottrace.kde.UnitConverter.UnitDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads mapping files and the units file, and reports every problem in a file at once,
 * with its line where YAML parsing fails.
 */
public final class MappingReader {

	private static final YAMLMapper YAML = YAMLMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.build();

	private static final Pattern CONVERSION = Pattern
		.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s+(\\S+)\\s*=\\s*([0-9]+(?:\\.[0-9]+)?)\\s+(\\S+)\\s*");

	private MappingReader() {
	}

	/** Reads {@code jobs/<source>.yml}. */
	public static SourceMapping readMapping(Path file, UnitConverter units) {
		MappingFile raw = parse(file, MappingFile.class);
		return new MappingChecker(file, sha256(file), units).check(raw);
	}

	/** Reads {@code jobs/units.yml}. */
	public static UnitConverter readUnits(Path file) {
		return units(parse(file, UnitsFile.class), file.toString());
	}

	/**
	 * lottrace's default units (mass, count, volume and packaging units with their usual
	 * spellings, no per-item conversions), for a jobs folder without a {@code units.yml}.
	 */
	public static UnitConverter defaultUnits() {
		try (var in = MappingReader.class.getResourceAsStream(DEFAULT_UNITS)) {
			return units(YAML.readValue(Objects.requireNonNull(in, DEFAULT_UNITS), UnitsFile.class), DEFAULT_UNITS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final String DEFAULT_UNITS = "default-units.yml";

	private static UnitConverter units(UnitsFile raw, String name) {
		List<String> problems = new ArrayList<>();
		Map<String, UnitDefinition> units = new LinkedHashMap<>();
		if (raw.units() == null || raw.units().isEmpty()) {
			problems.add("units: none defined");
		}
		else {
			raw.units().forEach((code, unit) -> {
				if (unit == null || unit.dimension() == null) {
					problems.add("units." + code + ": dimension is missing (mass, count, volume or package)");
				}
				else if (!"package".equals(unit.dimension()) && unit.factor() == null) {
					problems.add("units." + code + ": factor to the " + unit.dimension() + " base unit is missing");
				}
				else {
					units.put(code.toLowerCase(Locale.ROOT), new UnitDefinition(unit.dimension(), unit.factor()));
				}
			});
		}
		Map<String, String> aliases = (raw.aliases() != null) ? raw.aliases() : Map.of();
		aliases.forEach((alias, unit) -> {
			if (!units.containsKey(unit)) {
				problems.add("aliases." + alias + ": '" + unit + "' is not one of the units");
			}
		});
		Map<String, List<ItemConversion>> items = new LinkedHashMap<>();
		if (raw.items() != null) {
			raw.items().forEach((item, conversions) -> {
				if (conversions == null || conversions.isEmpty()) {
					problems.add("items." + item + ": no conversions; give e.g. ['1 bag = 50 lb']");
				}
				else {
					items.put(item, conversions.stream().map((c) -> conversion(item, c, units, problems)).toList());
				}
			});
		}
		if (!problems.isEmpty()) {
			throw new MappingException(name, problems);
		}
		return new UnitConverter(units, aliases, items);
	}

	private static @Nullable ItemConversion conversion(String item, String text, Map<String, UnitDefinition> units,
			List<String> problems) {
		Matcher m = CONVERSION.matcher(text);
		if (!m.matches()) {
			problems.add("items." + item + ": '" + text + "' is not of the form '1 case = 15 dozen'");
			return null;
		}
		String from = m.group(2).toLowerCase(Locale.ROOT);
		String to = m.group(4).toLowerCase(Locale.ROOT);
		for (String unit : List.of(from, to)) {
			if (!units.containsKey(unit)) {
				problems.add("items." + item + ": '" + unit + "' is not one of the units");
			}
		}
		return new ItemConversion(new BigDecimal(m.group(1)), from, new BigDecimal(m.group(3)), to);
	}

	private static <T> T parse(Path file, Class<T> type) {
		if (!Files.isRegularFile(file)) {
			throw new MappingException(file.toString(), List.of("file not found"));
		}
		try {
			T value = YAML.readTree(file.toFile()).isMissingNode() ? null : YAML.readValue(file.toFile(), type);
			if (value == null) {
				throw new MappingException(file.toString(), List.of("the file is empty"));
			}
			return value;
		}
		catch (UnrecognizedPropertyException ex) {
			// reported at the end of the enclosing object, so its line would mislead:
			// name
			// the setting instead
			String path = ex.getPath()
				.stream()
				.map(JacksonException.Reference::getPropertyName)
				.filter(Objects::nonNull)
				.collect(Collectors.joining("."));
			throw new MappingException(file.toString(), List.of(path + ": unknown setting; one of "
					+ ex.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "))));
		}
		catch (JacksonException ex) {
			String where = (ex.getLocation() != null && ex.getLocation().getLineNr() > 0)
					? "line " + ex.getLocation().getLineNr() + ": " : "";
			throw new MappingException(file.toString(), List.of(where + ex.getOriginalMessage()));
		}
	}

	static String sha256(Path file) {
		try {
			return DigestUtils.sha256Hex(Files.readAllBytes(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Charset charset(String name, List<String> problems) {
		try {
			return Charset.forName(name);
		}
		catch (RuntimeException ex) {
			problems.add("csv.encoding: unknown encoding '" + name + "' (try UTF-8 or windows-1252)");
			return Charset.defaultCharset();
		}
	}

}
