package org.lottrace.trace;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Product;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.UnitConverter;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * The answers a trace gives, in the order a quality manager asks for them: which batch
 * the lot came from, which ingredient lots went into it, who received product from it or
 * from anything that shares one of its ingredient lots; and, per lot, a mass balance in
 * the product's base unit.
 *
 * @param batches how each start lot was made
 * @param ingredients every lot reached going backward, nearest first
 * @param shipments every shipment of a lot reached going forward, with the lots that tie
 * it to the request
 * @param massBalance per lot: produced or received, used, shipped, remaining, share
 * accounted for
 * @param gaps what the trace could not see or saw in doubt: rows of its scope rejected or
 * pending, inputs that could not be linked, locations master data does not describe, mass
 * balances that do not close
 */
public record TraceAnalysis(TraceResult result, List<Batch> batches, List<Ingredient> ingredients,
		List<Shipment> shipments, List<MassBalance> massBalance, List<Gap> gaps) {

	/** A start lot and the transformation that made it. */
	public record Batch(TracedLot lot, @Nullable String productCode, List<KdeEvent> outputs, List<Input> inputs) {

	}

	/**
	 * One input of a batch: the lot it came from and the input record (its quantity, work
	 * order, ticket).
	 */
	public record Input(TracedLot lot, @Nullable String productCode, @Nullable KdeEvent event) {

	}

	/**
	 * A lot that went into the request's lots.
	 *
	 * @param depth 1 for a direct input, 2 for an input of an input, ...
	 * @param receipts its receiving (or initial packing, or landing) records
	 * @param usedIn the lots reached that it went into directly
	 */
	public record Ingredient(TracedLot lot, @Nullable String productCode, int depth, List<KdeEvent> receipts,
			List<TracedLot> usedIn) {

	}

	/**
	 * A shipment of a lot reached going forward, and the start or ingredient lots it is
	 * reached from.
	 *
	 * @param ofTheBatch whether it is a shipment of a start lot or of a lot made from one
	 * (rework and intermediates included): its customer is a customer of the batch
	 */
	public record Shipment(KdeEvent event, TracedLot lot, List<TracedLot> via, boolean ofTheBatch) {

	}

	/**
	 * Quantities of one lot in one unit: what was received or produced, used in later
	 * batches, shipped; what remains (on hand, wasted or unrecorded); and the share of it
	 * accounted for by use and shipment.
	 */
	public record MassBalance(TracedLot lot, @Nullable String productCode, String unit, BigDecimal in, BigDecimal used,
			BigDecimal shipped, BigDecimal remaining, @Nullable BigDecimal percentAccounted, List<String> notes) {

	}

	public static TraceAnalysis of(TraceResult result, UnitConverter units) {
		Map<Integer, List<KdeEvent>> byLot = new HashMap<>();
		for (KdeEvent event : result.events()) {
			byLot.computeIfAbsent(result.eventLots().get(event.recordKey()), (k) -> new ArrayList<>()).add(event);
		}
		Map<String, KdeEvent> byKey = new HashMap<>();
		result.events().forEach((e) -> byKey.put(e.recordKey(), e));
		List<Gap> balanceGaps = new ArrayList<>();
		List<MassBalance> balances = new ArrayList<>();
		for (TracedLot lot : sortedLots(result)) {
			balances.add(balance(result, lot, byLot.getOrDefault(lot.id(), List.of()), units, balanceGaps));
		}
		return new TraceAnalysis(result, batches(result, byLot, byKey), ingredients(result, byLot),
				shipments(result, byLot), List.copyOf(balances), TraceGaps.of(result, byLot, balanceGaps));
	}

	private static List<TracedLot> sortedLots(TraceResult result) {
		return result.lots()
			.values()
			.stream()
			.sorted(Comparator.comparing(TracedLot::code).thenComparing(TracedLot::assigner))
			.toList();
	}

	private static List<Batch> batches(TraceResult result, Map<Integer, List<KdeEvent>> byLot,
			Map<String, KdeEvent> byKey) {
		List<Batch> batches = new ArrayList<>();
		for (TracedLot lot : result.start()) {
			List<KdeEvent> events = byLot.getOrDefault(lot.id(), List.of());
			List<KdeEvent> outputs = events.stream()
				.filter((e) -> e.cte() == Cte.TRANSFORMATION && e.role() == EventRole.OUTPUT)
				.toList();
			List<Input> inputs = result.links()
				.stream()
				.filter((l) -> l.outputLot() == lot.id())
				.map((l) -> new Input(result.lot(l.inputLot()), productOf(byLot.getOrDefault(l.inputLot(), List.of())),
						byKey.get(l.inputRecordKey())))
				.toList();
			batches.add(new Batch(lot, productOf(events), outputs, inputs));
		}
		return batches;
	}

	private static List<Ingredient> ingredients(TraceResult result, Map<Integer, List<KdeEvent>> byLot) {
		List<Ingredient> ingredients = new ArrayList<>();
		result.lots()
			.values()
			.stream()
			.filter((l) -> l.backwardDepth() >= 1)
			.sorted(Comparator.comparingInt(TracedLot::backwardDepth)
				.thenComparing(TracedLot::code)
				.thenComparing(TracedLot::assigner))
			.forEach((lot) -> {
				List<KdeEvent> events = byLot.getOrDefault(lot.id(), List.of());
				List<KdeEvent> receipts = events.stream().filter(TraceAnalysis::bringsInLot).toList();
				Set<TracedLot> usedIn = new LinkedHashSet<>();
				result.links()
					.stream()
					.filter((l) -> l.inputLot() == lot.id())
					.forEach((l) -> usedIn.add(result.lots().get(l.outputLot())));
				ingredients
					.add(new Ingredient(lot, productOf(events), lot.backwardDepth(), receipts, List.copyOf(usedIn)));
			});
		return List.copyOf(ingredients);
	}

	private static List<Shipment> shipments(TraceResult result, Map<Integer, List<KdeEvent>> byLot) {
		Map<Integer, Set<Integer>> via = via(result);
		Set<Integer> start = new java.util.HashSet<>();
		result.start().forEach((l) -> start.add(l.id()));
		List<Shipment> shipments = new ArrayList<>();
		for (TracedLot lot : result.lots().values()) {
			if (lot.forwardDepth() < 0) {
				continue;
			}
			for (KdeEvent event : byLot.getOrDefault(lot.id(), List.of())) {
				if (event.cte() == Cte.SHIPPING) {
					List<TracedLot> from = via.getOrDefault(lot.id(), Set.of())
						.stream()
						.map(result.lots()::get)
						.sorted(Comparator.comparing(TracedLot::code))
						.toList();
					shipments
						.add(new Shipment(event, lot, from, from.stream().anyMatch((l) -> start.contains(l.id()))));
				}
			}
		}
		shipments.sort(Comparator.comparing((Shipment s) -> s.event().eventDate())
			.thenComparing((s) -> String.valueOf(s.event().locations().partner()))
			.thenComparing((s) -> s.event().recordKey()));
		return List.copyOf(shipments);
	}

	/**
	 * For each lot reached going forward, the lots the forward trace started from (the
	 * start lots and, for a two-way trace, every ingredient lot) that lead to it.
	 */
	private static Map<Integer, Set<Integer>> via(TraceResult result) {
		Map<Integer, List<Integer>> outOf = new HashMap<>();
		for (LotLink link : result.links()) {
			outOf.computeIfAbsent(link.inputLot(), (k) -> new ArrayList<>()).add(link.outputLot());
		}
		Map<Integer, Set<Integer>> via = new HashMap<>();
		for (TracedLot origin : result.lots().values()) {
			if (origin.forwardDepth() != 0) {
				continue;
			}
			ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(origin.id()));
			Set<Integer> seen = new java.util.HashSet<>(queue);
			while (!queue.isEmpty()) {
				int lot = queue.poll();
				via.computeIfAbsent(lot, (k) -> new TreeSet<>()).add(origin.id());
				for (int next : outOf.getOrDefault(lot, List.of())) {
					if (seen.add(next)) {
						queue.add(next);
					}
				}
			}
		}
		return via;
	}

	private static MassBalance balance(TraceResult result, TracedLot lot, List<KdeEvent> events, UnitConverter units,
			List<Gap> gaps) {
		String productCode = productOf(events);
		Product product = (productCode != null) ? result.products().get(productCode) : null;
		String unit = (product != null) ? product.baseUnit()
				: events.stream()
					.map(KdeEvent::normalizedQuantity)
					.filter(java.util.Objects::nonNull)
					.map(Quantity::unit)
					.findFirst()
					.orElse("");
		List<String> notes = new ArrayList<>();
		BigDecimal in = BigDecimal.ZERO;
		BigDecimal used = BigDecimal.ZERO;
		BigDecimal shipped = BigDecimal.ZERO;
		String label = result.label(lot);
		for (KdeEvent event : events) {
			BigDecimal amount = amount(event, unit, productCode, units, notes, label, gaps);
			if (bringsInLot(event)) {
				in = in.add(amount);
			}
			else if (event.cte() == Cte.TRANSFORMATION && event.role() == EventRole.INPUT) {
				used = used.add(amount);
			}
			else if (event.cte() == Cte.SHIPPING) {
				shipped = shipped.add(amount);
			}
		}
		BigDecimal remaining = in.subtract(used).subtract(shipped);
		BigDecimal percent = (in.signum() > 0)
				? used.add(shipped).multiply(BigDecimal.valueOf(100)).divide(in, 1, RoundingMode.HALF_UP) : null;
		if (in.signum() == 0) {
			note(notes, gaps, label, "no receiving or production record for this lot: what was used or shipped of "
					+ "it cannot be balanced");
		}
		if (remaining.signum() < 0) {
			note(notes, gaps, label, "more used and shipped (" + plain(used.add(shipped)) + " " + unit
					+ ") than received or produced (" + plain(in) + " " + unit + ")");
		}
		return new MassBalance(lot, productCode, unit, in, used, shipped, remaining, percent, List.copyOf(notes));
	}

	private static void note(List<String> notes, List<Gap> gaps, String lot, String note) {
		notes.add(note);
		gaps.add(new Gap(Gap.Kind.MASS_BALANCE, lot, note, null, null, null));
	}

	/**
	 * A record's quantity in the balance's unit: the recorded quantity converted directly
	 * (so that 340.9 lb stays 340.9 lb), else the normalized one.
	 */
	private static BigDecimal amount(KdeEvent event, String unit, @Nullable String productCode, UnitConverter units,
			List<String> notes, String lot, List<Gap> gaps) {
		java.util.Optional<Quantity> converted = units.convert(event.quantity(), unit, productCode);
		if (converted.isEmpty() && event.normalizedQuantity() != null) {
			converted = units.convert(event.normalizedQuantity(), unit, productCode);
		}
		return converted.map(Quantity::value).orElseGet(() -> {
			String note = "cannot convert " + event.quantity() + " to " + (unit.isEmpty() ? "a known unit" : unit)
					+ ((productCode != null) ? " for " + productCode : "") + ": add a conversion in units.yml";
			notes.add(note + " (" + event.recordKey() + ")");
			gaps.add(new Gap(Gap.Kind.MASS_BALANCE, lot, note, event.provenance().source(), event.provenance().file(),
					event.provenance().line()));
			return BigDecimal.ZERO;
		});
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	/**
	 * Records that bring a lot into existence here: received, packed, landed or produced.
	 */
	static boolean bringsInLot(KdeEvent event) {
		return event.cte() == Cte.RECEIVING || event.cte() == Cte.INITIAL_PACKING
				|| event.cte() == Cte.FIRST_LAND_BASED_RECEIVING
				|| (event.cte() == Cte.TRANSFORMATION && event.role() == EventRole.OUTPUT);
	}

	/** The product of a lot: from its own records (inputs name only the lot). */
	static @Nullable String productOf(List<KdeEvent> events) {
		return events.stream()
			.filter((e) -> e.role() != EventRole.INPUT)
			.map(KdeEvent::productCode)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

}
