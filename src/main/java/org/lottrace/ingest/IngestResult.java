package org.lottrace.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What became of one export.
 *
 * @param read data rows read
 * @param written records stored
 * @param rejected rows rejected as wrong in themselves (listed in {@code rejectsFile})
 * @param pending rows held until the data they wait for arrives (listed in
 * {@code pendingFile})
 * @param superseded stored records that this export's records replace as the current
 * version
 * @param error why the export failed, when it did
 * @param steps how long each step of the job took
 * @param held the first rows held back (rejected or pending), one entry per reason, at
 * most {@link #HELD_SHOWN}: the files list them all
 */
public record IngestResult(Path file, String source, Status status, long read, long written, long rejected,
		long pending, long superseded, Duration duration, @Nullable String rejectsFile, @Nullable String pendingFile,
		@Nullable String error, @Nullable Long jobExecutionId, Map<String, Duration> steps, List<HeldLine> held) {

	/** How many held rows a result lists. */
	public static final int HELD_SHOWN = 20;

	/**
	 * One reason a row was held back: rejected ({@code waitsFor} is null) or pending.
	 */
	public record HeldLine(long line, String field, @Nullable String value, String reason, @Nullable String waitsFor) {

	}

	public enum Status {

		/** Stored now. */
		INGESTED,

		/** Stored by an earlier run: nothing changed. */
		ALREADY_INGESTED,

		/**
		 * Pending rows of it, held by an earlier run, tried again: {@code written} became
		 * records, {@code pending} still wait; {@code error} says why the attempt failed,
		 * if it did (the rows then stay pending).
		 */
		RESOLVED,

		/** Nothing of it stored; see the error. */
		FAILED

	}

	/** True when the export, or a retry of its pending rows, failed. */
	public boolean failed() {
		return this.status == Status.FAILED || this.error != null;
	}

	static IngestResult already(Path file, String source, long read, long written, long rejected, long pending,
			@Nullable String rejectsFile, @Nullable String pendingFile) {
		return new IngestResult(file, source, Status.ALREADY_INGESTED, read, written, rejected, pending, 0,
				Duration.ZERO, rejectsFile, pendingFile, null, null, Map.of(), List.of());
	}

	static IngestResult failed(Path file, String source, Duration duration, String error,
			@Nullable Long jobExecutionId) {
		return new IngestResult(file, source, Status.FAILED, 0, 0, 0, 0, 0, duration, null, null, error, jobExecutionId,
				Map.of(), List.of());
	}

}
