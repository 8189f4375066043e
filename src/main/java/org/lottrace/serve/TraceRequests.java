package org.lottrace.serve;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.runs.TraceRunner;
import org.lottrace.runs.TraceRuns;
import org.springframework.batch.core.BatchStatus;
import org.lottrace.serve.TraceLanes.Lane;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceException;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Service;

/**
 * Traces and records requests made over HTTP: checked and sized at once (a lot that does
 * not exist is "not found", a product over too many lots "too large", before anything
 * runs), then run on their lane ({@link TraceLanes}: lot traces apart from bulk work)
 * within their time budget while the caller follows their state. A trace that reaches too
 * many lots, or outlives its time, stops before its reports are written. The requests of
 * this process are kept in memory while it runs, for their live state (and those refused
 * before they ran); every run is also in the job repository with its report folder, which
 * is what answers after a restart.
 */
@Service
public class TraceRequests {

	private static final Logger log = LoggerFactory.getLogger(TraceRequests.class);

	private static final int KEPT = 200;

	private final TraceRunner runner;

	private final TraceService traces;

	private final Clock clock;

	private final TraceLanes lanes;

	private final LimitProperties limits;

	private final Timer traceTimer;

	/**
	 * Ends requests whose time budget ran out (Spring Boot's scheduler builder, one
	 * thread).
	 */
	private final ThreadPoolTaskScheduler deadlines;

