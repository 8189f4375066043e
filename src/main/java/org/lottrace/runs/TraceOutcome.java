package org.lottrace.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.Manifest;
import org.lottrace.report.RecordsAnswer;
import org.lottrace.report.ReportFolder;
import org.lottrace.report.ReportWriter;
import org.lottrace.report.TraceAnswers;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finished trace or records request, as its report folder keeps it: the folder, its
 * manifest, and the answers of a trace ({@code trace.json}) or the findings of a records
 * request ({@code records.json}). Everything here is read back from the folder, so a run
 * of any earlier process reads the same as one of this process.
 *
 * @param runId the run's identity (the job's identifying parameter {@code run})
 * @param jobExecutionId the Spring Batch job execution
 * @param elapsed from the start of the run to its last report
 */
public record TraceOutcome(String runId, long jobExecutionId, ReportFolder folder, Manifest manifest, Duration elapsed,
		@Nullable TraceAnswers answers, @Nullable RecordsAnswer records) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Reads a run's outcome from its report folder. */
	static TraceOutcome read(String runId, long jobExecutionId, Path folder, Duration elapsed) {
		ReportFolder reports = new ReportFolder(folder);
		Path trace = reports.file(ReportWriter.TRACE_JSON);
		Path records = reports.file(ReportWriter.RECORDS_JSON);
		return new TraceOutcome(runId, jobExecutionId, reports, Manifest.read(folder), elapsed,
				Files.isRegularFile(trace) ? JSON.readValue(trace.toFile(), TraceAnswers.class) : null,
				Files.isRegularFile(records) ? JSON.readValue(records.toFile(), RecordsAnswer.class) : null);
	}

	/** Whether the answer saw everything in its scope. */
	public boolean complete() {
		return (this.answers != null) ? this.answers.complete() : this.records == null || this.records.complete();
	}

}
