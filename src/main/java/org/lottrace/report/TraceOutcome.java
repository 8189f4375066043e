package org.lottrace.report;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.lottrace.trace.RecordSelection;
import org.lottrace.trace.TraceAnalysis;

/**
 * A finished trace or records request: its answers (for a trace) or records (for a
 * request), the folder its reports went to, and the manifest of that folder.
 */
public record TraceOutcome(long jobExecutionId, ReportFolder folder, @Nullable TraceFindings findings,
		@Nullable RecordSelection records, Manifest manifest, Duration elapsed) {

	/** The answers of a trace; {@code null} for a records request. */
	public @Nullable TraceAnalysis analysis() {
		return (this.findings != null) ? this.findings.analysis() : null;
	}

}
