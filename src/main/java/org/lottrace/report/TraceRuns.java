package org.lottrace.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The outcomes of the latest runs of this process, by job execution id, so that the
 * command line and the service can show a run's answers once its job has ended. Older
 * runs stay in their report folders.
 */
@Component
public class TraceRuns {

	private static final int KEPT = 50;

	private final Map<Long, TraceOutcome> outcomes = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, TraceOutcome> eldest) {
			return size() > KEPT;
		}

	};

	public synchronized void put(TraceOutcome outcome) {
		this.outcomes.put(outcome.jobExecutionId(), outcome);
	}

	public synchronized Optional<TraceOutcome> get(long jobExecutionId) {
		return Optional.ofNullable(this.outcomes.get(jobExecutionId));
	}

}
