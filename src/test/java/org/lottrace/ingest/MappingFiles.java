package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.lottrace.kde.UnitConverter;

/** Writes mapping files for tests, and reads them with the project's units. */
final class MappingFiles {

	/** The project's {@code jobs/} folder. */
	static final Path JOBS = Path.of("jobs").toAbsolutePath();

	static final UnitConverter UNITS = MappingReader.readUnits(JOBS.resolve(JobsDirectory.UNITS_FILE));

	/** The fields a transformation input needs, and nothing else. */
	static final String INPUT_FIELDS = """
			fields:
			  lot_code: Lot
			  work_order: WO
			  quantity: Qty
			  unit: UoM
			  event_date: Date
			""";

	private MappingFiles() {
	}

	static Path write(Path dir, String name, String yaml) {
		try {
			Files.createDirectories(dir);
			return Files.writeString(dir.resolve(name), yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static SourceMapping read(Path dir, String yaml) {
		return MappingReader.readMapping(write(dir, "test-source.yml", yaml), UNITS);
	}

	/** A transformation-input mapping with the given extra top-level YAML. */
	static SourceMapping input(Path dir, String extra) {
		return read(dir, """
				source: test-source
				kind: transformation-input
				files: ["T_*.csv"]
				key: [Ticket]
				""" + INPUT_FIELDS + extra);
	}

}
