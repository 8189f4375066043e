package org.lottrace.report.summary;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lottrace.kde.Cte;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceNames;

/**
 * How a lot came into being here: received (or packed, or landed) from a supplier, or
 * produced under a work order.
 *
 * @param how {@code received}, {@code produced}, {@code packed} or {@code landed}
 * @param from the immediate previous source, for a receipt
 * @param internalLot the plant's own number for the lot, if the record gives one
 * @param references the reference documents, e.g. the purchase order and the receipt
 * @param record the export file and line the record was read from
 */
record ReceiptLine(String how, String date, String quantity, String from, String internalLot, String references,
		String record) {

	/** The receiving, packing, landing or production records among a lot's events. */
	static List<ReceiptLine> of(List<KdeEvent> events, TraceNames names) {
		return events.stream().filter(ReceiptLine::bringsInLot).map((e) -> of(e, names)).toList();
	}

	static ReceiptLine of(KdeEvent event, TraceNames names) {
		String references = Stream.of(event.reference(), event.secondReference())
			.map(ReportFormat::reference)
			.filter((s) -> !s.isEmpty())
			.collect(Collectors.joining("; "));
		String internal = (event.lot() != null && event.lot().internalLot() != null) ? event.lot().internalLot() : "";
		return new ReceiptLine(how(event), event.eventDate().toString(), ReportFormat.quantity(event.quantity()),
				names.party(event.locations().partner()), internal, references,
				event.provenance().file() + ":" + event.provenance().line());
	}

	private static String how(KdeEvent event) {
		return switch (event.cte()) {
			case TRANSFORMATION -> "produced";
			case INITIAL_PACKING -> "packed";
			case FIRST_LAND_BASED_RECEIVING -> "landed";
			default -> "received";
		};
	}

	static boolean bringsInLot(KdeEvent event) {
		return event.cte() == Cte.RECEIVING || event.cte() == Cte.INITIAL_PACKING
				|| event.cte() == Cte.FIRST_LAND_BASED_RECEIVING
				|| (event.cte() == Cte.TRANSFORMATION && event.role() == EventRole.OUTPUT);
	}

}
