package org.lottrace.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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

	/**
	 * Who waits for the answers of a run (by its run id) before its reports are written.
	 */
	private final Map<String, Consumer<TraceFindings>> answerListeners = new ConcurrentHashMap<>();

	void listen(String runId, Consumer<TraceFindings> listener) {
		this.answerListeners.put(runId, listener);
	}

	void forget(String runId) {
		this.answerListeners.remove(runId);
	}

	/**
	 * Hands a run's answers to whoever waits for them, as soon as the trace step has
	 * them.
	 */
	void answered(String runId, TraceFindings findings) {
		Consumer<TraceFindings> listener = this.answerListeners.get(runId);
		if (listener != null) {
			listener.accept(findings);
		}
	}

	public synchronized void put(TraceOutcome outcome) {
		this.outcomes.put(outcome.jobExecutionId(), outcome);
	}

	public synchronized Optional<TraceOutcome> get(long jobExecutionId) {
		return Optional.ofNullable(this.outcomes.get(jobExecutionId));
	}

}
