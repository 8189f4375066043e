package org.lottrace.report.summary;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceNames;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Batch;
import org.lottrace.trace.TraceAnalysis.Input;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * The first answer: which batch. For each start lot, the work order that made it (date,
 * site, quantity) and its inputs with the quantity used and the scale ticket; for a lot
 * that was not made here, its receipts.
 */
public final class BatchSection {

	/** One start lot. */
	public record BatchView(String lot, String product, @Nullable String ftlCategory, boolean made,
			List<OutputView> outputs, List<ReceiptLine> receipts, List<InputView> inputs) {

	}

	/** The production record of a batch. */
	record OutputView(String workOrder, String date, String site, String siteAddress, String quantity,
			String reference) {

	}

	/** One input record of a batch. */
	record InputView(String lot, String product, @Nullable String ftlCategory, String supplier, String quantity,
			String ticket, String workOrder) {

	}

	private BatchSection() {
	}

	public static List<BatchView> of(TraceAnalysis analysis, TraceNames names) {
		return analysis.batches().stream().map((batch) -> view(batch, names)).toList();
	}

	private static BatchView view(Batch batch, TraceNames names) {
		List<OutputView> outputs = batch.outputs()
			.stream()
			.map((e) -> new OutputView(text(e.workOrder()), e.eventDate().toString(),
					names.party(e.locations().location()), names.address(e.locations().location()),
					ReportFormat.quantity(e.quantity()), ReportFormat.reference(e.reference())))
			.toList();
		List<ReceiptLine> receipts = batch.outputs().isEmpty() ? ReceiptLine.of(names.events(batch.lot()), names)
				: List.of();
		List<InputView> inputs = batch.inputs().stream().map((input) -> input(input, names)).toList();
		return new BatchView(names.lot(batch.lot()), names.product(batch.productCode()),
				names.ftlCategory(batch.productCode()), !outputs.isEmpty(), outputs, receipts, inputs);
	}

	private static InputView input(Input input, TraceNames names) {
		TracedLot lot = input.lot();
		KdeEvent event = input.event();
		return new InputView(names.lot(lot), names.product(input.productCode()), names.ftlCategory(input.productCode()),
				names.supplier(lot), (event != null) ? ReportFormat.quantity(event.quantity()) : "",
				(event != null) ? ticket(event, lot) : "", (event != null) ? text(event.workOrder()) : "");
	}

	/** The scale ticket (or other reference) and, when it differs, the number scanned. */
	private static String ticket(KdeEvent event, TracedLot lot) {
		ReferenceDocument ticket = (event.secondReference() != null) ? event.secondReference() : event.reference();
		String scanned = (event.lot() != null && !event.lot().code().equals(lot.code()))
				? "scanned as " + event.lot().code() : null;
		return Stream.of(ReportFormat.reference(ticket), scanned)
			.filter((s) -> s != null && !s.isEmpty())
			.collect(Collectors.joining(", "));
	}

	private static String text(@Nullable String value) {
		return (value != null) ? value : "";
	}

	/**
	 * What the traced lots are called: a {@code batch} when this site made them, a
	 * {@code lot} otherwise (a supplier's lot has no batch).
	 */
	public static String what(TraceAnalysis analysis, TraceNames names) {
		return analysis.result().start().stream().allMatch(names::madeHere) ? "batch" : "lot";
	}

}
