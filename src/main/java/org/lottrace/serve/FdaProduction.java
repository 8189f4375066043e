package org.lottrace.serve;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.lottrace.fda.FdaRequest;
import org.lottrace.fda.FdaRequests;
import org.lottrace.runs.TraceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Produces the spreadsheet of an FDA request as any records request is produced (on the
 * bulk lane, within its budgets, {@link TraceRequests}), and logs it as the request's
 * production once it is written. The work under way (or the last that failed) of each
 * request is kept in memory; what was produced is in the request log.
 */
@Service
class FdaProduction {

	private static final Logger log = LoggerFactory.getLogger(FdaProduction.class);

	private final FdaRequests requests;

	private final TraceRequests traceRequests;

	private final Map<String, Work> work = new ConcurrentHashMap<>();

	FdaProduction(FdaRequests requests, TraceRequests traceRequests) {
		this.requests = requests;
		this.traceRequests = traceRequests;
	}

	/**
	 * The records request producing one FDA request's spreadsheet.
	 *
	 * @param logged completes once its production is in the request log (or it failed)
	 */
	record Work(TraceEntry entry, CompletableFuture<Void> logged) {

	}

	/**
	 * Starts producing a request's spreadsheet, or returns the work already under way.
	 * @param by who asked
	 */
	synchronized Work start(String id, String by) {
		FdaRequest request = this.requests.producible(id);
		Work running = this.work.get(id);
		if (running != null && running.entry().state() == TraceEntry.State.RUNNING) {
			return running;
		}
		TraceEntry entry = this.traceRequests.submit(request.scope().toRecordRequest());
		Work started = new Work(entry, new CompletableFuture<>());
		this.work.put(id, started);
		entry.whenEnded(() -> {
			try {
				TraceOutcome outcome = entry.outcome();
				if (outcome != null) {
					this.requests.produced(id, outcome, by);
				}
			}
			catch (RuntimeException ex) {
				log.warn("The spreadsheet of FDA request {} was written but could not be logged: {}", id,
						ex.getMessage());
			}
			finally {
				started.logged().complete(null);
			}
		});
		return started;
	}

	/** The latest work of a request in this run of the service, if any. */
	Optional<Work> of(String id) {
		return Optional.ofNullable(this.work.get(id));
	}

}
