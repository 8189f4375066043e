package org.lottrace.ingest;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestResult.HeldLine;

/**
 * Reads back the first lines of an ingestion's reports of rejected and pending rows (see
 * {@link HeldRowWriter}), for the summary that the command line and the service show.
 */
final class HeldReports {

	private HeldReports() {
	}

	/** The first {@link IngestResult#HELD_SHOWN} reasons of each report. */
	static List<HeldLine> firstLines(@Nullable String rejectsFile, @Nullable String pendingFile) {
		List<HeldLine> rejected = new ArrayList<>();
		read(rejectsFile, false, rejected);
		List<HeldLine> pending = new ArrayList<>();
		read(pendingFile, true, pending);
		rejected.addAll(pending);
		return List.copyOf(rejected);
	}

	private static void read(@Nullable String file, boolean pending, List<HeldLine> lines) {
		if (file == null || !Files.isRegularFile(Path.of(file))) {
			return;
		}
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			for (CSVRecord record : format.parse(in)) {
				if (lines.size() >= IngestResult.HELD_SHOWN) {
					return;
				}
				String value = record.get("value");
				lines.add(new HeldLine(Long.parseLong(record.get("line")), record.get("field"),
						value.isEmpty() ? null : value, record.get("reason"),
						pending ? record.get("waits_for") : null));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

}
