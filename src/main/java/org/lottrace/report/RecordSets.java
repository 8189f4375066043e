package org.lottrace.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lottrace.kde.KdeEvent;
import org.lottrace.trace.Gap;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.RecordSelection;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.TracedLot;

/** Builds {@link RecordSet}s. */
public final class RecordSets {

	private RecordSets() {
	}

	/** The records a request for foods and dates, or for lot codes, selected. */
	public static RecordSet of(RecordSelection selection) {
		Map<String, RecordSet.Lot> lots = new HashMap<>();
		selection.eventLots().forEach((key, lot) -> lots.put(key, new RecordSet.Lot(lot.code(), lot.assigner())));
		RecordRequest request = selection.request();
		List<String> scope = new ArrayList<>();
		scope.add("Request: records of " + request.subject());
		if (!request.products().isEmpty()) {
			scope.add("Foods (product codes): " + String.join(", ", request.products()));
		}
		if (!request.lotCodes().isEmpty()) {
			scope.add("Traceability lot codes: " + String.join(", ", request.lotCodes()));
		}
		scope.add("Date range: " + ((request.from() != null) ? request.from() : "any") + " to "
				+ ((request.to() != null) ? request.to() : "any"));
		return new RecordSet("Records of " + request.subject(), List.copyOf(scope), selection.events(),
				Map.copyOf(lots), selection.locations(), selection.products(), selection.selectedAt(),
				selection.gaps());
	}

	/** The records of every lot a trace reached, with the gaps the trace found. */
	public static RecordSet of(TraceResult result, List<Gap> gaps) {
		Map<String, RecordSet.Lot> lots = new HashMap<>();
		for (KdeEvent event : result.events()) {
			TracedLot lot = result.lotOf(event);
			if (lot != null) {
				lots.put(event.recordKey(), new RecordSet.Lot(lot.code(), lot.assigner()));
			}
		}
		result.context()
			.eventLots()
			.forEach((key, lot) -> lots.putIfAbsent(key, new RecordSet.Lot(lot.code(), lot.assigner())));
		List<KdeEvent> events = new ArrayList<>(result.events());
		events.addAll(result.context().events());
		events.sort(KdeEvent.ORDER);
		TraceRequest request = result.request();
		List<String> scope = new ArrayList<>();
		scope.add("Request: trace of " + request.subject());
		scope.add("Direction: " + request.direction().name().toLowerCase(java.util.Locale.ROOT));
		if (request.reason() != null) {
			scope.add("Reason: " + request.reason());
		}
		scope.add("Lots reached: " + result.lots().size());
		if (!result.context().events().isEmpty()) {
			scope.add("Records of transformations reached halfway (their other inputs or outputs, not traced): "
					+ result.context().events().size());
		}
		return new RecordSet("Trace of " + request.subject(), List.copyOf(scope), List.copyOf(events), Map.copyOf(lots),
				result.locations(), result.products(), result.tracedAt(), List.copyOf(gaps));
	}

}
