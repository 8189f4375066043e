package org.lottrace.ingest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What became of one export.
 *
 * @param read data rows read
 * @param written records stored
 * @param rejected rows set aside (listed in {@code rejectsFile})
 * @param superseded stored records that this export's records replace as the current
 * version
 * @param error why the export failed, when it did
 * @param steps how long each step of the job took
 */
public record IngestResult(Path file, String source, Status status, long read, long written, long rejected,
		long superseded, Duration duration, @Nullable String rejectsFile, @Nullable String error,
		@Nullable Long jobExecutionId, Map<String, Duration> steps) {

	public enum Status {

		/** Stored now. */
		INGESTED,

		/** Stored by an earlier run: nothing changed. */
		ALREADY_INGESTED,

		/** Nothing of it stored; see the error. */
		FAILED

	}

	static IngestResult already(Path file, String source, long read, long written, long rejected,
			@Nullable String rejectsFile) {
		return new IngestResult(file, source, Status.ALREADY_INGESTED, read, written, rejected, 0, Duration.ZERO,
				rejectsFile, null, null, Map.of());
	}

	static IngestResult failed(Path file, String source, Duration duration, String error,
			@Nullable Long jobExecutionId) {
		return new IngestResult(file, source, Status.FAILED, 0, 0, 0, 0, duration, null, error, jobExecutionId,
				Map.of());
	}

}
