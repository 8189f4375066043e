package org.lottrace.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lottrace.kde.KdeEvent;
import org.lottrace.report.ShipmentSection.ContactRow;
import org.lottrace.report.ShipmentSection.ShipmentView;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Batch;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceAnalysis.Shipment;
import org.lottrace.trace.TraceResult.TracedLot;

/** The three answers in a few plain sentences, for the top of the trace summary. */
final class SummaryHeadlines {

	private SummaryHeadlines() {
	}

	static List<String> of(TraceAnalysis analysis, TraceNames names, ShipmentView shipments) {
		List<String> lines = new ArrayList<>();
		analysis.batches().forEach((batch) -> lines.add(batch(batch, names)));
		Direction direction = analysis.result().request().direction();
		if (direction != Direction.FORWARD) {
			lines.add(ingredients(analysis, names));
			lines.addAll(sharedCodes(analysis, names));
		}
		if (direction != Direction.BACKWARD) {
			lines.add(customers(analysis, names, shipments));
		}
		if (!analysis.doubts().isEmpty()) {
			lines.add(analysis.doubts().size() + " open question(s) in the records: see the end of this page.");
		}
		return List.copyOf(lines);
	}

	private static String batch(Batch batch, TraceNames names) {
		String lot = names.lot(batch.lot()) + " (" + names.product(batch.productCode()) + ")";
		if (batch.outputs().isEmpty()) {
			return lot + " was not made here: there is no production record for it.";
		}
		KdeEvent made = batch.outputs().get(0);
		return lot + " was made under work order " + made.workOrder() + " on " + made.eventDate() + " at "
				+ names.party(made.locations().location()) + ": " + ReportFormat.quantity(made.quantity()) + ", from "
				+ batch.inputs().size() + " input record(s).";
	}

	private static String ingredients(TraceAnalysis analysis, TraceNames names) {
		List<Ingredient> ingredients = analysis.ingredients();
		Set<String> suppliers = ingredients.stream()
			.filter((i) -> !names.madeHere(i.lot()))
			.map((i) -> names.supplierName(i.lot()))
			.collect(Collectors.toCollection(LinkedHashSet::new));
		long ftl = ingredients.stream().filter((i) -> names.ftlCategory(i.productCode()) != null).count();
		int levels = ingredients.stream().mapToInt(Ingredient::depth).max().orElse(0);
		return ingredients.size() + " ingredient lot(s) over " + levels + " level(s), from " + suppliers.size()
				+ " supplier(s); " + ftl + " of them on the Food Traceability List.";
	}

	private static List<String> sharedCodes(TraceAnalysis analysis, TraceNames names) {
		Map<String, List<String>> byCode = new LinkedHashMap<>();
		analysis.result()
			.lots()
			.values()
			.stream()
			.filter(names::sharedCode)
			.forEach(
					(lot) -> byCode.computeIfAbsent(lot.code(), (k) -> new ArrayList<>()).add(names.supplierName(lot)));
		return byCode.entrySet()
			.stream()
			.map((e) -> "Lot code " + e.getKey() + " is used by " + String.join(" and ", e.getValue())
					+ ": these are different lots, always named with their supplier here.")
			.toList();
	}

	private static String customers(TraceAnalysis analysis, TraceNames names, ShipmentView shipments) {
		Set<Integer> start = analysis.result().start().stream().map(TracedLot::id).collect(Collectors.toSet());
		List<Shipment> ofBatch = analysis.shipments()
			.stream()
			.filter((s) -> s.via().stream().anyMatch((v) -> start.contains(v.id())))
			.toList();
		List<String> batchCustomers = shipments.contacts()
			.stream()
			.filter(ContactRow::batchCustomer)
			.map(ContactRow::customer)
			.toList();
		String batch = ofBatch.isEmpty() ? "Nothing from the batch was shipped."
				: "The batch went to " + String.join(", ", batchCustomers) + " (" + total(ofBatch) + " in "
						+ ofBatch.size() + " shipment(s)).";
		return batch + " In all, " + shipments.contacts().size() + " customer location(s) received "
				+ shipments.shipments() + " shipment(s) from the batch or from lots that share an ingredient lot.";
	}

	/** Shipped quantities summed per unit: {@code 26 case}. */
	private static String total(List<Shipment> shipments) {
		Map<String, BigDecimal> byUnit = new LinkedHashMap<>();
		shipments
			.forEach((s) -> byUnit.merge(s.event().quantity().unit(), s.event().quantity().value(), BigDecimal::add));
		return byUnit.entrySet()
			.stream()
			.map((e) -> ReportFormat.number(e.getValue()) + " " + e.getKey())
			.collect(Collectors.joining(" + "));
	}

}
