package org.lottrace.report.summary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lottrace.kde.KdeEvent;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceNames;
import org.lottrace.report.summary.ShipmentSection.ContactRow;
import org.lottrace.report.summary.ShipmentSection.ShipmentView;
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
		return List.copyOf(lines);
	}

	private static String batch(Batch batch, TraceNames names) {
		String lot = names.lot(batch.lot()) + " (" + names.product(batch.productCode()) + ")";
		if (batch.outputs().isEmpty()) {
			return lot + " was not made here: a lot of " + names.supplierName(batch.lot()) + ", who assigned its code.";
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
		List<Shipment> ofBatch = analysis.shipments().stream().filter(Shipment::ofTheBatch).toList();
		List<String> batchCustomers = shipments.contacts()
			.stream()
			.filter(ContactRow::batchCustomer)
			.map(ContactRow::customer)
			.toList();
		String what = analysis.result().start().stream().allMatch(names::madeHere) ? "batch" : "lot";
		String batch = ofBatch.isEmpty() ? "Nothing of the " + what + " or of lots made from it was shipped."
				: "The " + what + " and the lots made from it went to " + String.join(", ", batchCustomers) + " ("
						+ ofBatch.size() + " shipment(s): " + total(ofBatch, names) + ").";
		return batch + " In all, " + shipments.contacts().size() + " customer location(s) received "
				+ shipments.shipments() + " shipment(s) from the " + what
				+ " or from lots that share an ingredient lot.";
	}

	/**
	 * Shipped quantities summed per lot and unit, never across them:
	 * {@code 26 case of C261014A; 3 case of C261020A}.
	 */
	private static String total(List<Shipment> shipments, TraceNames names) {
		Map<String, BigDecimal> byLot = new LinkedHashMap<>();
		shipments.forEach((s) -> byLot.merge(s.event().quantity().unit() + " of " + names.lot(s.lot()),
				s.event().quantity().value(), BigDecimal::add));
		return byLot.entrySet()
			.stream()
			.map((e) -> ReportFormat.recorded(e.getValue()) + " " + e.getKey())
			.collect(Collectors.joining("; "));
	}

}
