package org.lottrace.serve;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceOutcome;
import org.lottrace.report.TraceRunner;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.springframework.stereotype.Service;

/**
 * Traces and records requests made over HTTP: checked at once (a lot that does not exist
 * is "not found" before anything runs), then run on a small pool while the caller follows
 * their state. The latest requests are kept in memory; their report folders stay on disk.
 */
@Service
public class TraceRequests {

	private static final int KEPT = 200;

	/** Where a request is. */
	public enum State {

		RUNNING, DONE, FAILED

	}

	/** A request and, once it has ended, its outcome or error. */
	public static final class Entry {

		private final String id;

		private final String kind;

		private final Instant submitted;

		private final CompletableFuture<TraceOutcome> outcome = new CompletableFuture<>();

		private volatile @Nullable Instant finished;

		Entry(String id, String kind, Instant submitted) {
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

		public @Nullable String error() {
			if (state() != State.FAILED) {
				return null;
			}
			try {
				this.outcome.join();
				return null;
			}
			catch (RuntimeException ex) {
				Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
				return String.valueOf(cause.getMessage());
			}
		}

		/** Waits for the end, at most {@code millis}. */
		public void await(long millis) {
			try {
				this.outcome.get(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
			}
			catch (Exception ex) {
				// still running, or failed: the state says which
			}
		}

	}

	private final TraceRunner runner;

	private final TraceService traces;

	private final Clock clock;

	private final ExecutorService pool;

	private final Timer traceTimer;

	private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
			return size() > KEPT;
		}

	};

	public TraceRequests(TraceRunner runner, TraceService traces, Clock clock, ServeProperties properties,
			MeterRegistry meters) {
		this.runner = runner;
		this.traces = traces;
		this.clock = clock;
		this.pool = Executors.newFixedThreadPool(properties.traceThreads(), (task) -> {
			Thread thread = new Thread(task, "lottrace-trace");
			thread.setDaemon(true);
			return thread;
		});
		this.traceTimer = Timer.builder("lottrace.trace.duration")
			.description("Traces and records requests with their reports, start to end")
			.register(meters);
	}

	/**
	 * @throws org.lottrace.trace.TraceException when the lot or product is unknown or the
	 * request ambiguous
	 */
	public Entry submit(TraceRequest request) {
		this.traces.check(request);
		return start("trace", () -> this.runner.trace(request));
	}

	/**
	 * @throws org.lottrace.trace.TraceException when nothing the request names is known
	 */
	public Entry submit(RecordRequest request) {
		this.traces.check(request);
		return start("records", () -> this.runner.records(request));
	}

	private Entry start(String kind, Supplier<TraceOutcome> work) {
		Entry entry = new Entry(UUID.randomUUID().toString(), kind, this.clock.instant());
		synchronized (this.entries) {
			this.entries.put(entry.id(), entry);
		}
		this.pool.execute(() -> {
			long started = System.nanoTime();
			TraceOutcome outcome = null;
			RuntimeException failure = null;
			try {
				outcome = work.get();
			}
			catch (RuntimeException ex) {
				failure = ex;
			}
			// finished and timed before the request is seen as ended, so that whoever
			// waits on it reads both
			entry.finished = this.clock.instant();
			this.traceTimer.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
			if (failure != null) {
				entry.outcome.completeExceptionally(failure);
			}
			else {
				entry.outcome.complete(outcome);
			}
		});
		return entry;
	}

	public Optional<Entry> get(String id) {
		synchronized (this.entries) {
			return Optional.ofNullable(this.entries.get(id));
		}
	}

	/** The latest requests, newest first. */
	public List<Entry> latest() {
		synchronized (this.entries) {
			List<Entry> latest = new ArrayList<>(this.entries.values());
			java.util.Collections.reverse(latest);
			return latest;
		}
	}

	@PreDestroy
	void stop() {
		this.pool.shutdownNow();
	}

}
