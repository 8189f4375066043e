package org.lottrace.serve;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.lottrace.runs.TraceOutcome;

/**
 * A trace or records request made over HTTP and, once it has ended, its outcome or the
 * reason it failed: a message meant for the caller (what to fix or narrow), never an
 * exception's internals.
 */
public final class TraceEntry {

	/** Where a request is. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	private final String id;

	private final String kind;

	private final Instant submitted;

	private final CompletableFuture<TraceOutcome> outcome = new CompletableFuture<>();

	private volatile @Nullable Instant finished;

	private volatile @Nullable RuntimeException failure;

	private volatile @Nullable RuntimeException overBudget;

	TraceEntry(String id, String kind, Instant submitted) {
		this.id = id;
		this.kind = kind;
		this.submitted = submitted;
	}

	public String id() {
		return this.id;
	}

	/** {@code trace} or {@code records}. */
	public String kind() {
		return this.kind;
	}

	public Instant submitted() {
		return this.submitted;
	}

	public @Nullable Instant finished() {
		return this.finished;
	}

	public State state() {
		if (!this.outcome.isDone()) {
			return State.RUNNING;
		}
		return this.outcome.isCompletedExceptionally() ? State.FAILED : State.DONE;
	}

	public @Nullable TraceOutcome outcome() {
		return (state() == State.DONE) ? this.outcome.join() : null;
	}

	/** Why it failed, for the caller; {@code null} unless failed. */
	public @Nullable String error() {
		RuntimeException failure = this.failure;
		return (state() == State.FAILED && failure != null) ? failure.getMessage() : null;
	}

	/**
	 * Why it failed, as the exception the API answers with; {@code null} unless failed.
	 */
	@Nullable RuntimeException failure() {
		return (state() == State.FAILED) ? this.failure : null;
	}

	/** Whether it has ended (done, failed or stopped past its time). */
	boolean ended() {
		return this.outcome.isDone();
	}

	/** Waits for the end, at most {@code millis}. */
	public void await(long millis) {
		try {
			this.outcome.get(millis, TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			// still running, or failed: the state says which
		}
	}

	/**
	 * Runs {@code action} once the request has ended (done, failed or stopped), on the
	 * thread that ended it, or at once if it has ended already.
	 */
	void whenEnded(Runnable action) {
		this.outcome.whenComplete((outcome, failure) -> action.run());
	}

	/** Notes that the work went beyond its budget, as it stops itself. */
	void overBudget(RuntimeException reason) {
		this.overBudget = reason;
	}

	/** Why the work stopped itself, if it did. */
	@Nullable RuntimeException overBudget() {
		return this.overBudget;
	}

	void succeed(TraceOutcome outcome, Instant at) {
		end(at, null, outcome);
	}

	/**
	 * Ends the request as failed, unless it has ended already (a request stopped past its
	 * time stays stopped when its work finally returns).
	 */
	void fail(RuntimeException failure, Instant at) {
		end(at, failure, null);
	}

	private synchronized void end(Instant at, @Nullable RuntimeException failure, @Nullable TraceOutcome outcome) {
		if (this.outcome.isDone()) {
			return;
		}
		// finished and the failure are set before the request is seen as ended, so that
		// whoever waits on it reads them
		this.finished = at;
		this.failure = failure;
		if (failure != null) {
			this.outcome.completeExceptionally(failure);
		}
		else {
			this.outcome.complete(outcome);
		}
	}

}