	private final Map<String, TraceEntry> entries = new LinkedHashMap<>(16, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, TraceEntry> eldest) {
			return size() > KEPT;
		}

	};

	private final TraceRuns runs;

	public TraceRequests(TraceRunner runner, TraceRuns runs, TraceService traces, Clock clock, TraceLanes lanes,
			LimitProperties limits, MeterRegistry meters, ThreadPoolTaskSchedulerBuilder schedulers) {
		this.deadlines = schedulers.poolSize(1)
			.threadNamePrefix("lottrace-deadlines-")
			.customizers((s) -> s.setDaemon(true))
			.build();
		this.deadlines.initialize();
		this.runner = runner;
		this.runs = runs;
		this.traces = traces;
		this.clock = clock;
		this.lanes = lanes;
		this.limits = limits;
		this.traceTimer = Timer.builder("lottrace.trace.duration")
			.description("Traces and records requests with their reports, start to end")
			.register(meters);
	}

	/**
	 * @throws TraceException when the lot or product is unknown or the request ambiguous
	 * @throws ApiErrors.OverBudget when a product trace starts from too many lots
	 * @throws ApiErrors.TooBusy when its lane is full
	 */
	public TraceEntry submit(TraceRequest request) {
		return submit(request, null);
	}

	/**
	 * A trace in the store as it stood at a snapshot ({@code asOf}, a snapshot id), on
	 * the bulk lane: its index is built first.
	 * @throws TraceException when the lot or product is unknown or the request ambiguous
	 * @throws ApiErrors.OverBudget when a product trace starts from too many lots
	 * @throws ApiErrors.TooBusy when its lane is full
	 */
	public TraceEntry submit(TraceRequest request, @Nullable String asOf) {
		int startLots = this.traces.check(request);
		if (request.product() != null && startLots > this.limits.maxStartLots()) {
			throw new ApiErrors.OverBudget(String.format(java.util.Locale.ROOT,
					"%s: %,d lots of this product have records in these dates, and a trace starts from at most "
							+ "%,d (lottrace.serve.limits.max-start-lots); give a shorter date range, trace a lot, "
							+ "or ask for the FDA records of the product (POST /api/reports)",
					request.subject(), startLots, this.limits.maxStartLots()));
		}
		Lane lane = (request.lot() != null && asOf == null) ? Lane.LOT : Lane.BULK;
		return start(lane, "trace", this.limits.traceTime(), (entry) -> () -> this.runner.trace(request, entry.id(),
				(findings) -> Budgets.reached(entry, findings.analysis(), this.limits), asOf));
	}

	/**
	 * @throws TraceException when nothing the request names is known
	 * @throws ApiErrors.OverBudget when it selects too many lots
	 * @throws ApiErrors.TooBusy when the bulk lane is full
	 */
	public TraceEntry submit(RecordRequest request) {
		return submit(request, null);
	}

	/**
	 * The records of a request in the store as it stood at a snapshot ({@code asOf}, a
	 * snapshot id).
	 * @throws TraceException when nothing the request names is known
	 * @throws ApiErrors.OverBudget when it selects too many lots
	 * @throws ApiErrors.TooBusy when the bulk lane is full
	 */
	public TraceEntry submit(RecordRequest request, @Nullable String asOf) {
		this.traces.check(request);
		long lots = this.traces.size(request);
		if (lots > this.limits.maxRecordLots()) {
			throw new ApiErrors.OverBudget(String.format(java.util.Locale.ROOT,
					"records of %s: %,d lots match, and a request takes at most %,d "
							+ "(lottrace.serve.limits.max-record-lots); split it by dates or products",
					request.subject(), lots, this.limits.maxRecordLots()));
		}
		return start(Lane.BULK, "records", this.limits.recordsTime(),
				(entry) -> () -> this.runner.records(request, entry.id(), asOf));
	}

	private TraceEntry start(Lane lane, String kind, Duration budget,
			java.util.function.Function<TraceEntry, Supplier<TraceOutcome>> work) {
		TraceEntry entry = new TraceEntry(UUID.randomUUID().toString(), kind, this.clock.instant());
		Supplier<TraceOutcome> run = work.apply(entry);
		this.lanes.execute(lane, () -> run(entry, run));
		synchronized (this.entries) {
			this.entries.put(entry.id(), entry);
		}
		this.deadlines.schedule(() -> Budgets.expire(entry, budget, this.clock.instant()), Instant.now().plus(budget));
		return entry;
	}

	private void run(TraceEntry entry, Supplier<TraceOutcome> work) {
		if (entry.ended()) {
			return; // its time ran out while it waited
		}
		long started = System.nanoTime();
		try {
			entry.succeed(work.get(), this.clock.instant());
		}
		catch (RuntimeException ex) {
			entry.fail(Budgets.explained(entry, ex), this.clock.instant());
			if (!(ex instanceof TraceException) && !Budgets.stopped(entry)) {
				log.error("Request {} ({}) failed", entry.id(), entry.kind(), ex);
			}
		}
		finally {
			this.traceTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
		}
	}

	/**
	 * A request of this process, or a run of an earlier one: the job repository and the
	 * report folders keep every run, so a restart loses none.
	 */
	public Optional<TraceEntry> get(String id) {
		synchronized (this.entries) {
			TraceEntry entry = this.entries.get(id);
			if (entry != null) {
				return Optional.of(entry);
			}
		}
		return this.runs.find(id).map(TraceRequests::entry);
	}

	/** A finished run of the job repository, as an entry. */
	private static TraceEntry entry(TraceRuns.Run run) {
		Instant started = (run.started() != null) ? run.started() : Instant.EPOCH;
		TraceEntry entry = new TraceEntry(run.runId(), run.kind(), started);
		Instant finished = (run.finished() != null) ? run.finished() : started;
		if (run.outcome() != null) {
			entry.succeed(run.outcome(), finished);
		}
		else if (run.status() == BatchStatus.FAILED || run.finished() != null) {
			entry.fail(new IllegalStateException((run.error() != null) ? run.error() : "the run did not complete"),
					finished);
		}
		return entry;
	}

	/**
	 * The latest requests, newest first: those of this process, then earlier runs from
	 * the job repository.
	 */
	public List<TraceEntry> latest() {
		List<TraceEntry> latest;
		synchronized (this.entries) {
			latest = new ArrayList<>(this.entries.values());
		}
		java.util.Collections.reverse(latest);
		java.util.Set<String> shown = new java.util.HashSet<>();
		latest.forEach((e) -> shown.add(e.id()));
		this.runs.latest(KEPT)
			.stream()
			.filter((r) -> !shown.contains(r.runId()))
			.limit(Math.max(0, KEPT - latest.size()))
			.forEach((r) -> latest.add(entry(r)));
		return latest;
	}

	@PreDestroy
	void stop() {
		this.deadlines.shutdown();
	}

}
