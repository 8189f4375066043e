package org.lottrace.runs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceFindings;
import org.lottrace.trace.RecordSelection;

/**
 * What the first step of a trace or records job hands the second: the answers or records,
 * and when the run started.
 */
public final class TraceWork {

	@Nullable TraceFindings findings;

	@Nullable RecordSelection records;

	@Nullable Instant started;

	long queryMillis;

}
