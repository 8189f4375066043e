package org.lottrace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lottrace.trace.RecordSelection;
import org.lottrace.trace.TraceAnalysis;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the files of a report folder and says how long each took: the answers as JSON
 * (what the HTTP API serves).
 */
@Component
public class ReportWriter {

	static final String TRACE_JSON = "trace.json";

	static final String RECORDS_JSON = "records.json";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** Writes the reports of a trace. @return milliseconds per report */
	public Map<String, Long> trace(TraceAnalysis analysis, ReportFolder folder) {
		Map<String, Long> timings = new LinkedHashMap<>();
		time(timings, TRACE_JSON, () -> json(TraceAnswers.of(analysis), folder.file(TRACE_JSON)));
		return timings;
	}

	/** Writes the reports of a records request. @return milliseconds per report */
	public Map<String, Long> records(RecordSelection records, ReportFolder folder) {
		Map<String, Long> timings = new LinkedHashMap<>();
		time(timings, RECORDS_JSON, () -> json(records, folder.file(RECORDS_JSON)));
		return timings;
	}

	static void time(Map<String, Long> timings, String name, Runnable work) {
		long started = System.nanoTime();
		work.run();
		timings.put(name, (System.nanoTime() - started) / 1_000_000);
	}

	static void json(Object value, Path file) {
		try {
			Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
			JSON.writeValue(temp.toFile(), value);
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + file, ex);
		}
	}

}
