package org.lottrace.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Provenance;
import org.lottrace.store.HeldRow;
import org.lottrace.trace.TraceResult.PendingInput;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Collects what a trace could not see in its scope: rows rejected or pending that name
 * one of its work orders or lots, inputs that could not be linked to a lot, locations
 * that master data does not describe, and (from the mass balance) quantities that do not
 * balance. Each gap names the lot it concerns and, where it has one, the export line.
 */
final class TraceGaps {

	static final Comparator<Gap> ORDER = Comparator.comparing(Gap::kind)
		.thenComparing((g) -> Objects.toString(g.lot(), ""))
		.thenComparing((g) -> Objects.toString(g.file(), ""))
		.thenComparing((g) -> (g.line() != null) ? g.line() : 0L)
		.thenComparing(Gap::reason);

	private TraceGaps() {
	}

	static List<Gap> of(TraceResult result, Map<Integer, List<KdeEvent>> byLot, List<Gap> balanceGaps) {
		List<Gap> gaps = new ArrayList<>();
		for (HeldRow held : result.held()) {
			String workOrder = held.text("work_order");
			String made = (workOrder != null) ? madeBy(result, workOrder) : null;
			gaps.add(held(held, (code) -> (made != null) ? made : labelOf(result, code)));
		}
		for (PendingInput input : result.pending()) {
			String made = madeBy(result, input.workOrder());
			gaps.add(unlinked(input, (made != null) ? made : labelOf(result, input.lotCode())));
		}
		byLot.forEach((lotId, events) -> {
			TracedLot lot = result.lots().get(lotId);
			events.forEach(
					(e) -> unknownLocations(e, (lot != null) ? result.label(lot) : null, result.locations(), gaps));
		});
		gaps.addAll(balanceGaps);
		return gaps.stream().distinct().sorted(ORDER).toList();
	}

	/**
	 * A row held back as a gap.
	 * @param lotLabel the lot to name for the lot code the row holds
	 */
	static Gap held(HeldRow held, Function<String, @Nullable String> lotLabel) {
		String workOrder = held.text("work_order");
		String lotCode = held.text("lot_code");
		StringBuilder what = new StringBuilder("a ").append(held.kind().replace('-', ' ')).append(" row");
		if (workOrder != null) {
			what.append(" of work order ").append(workOrder);
		}
		if (lotCode != null) {
			what.append((workOrder != null) ? ", lot " : " of lot ").append(lotCode);
		}
		String internalLot = held.text("internal_lot");
		if (internalLot != null && !internalLot.equals(lotCode)) {
			what.append((lotCode != null) ? " (internal lot number " + internalLot + ")"
					: ((workOrder != null) ? ", internal lot number " : " of internal lot number ") + internalLot);
		}
		String reason = held.pending() ? what + " is pending: it waits for " + held.waitsFor()
				: what + " was rejected: " + held.reasons();
		Provenance p = held.provenance();
		return new Gap(held.pending() ? Gap.Kind.PENDING_ROW : Gap.Kind.REJECTED_ROW,
				(lotCode != null || workOrder != null) ? lotLabel.apply((lotCode != null) ? lotCode : "") : null,
				reason, p.source(), p.file(), p.line());
	}

	static Gap unlinked(PendingInput input, @Nullable String lot) {
		Provenance p = input.provenance();
		return new Gap(Gap.Kind.UNLINKED_INPUT, lot,
				"input lot number " + input.lotCode() + " of work order " + input.workOrder() + ": " + input.reason(),
				(p != null) ? p.source() : null, (p != null) ? p.file() : null, (p != null) ? p.line() : null);
	}

	/** A gap for each location an event names that master data does not have. */
	static void unknownLocations(KdeEvent event, @Nullable String lot, Map<String, Location> locations,
			List<Gap> gaps) {
		for (String code : new String[] { event.locations().location(), event.locations().partner(),
				event.locations().tlcSource() }) {
			if (code != null && !locations.containsKey(code)) {
				gaps.add(new Gap(Gap.Kind.UNKNOWN_LOCATION, lot,
						"location " + code + " of " + event.recordKey() + " is not in master data: its business "
								+ "name, address and phone are unknown",
						event.provenance().source(), event.provenance().file(), event.provenance().line()));
			}
		}
	}

	/** The lots (reached) that a work order produced, as people read them. */
	private static @Nullable String madeBy(TraceResult result, String workOrder) {
		Set<String> lots = new TreeSet<>();
		for (KdeEvent event : result.events()) {
			if (event.role() == EventRole.OUTPUT && workOrder.equals(event.workOrder())) {
				TracedLot lot = result.lotOf(event);
				if (lot != null) {
					lots.add(result.label(lot));
				}
			}
		}
		return lots.isEmpty() ? null : String.join(", ", lots);
	}

	/** The lot reached with this code, as people read it; the code itself otherwise. */
	private static String labelOf(TraceResult result, String code) {
		return result.lots()
			.values()
			.stream()
			.filter((l) -> l.code().equals(code))
			.map(result::label)
			.sorted()
			.reduce((a, b) -> a + ", " + b)
			.orElse(code);
	}

}
