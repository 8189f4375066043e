package org.lottrace.ingest;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.SourceMapping.ColumnRef;
import org.lottrace.ingest.SourceMapping.Dialect;
import org.lottrace.ingest.SourceMapping.FieldSource;
import org.lottrace.ingest.SourceMapping.Lookup;
import org.lottrace.kde.Field;
import org.lottrace.kde.FieldType;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.KdeRequirements;
import org.lottrace.kde.RecordKind;
import org.lottrace.kde.UnitConverter;

/**
 * Turns a parsed mapping file into a {@link SourceMapping}, collecting every problem on
 * the way.
 */
final class MappingChecker {

	private final Path file;

	private final String sha256;

	private final UnitConverter units;

	private final List<String> problems = new ArrayList<>();

	MappingChecker(Path file, String sha256, UnitConverter units) {
		this.file = file;
		this.sha256 = sha256;
		this.units = units;
	}

	SourceMapping check(MappingFile raw) {
		String source = checkSource(raw.source());
		RecordKind kind = checkKind(raw.kind());
		Dialect dialect = dialect((raw.csv() != null) ? raw.csv()
				: new MappingFile.Csv(null, null, null, null, null, null, null, null, null, null, null));
		List<Map<String, String>> rows = InlineRows.check(raw.rows(), kind, this.problems);
		boolean inline = raw.rows() != null;
		List<ColumnRef> key = key((inline && raw.key() == null && kind != null) ? InlineRows.key(kind) : raw.key());
		Map<Field, FieldSource> fields = (kind != null)
				? fields(kind, (inline && raw.fields() == null) ? InlineRows.fields(kind, rows) : raw.fields())
				: Map.of();
		Map<String, String> unitAliases = unitAliases(raw.units());
		InputLimits limits = limits(raw.limits());
		List<String> files = (raw.files() != null) ? raw.files() : List.of();
		SourceMapping.Format format = format(raw.format(), raw.csv() != null);
		SourceMapping.EpcisSelection epcis = EpcisSourceReader.selection(raw.epcis(), format, this.problems);
		if (files.isEmpty() && !inline) {
			this.problems.add("files: give the file-name patterns of this source's exports, e.g. ['RCV_*.csv'], or "
					+ "write master data in the file itself under rows:");
		}
		if (kind == null || !this.problems.isEmpty()) {
			// an unknown kind is one of the problems
			throw new MappingException(this.file.toString(), this.problems);
		}
		String inbox = (raw.inbox() != null) ? raw.inbox() : source;
		return new SourceMapping(source, raw.description(), kind, files, inbox, dialect, key, fields, unitAliases,
				assumption(raw.tlcSourceAssumed(), kind), rows, limits, this.file, this.sha256, format, epcis);
	}

	/** The mapping's limits: the defaults, with what {@code limits:} sets instead. */
	private InputLimits limits(MappingFile.@Nullable Limits raw) {
		InputLimits defaults = InputLimits.DEFAULTS;
		if (raw == null) {
			return defaults;
		}
		int codeLength = positive("limits.code-length", raw.codeLength(), defaults.codeLength());
		int textLength = positive("limits.text-length", raw.textLength(), defaults.textLength());
		java.util.regex.Pattern pattern = null;
		if (raw.codePattern() != null) {
			try {
				pattern = java.util.regex.Pattern.compile(raw.codePattern());
			}
			catch (java.util.regex.PatternSyntaxException ex) {
				this.problems.add("limits.code-pattern: not a regular expression: " + ex.getDescription());
			}
		}
		java.time.LocalDate earliest = defaults.earliestDate();
		if (raw.earliestDate() != null) {
			try {
				earliest = java.time.LocalDate.parse(raw.earliestDate());
			}
			catch (java.time.format.DateTimeParseException ex) {
				this.problems.add("limits.earliest-date: give a date as yyyy-MM-dd, not '" + raw.earliestDate() + "'");
			}
		}
		int daysAhead = (raw.daysAhead() != null) ? raw.daysAhead() : defaults.daysAhead();
		if (daysAhead < 0) {
			this.problems.add("limits.days-ahead: must be zero or more");
		}
		return new InputLimits(codeLength, textLength, pattern, earliest, Math.max(0, daysAhead));
	}

	private int positive(String where, @Nullable Integer value, int fallback) {
		if (value == null) {
			return fallback;
		}
		if (value < 1) {
			this.problems.add(where + ": must be 1 or more");
			return fallback;
		}
		return value;

	}

