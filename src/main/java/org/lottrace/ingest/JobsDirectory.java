package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.lottrace.kde.UnitConverter;

/**
 * The {@code jobs/} folder: {@code units.yml} and one mapping file per source. Read
 * afresh for each run, so that a new or corrected mapping takes effect without a restart.
 */
public final class JobsDirectory {

	public static final String UNITS_FILE = "units.yml";

	private final Path dir;

	private final UnitConverter units;

	private final List<SourceMapping> mappings;

	private JobsDirectory(Path dir, UnitConverter units, List<SourceMapping> mappings) {
		this.dir = dir;
		this.units = units;
		this.mappings = mappings;
	}

	/**
	 * Reads the folder.
	 * @throws MappingException listing every problem of every file
	 */
	public static JobsDirectory read(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new MappingException(dir.toString(),
					List.of("the jobs folder does not exist; set lottrace.ingest.jobs or pass --jobs"));
		}
		UnitConverter units = readUnits(dir);
		List<SourceMapping> mappings = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Path file : mappingFiles(dir)) {
			try {
				mappings.add(MappingReader.readMapping(file, units));
			}
			catch (MappingException ex) {
				ex.problems().forEach((p) -> problems.add(file.getFileName() + ": " + p));
			}
		}
		mappings.stream().map(SourceMapping::source).distinct().forEach((source) -> {
			long count = mappings.stream().filter((m) -> m.source().equals(source)).count();
			if (count > 1) {
				problems.add("source '" + source + "' is defined by " + count + " files");
			}
		});
		if (!problems.isEmpty()) {
			throw new MappingException(dir.toString(), problems);
		}
		return new JobsDirectory(dir, units, List.copyOf(mappings));
	}

	/**
	 * The units of a jobs folder: its {@code units.yml}, or lottrace's defaults (the
	 * common units of mass, count, volume and packaging, with no per-item conversions)
	 * when it has none.
	 */
	public static UnitConverter readUnits(Path dir) {
		Path file = dir.resolve(UNITS_FILE);
		return Files.isRegularFile(file) ? MappingReader.readUnits(file) : MappingReader.defaultUnits();
	}

	private static List<Path> mappingFiles(Path dir) {
		try (Stream<Path> files = Files.list(dir)) {
			return files.filter((p) -> {
				String name = p.getFileName().toString();
				return (name.endsWith(".yml") || name.endsWith(".yaml")) && !name.equals(UNITS_FILE);
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + dir, ex);
		}
	}

	public Path dir() {
		return this.dir;
	}

	public UnitConverter units() {
		return this.units;
	}

	public List<SourceMapping> mappings() {
		return this.mappings;
	}

	public Optional<SourceMapping> mapping(String source) {
		return this.mappings.stream().filter((m) -> m.source().equals(source)).findFirst();
	}

	/** The sources whose file patterns match a file's name. */
	public List<SourceMapping> matching(Path file) {
		Path name = file.getFileName();
		return this.mappings.stream().filter((m) -> m.files().stream().anyMatch((glob) -> {
			PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
			return matcher.matches(name);
		})).toList();
	}

}
