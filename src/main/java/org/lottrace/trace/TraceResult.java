package org.lottrace.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.store.HeldRow;
import org.jspecify.annotations.Nullable;

/**
 * Everything a trace found: the lots and how they are linked, the current KDE events of
 * those lots, and the master data they refer to. {@link TraceAnalysis} turns it into the
 * answers people ask for.
 *
 * @param start the lots the request named
 * @param lots every lot reached, by id
 * @param links input lot to output lot, one per transformation input record
 * @param events the current version of every KDE event of the lots reached
 * @param eventLots for each event (by record key), the id of its lot
 * @param pending transformation inputs of the work orders reached that could not be
 * linked to a lot, and inputs whose lot number could mean a lot reached and another one
 * @param held export rows in the trace's scope that did not become records: rejected, or
 * pending until the data they wait for arrives (they name a work order or a lot reached)
 * @param context the other records of the transformations the trace reached halfway (not
 * traced; the FDA spreadsheet shows each transformation whole)
 * @param locations the locations the events and the context records name
 * @param products the products the events and the context records name
 * @param elapsed how long the trace took
 */
public record TraceResult(TraceRequest request, Instant tracedAt, List<TracedLot> start, Map<Integer, TracedLot> lots,
		List<LotLink> links, List<KdeEvent> events, Map<String, Integer> eventLots, Context context,
		Map<String, Location> locations, Map<String, Product> products, List<PendingInput> pending, List<HeldRow> held,
		Duration elapsed) {

	public TraceResult {
		lots = new LotsById(lots);
	}

	/**
	 * Records that are not of a lot reached but complete a transformation that is: the
	 * inputs of a work order that made a lot reached, the outputs of one that used a lot
	 * reached.
	 *
	 * @param eventLots the lot of each context record (by record key), where linked
	 */
	public record Context(List<KdeEvent> events, Map<String, TracedLot> eventLots) {

		public static final Context NONE = new Context(List.of(), Map.of());

	}

	/**
	 * How to name a lot to people: its code, followed by who assigned it when another lot
	 * reached has the same code (two suppliers' {@code L2301}). The codes that several
	 * lots share are found once per result: asking each lot in turn to scan all the
	 * others made labelling the 14,840 lots of a product trace take 74 s.
	 */
	public String label(TracedLot lot) {
		boolean shared = ((LotsById) this.lots).sharedCodes.contains(lot.code());
		return shared ? lot.code() + " (" + lot.assigner() + ")" : lot.code();
	}

	/**
	 * The lot an event belongs to (by record key); local lot numbers are resolved.
	 * {@code null} for an input record whose number resolves to no lot.
	 */
	public @Nullable TracedLot lotOf(KdeEvent event) {
		Integer id = this.eventLots.get(event.recordKey());
		return (id != null) ? this.lots.get(id) : null;
	}

	/**
	 * A lot reached, by id: the start lots and both ends of every link are lots reached.
	 * @throws IllegalArgumentException when the trace did not reach it
	 */
	public TracedLot lot(int id) {
		TracedLot lot = this.lots.get(id);
		if (lot == null) {
			throw new IllegalArgumentException("lot " + id + " was not reached by this trace");
		}
		return lot;
	}

	/**
	 * A lot reached by the trace.
	 *
	 * @param backwardDepth levels from a start lot going backward (0 for a start lot), or
	 * -1 when not reached backward
	 * @param forwardDepth levels going forward from the lots the forward trace started
	 * from, or -1
	 */
	public record TracedLot(int id, String code, String assigner, int backwardDepth, int forwardDepth) {

		public String key() {
			return LotKeys.key(this.code, this.assigner);
		}

	}

	/**
	 * One transformation input: lot {@code inputLot} went into lot {@code outputLot}
	 * under a work order.
	 */
	public record LotLink(int inputLot, int outputLot, String workOrder, String inputRecordKey) {

	}

	/**
	 * A transformation input the index could not link: its lot number resolves to no lot,
	 * or to several, or its work order has no output lot yet.
	 *
	 * @param provenance the export line of the input record
	 */
	public record PendingInput(String recordKey, String lotCode, String workOrder, String reason,
			@Nullable Provenance provenance) {

	}

	/**
	 * The lots reached, by id, in the order given, unmodifiable, with the codes that more
	 * than one of them carries.
	 */
	private static final class LotsById extends AbstractMap<Integer, TracedLot> {

		private final Map<Integer, TracedLot> lots;

		private final Set<String> sharedCodes;

		LotsById(Map<Integer, TracedLot> lots) {
			this.lots = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lots));
			Map<String, Integer> perCode = new HashMap<>();
			lots.values().forEach((lot) -> perCode.merge(lot.code(), 1, Integer::sum));
			Set<String> shared = new HashSet<>();
			perCode.forEach((code, count) -> {
				if (count > 1) {
					shared.add(code);
				}
			});
			this.sharedCodes = shared;
		}

		@Override
		public @Nullable TracedLot get(Object key) {
			return this.lots.get(key);
		}

		@Override
		public boolean containsKey(Object key) {
			return this.lots.containsKey(key);
		}

		@Override
		public int size() {
			return this.lots.size();
		}

		@Override
		public Set<Integer> keySet() {
			return this.lots.keySet();
		}

		@Override
		public Collection<TracedLot> values() {
			return this.lots.values();
		}

		@Override
		public Set<Entry<Integer, TracedLot>> entrySet() {
			return this.lots.entrySet();
		}

	}

}