	private SourceMapping.Format format(@Nullable String format, boolean csvGiven) {
		if (format == null || format.equalsIgnoreCase("csv")) {
			return SourceMapping.Format.CSV;
		}
		if (format.equalsIgnoreCase("epcis")) {
			if (csvGiven) {
				this.problems.add("csv: an EPCIS document is JSON, not CSV; leave csv out with format: epcis");
			}
			return SourceMapping.Format.EPCIS;
		}
		this.problems.add("format: unknown '" + format + "'; one of csv, epcis");
		return SourceMapping.Format.CSV;
	}

	/** The wording of an assumed TLC source: only events have one. */
	private @Nullable String assumption(@Nullable String assumed, RecordKind kind) {
		if (assumed == null || assumed.isBlank()) {
			return null;
		}
		if (!kind.isEvent()) {
			this.problems.add("tlc-source-assumed: only the sources of events have a TLC source");
		}
		return assumed.strip();
	}

	private String checkSource(@Nullable String source) {
		if (source == null || !source.matches("[a-z0-9][a-z0-9-]{0,62}")) {
			this.problems.add("source: give a name of lower-case letters, digits and dashes, e.g. erp-receiving");
			return "invalid";
		}
		return source;
	}

	private @Nullable RecordKind checkKind(@Nullable String kind) {
		String known = java.util.Arrays.stream(RecordKind.values())
			.map(RecordKind::code)
			.collect(Collectors.joining(", "));
		if (kind == null) {
			this.problems.add("kind: missing; one of " + known);
			return null;
		}
		try {
			return RecordKind.fromCode(kind);
		}
		catch (IllegalArgumentException ex) {
			this.problems.add("kind: unknown '" + kind + "'; one of " + known);
			return null;
		}
	}

	private Dialect dialect(MappingFile.Csv csv) {
		char delimiter = singleChar("csv.delimiter", orDefault(csv.delimiter(), ","));
		Character quote = optionalChar("csv.quote", orDefault(csv.quote(), "\""));
		Character escape = optionalChar("csv.escape", csv.escape());
		Character comment = optionalChar("csv.comment", csv.comment());
		char decimal = singleChar("csv.decimal-separator", orDefault(csv.decimalSeparator(), "."));
		Character grouping = optionalChar("csv.grouping-separator", csv.groupingSeparator());
		int skipLines = (csv.skipLines() != null) ? csv.skipLines() : 0;
		if (skipLines < 0) {
			this.problems.add("csv.skip-lines: must be zero or more");
		}
		List<String> nullValues = (csv.nullValues() != null) ? csv.nullValues() : List.of("");
		return new Dialect(delimiter, quote, escape,
				MappingReader.charset(orDefault(csv.encoding(), "UTF-8"), this.problems),
				!Boolean.FALSE.equals(csv.header()), Math.max(0, skipLines), comment, !Boolean.FALSE.equals(csv.trim()),
				nullValues, decimal, grouping);
	}

	private List<ColumnRef> key(@Nullable List<Object> key) {
		if (key == null || key.isEmpty()) {
			this.problems.add("key: give the columns that identify a row across exports, e.g. [BOL, Line]");
			return List.of();
		}
		List<ColumnRef> refs = new ArrayList<>();
		for (Object entry : key) {
			if (entry instanceof Integer position && position > 0) {
				refs.add(ColumnRef.at(position));
			}
			else if (entry instanceof String name && !name.isBlank()) {
				refs.add(ColumnRef.named(name));
			}
			else {
				this.problems.add("key: '" + entry + "' is neither a column name nor a column position (1, 2, ...)");
			}
		}
		return refs;
	}

