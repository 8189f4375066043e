package org.lottrace.serve;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceException;

/**
 * Holds running requests to their budgets ({@link LimitProperties}). A trace is checked
 * as soon as it has its answers, before its reports (the costly part for many lots) are
 * written: one past its time or beyond its size stops there. A request whose time runs
 * out is answered as failed at once, whatever its work is doing.
 */
final class Budgets {

	private Budgets() {
	}

	/**
	 * Called with a trace's answers, on its worker thread: stops it (by throwing, which
	 * fails the trace job before its report step) when it has outlived its time or
	 * reached too many lots.
	 */
	static void reached(TraceEntry entry, TraceAnalysis analysis, LimitProperties limits) {
		if (entry.ended()) {
			RuntimeException stopped = new ApiErrors.OverBudget("stopped: its time ran out");
			entry.overBudget(stopped);
			throw stopped;
		}
		int lots = analysis.result().lots().size();
		if (lots > limits.maxLots()) {
			RuntimeException tooLarge = new ApiErrors.OverBudget(String.format(Locale.ROOT,
					"%s reaches %,d lots, more than the %,d a trace may reach (lottrace.serve.limits.max-lots); "
							+ "trace one lot, a shorter date range, or one direction",
					analysis.result().request().subject(), lots, limits.maxLots()));
			entry.overBudget(tooLarge);
			throw tooLarge;
		}
	}

	/** Ends a request whose time has run out, unless it has ended. */
	static void expire(TraceEntry entry, Duration budget, Instant now) {
		if (!entry.ended()) {
			entry.fail(new ApiErrors.OverBudget(String.format(Locale.ROOT,
					"this %s took longer than its %d s (lottrace.serve.limits.%s-time) and was stopped; narrow it "
							+ "(fewer lots, a shorter date range) or try again when the service is less busy",
					entry.kind(), budget.toSeconds(), entry.kind())), now);
		}
	}

	/** Whether the request was stopped by its budget rather than failing. */
	static boolean stopped(TraceEntry entry) {
		return entry.overBudget() != null || entry.ended();
	}

	/**
	 * What the caller is told of a failure: the request's own problem (unknown lot,
	 * ambiguous code, over budget, index busy) as it is, anything else only as "failed",
	 * since its message may be a database's (the log has it).
	 */
	static RuntimeException explained(TraceEntry entry, RuntimeException failure) {
		if (entry.overBudget() != null) {
			return entry.overBudget();
		}
		if (failure instanceof TraceException || failure instanceof IndexBusyException
				|| failure instanceof ApiErrors.OverBudget) {
			return failure;
		}
		return new IllegalStateException(
				"the " + entry.kind() + " failed; the service's log has the details (request " + entry.id() + ")");
	}

}
