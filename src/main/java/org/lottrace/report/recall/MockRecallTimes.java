package org.lottrace.report.recall;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a traceability test (mock recall) started and finished: from the moment the team
 * was given the scenario to the moment every lot and customer was accounted for.
 */
public record MockRecallTimes(Instant started, Instant finished) {

	/** BRCGS expects a full trace within 4 hours (clause 3.9). */
	public static final Duration TARGET = Duration.ofHours(4);

	public MockRecallTimes {
		Objects.requireNonNull(started, "started");
		Objects.requireNonNull(finished, "finished");
		if (finished.isBefore(started)) {
			throw new IllegalArgumentException(
					"The test finished (" + finished + ") before it started (" + started + ")");
		}
	}

	public Duration elapsed() {
		return Duration.between(this.started, this.finished);
	}

	/** Whether the test took no longer than {@link #TARGET}. */
	public boolean withinTarget() {
		return elapsed().compareTo(TARGET) <= 0;
	}

}
