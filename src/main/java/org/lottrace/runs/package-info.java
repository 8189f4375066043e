/**
 * Trace and records runs as Spring Batch jobs: {@link org.lottrace.runs.TraceRunner}
 * starts a run (a trace, or a request for the records of foods and dates or lot codes),
 * its job answers the request and has the reports written into a new report folder with
 * its manifest, and {@link org.lottrace.runs.TraceRuns} finds a run and its outcome again
 * from the job repository, in this process or a later one.
 */
@NullMarked
package org.lottrace.runs;

import org.jspecify.annotations.NullMarked;
