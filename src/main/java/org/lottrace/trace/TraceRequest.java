package org.lottrace.trace;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to trace: a lot (by its traceability lot code, optionally with who assigned it, or
 * by an internal lot number), or a product over a date range; and a direction.
 *
 * @param lot a traceability lot code or an internal lot number (an alias); {@code null}
 * when tracing a product
 * @param assigner the location code of whoever assigned the lot code, to tell apart lots
 * of different suppliers that share a code
 * @param product a product code: trace every lot of it with an event between {@code from}
 * and {@code to}
 * @param reason why the trace is run (a complaint, a mock recall), for the reports
 */
public record TraceRequest(@Nullable String lot, @Nullable String assigner, @Nullable String product,
		@Nullable LocalDate from, @Nullable LocalDate to, Direction direction, @Nullable String reason) {

	public static TraceRequest lot(String lot, Direction direction) {
		return new TraceRequest(lot, null, null, null, null, direction, null);
	}

	/**
	 * A short description for titles and folder names: {@code lot C261014A} or
	 * {@code product X 2026-10-01..}.
	 */
	public String subject() {
		if (this.lot != null) {
			return "lot " + this.lot + ((this.assigner != null) ? " (" + this.assigner + ")" : "");
		}
		return "product " + this.product + " " + ((this.from != null) ? this.from : "") + ".."
				+ ((this.to != null) ? this.to : "");
	}

}
