package org.lottrace.report.fda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Quantity;

/**
 * The rows of the Transformation sheet. Input and output records are grouped by work
 * order. A transformation with one output lot has one row per input lot, each with the
 * output's KDEs, and the output quantity on its first row only; one with several outputs
 * has input rows (output lot columns empty) and then output rows (input columns empty).
 * Either way no quantity appears twice.
 */
final class TransformationRows {

	private static final String NO_INPUT = "no input record for this transformation (%s): if food on the Food "
			+ "Traceability List went into it, its lot codes and quantities are missing";

	private static final String NO_WORK_ORDER = "the input record names no work order, so the lot it went into is "
			+ "unknown";

	private TransformationRows() {
	}

	static List<CteRow> of(RecordLookup lookup, List<KdeEvent> events) {
		Map<String, List<KdeEvent>> inputs = new TreeMap<>();
		Map<String, List<KdeEvent>> outputs = new TreeMap<>();
		Map<String, @Nullable String> workOrders = new TreeMap<>();
		for (KdeEvent event : events) {
			if (event.cte() == Cte.TRANSFORMATION) {
				String group = (event.workOrder() != null) ? event.workOrder() : "\u0000" + event.recordKey();
				workOrders.put(group, event.workOrder());
				(event.role() == EventRole.INPUT ? inputs : outputs).computeIfAbsent(group, (g) -> new ArrayList<>())
					.add(event);
			}
		}
		List<CteRow> rows = new ArrayList<>();
		workOrders.forEach((group, workOrder) -> rows
			.addAll(rows(lookup, workOrder, inputLots(lookup, inputs.getOrDefault(group, List.of())),
					sorted(outputs.getOrDefault(group, List.of())))));
		return rows;
	}

	private static List<CteRow> rows(RecordLookup lookup, @Nullable String workOrder, List<InputLot> lots,
			List<KdeEvent> outputs) {
		String group = (workOrder != null) ? workOrder : "";
		List<CteRow> rows = new ArrayList<>();
		if (outputs.isEmpty()) {
			for (InputLot lot : lots) {
				rows.add(CteRow.transformation(lookup, lot.first(), null, lot, false, null,
						(workOrder == null) ? NO_WORK_ORDER : null, lookup.sortCode(lot.first()), group));
			}
			return rows;
		}
		String sortLot = outputs.stream().map(lookup::sortCode).sorted().findFirst().orElse("");
		String noInput = lots.isEmpty() ? String.format(NO_INPUT,
				(workOrder != null) ? "work order " + workOrder : "its record names no work order") : null;
		boolean single = outputs.size() == 1;
		for (int i = 0; i < lots.size(); i++) {
			KdeEvent output = single ? outputs.get(0) : null;
			rows.add(CteRow.transformation(lookup, outputs.get(0), output, lots.get(i), i == 0, null, null, sortLot,
					group));
		}
		if (!single || lots.isEmpty()) {
			for (KdeEvent output : outputs) {
				rows.add(CteRow.transformation(lookup, output, output, null, true, noInput, null, sortLot, group));
			}
		}
		return rows;
	}

	/**
	 * The input lots of one work order: records of the same lot and unit added up, in
	 * order of their first record key.
	 */
	static List<InputLot> inputLots(RecordLookup lookup, List<KdeEvent> inputs) {
		Map<String, List<KdeEvent>> byLot = new LinkedHashMap<>();
		for (KdeEvent input : sorted(inputs)) {
			String lotKey = lookup.lotKey(input);
			String lot = (lotKey != null) ? "=" + lotKey
					: (input.lot() != null) ? "?" + input.lot().code() : "!" + input.recordKey();
			byLot.computeIfAbsent(lot + '\u001f' + input.quantity().unit(), (k) -> new ArrayList<>()).add(input);
		}
		List<InputLot> lots = new ArrayList<>();
		for (List<KdeEvent> records : byLot.values()) {
			KdeEvent first = records.get(0);
			BigDecimal total = records.stream()
				.map((e) -> e.quantity().value())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			String lotKey = lookup.lotKey(first);
			String product = records.stream()
				.map(KdeEvent::productCode)
				.filter(Objects::nonNull)
				.findFirst()
				.orElseGet(() -> lookup.productOfLot(lotKey));
			lots.add(new InputLot(List.copyOf(records), lotKey, new Quantity(total, first.quantity().unit()), product));
		}
		return lots;
	}

	private static List<KdeEvent> sorted(List<KdeEvent> events) {
		return events.stream().sorted(Comparator.comparing(KdeEvent::recordKey)).toList();
	}

}