	private Map<Field, FieldSource> fields(RecordKind kind, @Nullable Map<String, MappingFile.FieldEntry> raw) {
		Map<Field, FieldSource> fields = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			this.problems.add("fields: none mapped");
			return fields;
		}
		Map<String, Field> byName = kind.fields()
			.stream()
			.collect(Collectors.toMap(Field::column, (f) -> f, (a, b) -> a, LinkedHashMap::new));
		raw.forEach((name, entry) -> {
			Field field = byName.get(name);
			if (field == null) {
				this.problems
					.add("fields." + name + ": not a field of kind " + kind.code() + suggestion(name, byName.keySet()));
			}
			else if (entry == null) {
				this.problems.add("fields." + name + ": empty; give a column or a constant");
			}
			else {
				fields.put(field, fieldSource(field, entry));
			}
		});
		Gs1Units.derive(fields);
		checkRequiredMapped(kind, fields);
		return fields;
	}

	private void checkRequiredMapped(RecordKind kind, Map<Field, FieldSource> fields) {
		for (KdeRequirements.Requirement requirement : KdeRequirements.of(kind)) {
			boolean mapped = requirement.anyOf().stream().anyMatch(fields::containsKey)
					|| (requirement.anyOf().contains(KdeField.EVENT_DATE) && fields.containsKey(KdeField.EVENT_TIME))
					|| (requirement.anyOf().contains(KdeField.LOT_ASSIGNER) && kind == RecordKind.RECEIVING
							&& fields.containsKey(KdeField.PARTNER_LOCATION_CODE));
			if (!mapped) {
				this.problems.add("fields: kind " + kind.code() + " needs "
						+ requirement.anyOf().stream().map(Field::column).collect(Collectors.joining(" or ")) + " ("
						+ requirement.citation() + "); map it to a column or a constant");
			}
		}
	}

	private FieldSource fieldSource(Field field, MappingFile.FieldEntry entry) {
		String where = "fields." + field.column();
		List<ColumnRef> columns = new ArrayList<>();
		if (entry.column() != null) {
			columns.add(ColumnRef.named(entry.column()));
		}
		if (entry.position() != null) {
			columns.add(ColumnRef.at(entry.position()));
		}
		if (entry.columns() != null) {
			entry.columns().forEach((c) -> columns.add(ColumnRef.named(c)));
		}
		int sources = ((entry.column() != null) ? 1 : 0) + ((entry.position() != null) ? 1 : 0)
				+ ((entry.columns() != null) ? 1 : 0) + ((entry.constant() != null) ? 1 : 0);
		if (sources != 1) {
			this.problems.add(where + ": give exactly one of column, position, columns or constant");
		}
		List<String> formats = (entry.format() != null) ? entry.format() : List.of();
		formats.forEach((f) -> checkFormat(where, field, f));
		Gs1Part gs1 = (entry.gs1() != null)
				? Gs1Part.check(where, field, entry.gs1(), entry.format() != null, this.problems) : null;
		return new FieldSource(columns, orDefault(entry.separator(), " "), entry.constant(), entry.defaultValue(),
				formats, (entry.values() != null) ? entry.values() : Map.of(), lookup(where, field, entry.lookup()),
				gs1);
	}

	private void checkFormat(String where, Field field, String format) {
		if (field.type() != FieldType.DATE && field.type() != FieldType.DATE_TIME) {
			this.problems.add(where + ": format applies to dates and times only");
			return;
		}
		try {
			// only to see that the pattern is valid: the parsers make their own formatter
			DateTimeFormatter checked = DateTimeFormatter.ofPattern(format);
			assert checked != null;
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(where + ": invalid date format '" + format + "': " + ex.getMessage());
		}
	}

	private Lookup lookup(String where, Field field, @Nullable String lookup) {
		if (lookup == null) {
			return Lookup.CODE;
		}
		Lookup value;
		try {
			value = Lookup.valueOf(lookup.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(where + ": unknown lookup '" + lookup + "'; one of code, gln, partner, gtin");
			return Lookup.CODE;
		}
		boolean fits = switch (value) {
			case CODE -> true;
			case GLN, PARTNER -> field.type() == FieldType.LOCATION;
			case GTIN -> field.type() == FieldType.PRODUCT;
		};
		if (!fits) {
			this.problems.add(where + ": lookup " + lookup + " does not apply to a " + field.type() + " field");
		}
		return value;
	}

	private Map<String, String> unitAliases(@Nullable Map<String, String> aliases) {
		if (aliases == null) {
			return Map.of();
		}
		aliases.forEach((alias, unit) -> {
			if (unit == null) {
				this.problems.add("units." + alias + ": give the unit of jobs/units.yml it stands for");
			}
			else if (!this.units.isUnit(unit.toLowerCase(Locale.ROOT))) {
				this.problems.add("units." + alias + ": '" + unit + "' is not a unit of jobs/units.yml");
			}
		});
		Map<String, String> valid = new LinkedHashMap<>(aliases);
		valid.values().removeIf(java.util.Objects::isNull);
		return Map.copyOf(valid);
	}

	private char singleChar(String where, String value) {
		String text = "\\t".equals(value) || "tab".equalsIgnoreCase(value) ? "\t" : value;
		if (text.length() != 1) {
			this.problems.add(where + ": give one character, not '" + value + "'");
			return ',';
		}
		return text.charAt(0);
	}

	private @Nullable Character optionalChar(String where, @Nullable String value) {
		return (value == null || value.isEmpty()) ? null : singleChar(where, value);
	}

	private static String orDefault(@Nullable String value, String fallback) {
		return (value != null) ? value : fallback;
	}

	private static String suggestion(String name, java.util.Set<String> known) {
		Optional<String> nearest = known.stream().min(Comparator.comparingInt((String k) -> distance(name, k)));
		return nearest.filter((n) -> distance(name, n) <= 3).map((n) -> "; did you mean " + n + "?").orElse("");
	}

	/** Levenshtein distance, for "did you mean" hints. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
