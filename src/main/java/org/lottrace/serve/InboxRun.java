package org.lottrace.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.lottrace.ingest.IngestResult;

/**
 * One pass over the inbox: which files were taken and what became of each.
 *
 * @param trigger what started it: {@code schedule}, {@code start} or {@code request}
 * @param results what became of each file taken
 * @param resolutions the retries of the store's pending rows that the run made, one per
 * export with pending rows
 * @param waiting files seen but left for the next run because they were still being
 * written
 * @param error why the run as a whole failed (the store was busy, a mapping is invalid),
 * or {@code null}
 */
public record InboxRun(String trigger, Instant started, Duration elapsed, List<IngestResult> results,
		List<IngestResult> resolutions, List<String> waiting, @org.jspecify.annotations.Nullable String error) {

	/**
	 * True when every file was ingested (or had been) and the run itself did not fail.
	 */
	public boolean succeeded() {
		return this.error == null && this.results.stream().noneMatch(IngestResult::failed)
				&& this.resolutions.stream().noneMatch(IngestResult::failed);
	}

}
