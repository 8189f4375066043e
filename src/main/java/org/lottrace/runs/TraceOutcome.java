package org.lottrace.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.Manifest;
import org.lottrace.report.RecordsAnswer;
import org.lottrace.report.ReportFolder;
import org.lottrace.report.ReportWriter;
import org.lottrace.report.TraceAnswers;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finished trace or records request, as its report folder keeps it: the folder, its
 * manifest, and the answers of a trace ({@code trace.json}) or the findings of a records
 * request ({@code records.json}). Everything here is read back from the folder, so a run
 * of any earlier process reads the same as one of this process.
 * <p>
 * A trace's answers are read from the folder when asked for: the command line needs only
 * whether the answer is complete, which {@link #complete()} reads from the head of
 * {@code trace.json} (the answers were printed before the reports were written), and a
 * product trace's file can hold a hundred megabytes. Reading the whole file was 48 ms of
 * a one-shot trace at 10M events.
 *
 * @param runId the run's identity (the job's identifying parameter {@code run})
 * @param jobExecutionId the Spring Batch job execution
 * @param elapsed from the start of the run to its last report
 * @param records the findings of a records request; {@code null} for a trace
 */
public record TraceOutcome(String runId, long jobExecutionId, ReportFolder folder, Manifest manifest, Duration elapsed,
		@Nullable RecordsAnswer records) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COMPLETE = "complete";

	/** Reads a run's outcome from its report folder. */
	static TraceOutcome read(String runId, long jobExecutionId, Path folder, Duration elapsed) {
		ReportFolder reports = new ReportFolder(folder);
		Path records = reports.file(ReportWriter.RECORDS_JSON);
		return new TraceOutcome(runId, jobExecutionId, reports, Manifest.read(folder), elapsed,
				Files.isRegularFile(records) ? JSON.readValue(records.toFile(), RecordsAnswer.class) : null);
	}

	/**
	 * The answers of a trace, read from its {@code trace.json} at each call; {@code null}
	 * for a records request.
	 */
	public @Nullable TraceAnswers answers() {
		Path trace = this.folder.file(ReportWriter.TRACE_JSON);
		return Files.isRegularFile(trace) ? JSON.readValue(trace.toFile(), TraceAnswers.class) : null;
	}

	/** Whether the answer saw everything in its scope. */
	public boolean complete() {
		return (this.records != null) ? this.records.complete()
				: completeFlag(this.folder.file(ReportWriter.TRACE_JSON));
	}

	/**
	 * The top-level {@code complete} of a {@code trace.json}, read without the rest (it
	 * comes before the lists); {@code true} when there is no such file (a run without
	 * answers has no gaps to report).
	 */
	static boolean completeFlag(Path trace) {
		if (!Files.isRegularFile(trace)) {
			return true;
		}
		try (JsonParser parser = JSON.createParser(Files.newInputStream(trace))) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException(trace + " is not a JSON object");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (COMPLETE.equals(name)) {
					if (value != JsonToken.VALUE_TRUE && value != JsonToken.VALUE_FALSE) {
						throw new IllegalStateException(trace + ": complete is not true or false");
					}
					return value == JsonToken.VALUE_TRUE;
				}
				parser.skipChildren();
			}
			throw new IllegalStateException(trace + " has no complete");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + trace, ex);
		}
	}

}
