package org.lottrace.runs;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceFindings;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.iceberg.StoreSnapshot;
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

	/**
	 * The state of the store the answers were read from (its Iceberg snapshot), or
	 * {@code null} for a store without Iceberg tables.
	 */
	@Nullable StoreSnapshot snapshot;

	/** The store as of that snapshot, when the run asked for an earlier one. */
	@Nullable StoreCatalog pastCatalog;

	/** When the run started: set by the first step. */
	Instant started() {
		return first(this.started);
	}

	/** The records of a records job: set by its first step. */
	RecordSelection records() {
		return first(this.records);
	}

	private static <T> T first(@Nullable T value) {
		if (value == null) {
			throw new IllegalStateException("the report step runs only after the trace or select step");
		}
		return value;
	}

}
