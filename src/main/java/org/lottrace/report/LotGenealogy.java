package org.lottrace.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * What the lot genealogy drawing shows: one node per lot and one edge per linked pair of
 * lots (input to output). The backward part and the start lots are always drawn in full.
 * Past {@code forwardLimit} lots reached only forward, the lots made from the start lots
 * are drawn first, then the others nearest first; the rest are collapsed into one "+N
 * more lots" node per drawn lot they were made from.
 */
final class LotGenealogy {

	enum Kind {

		START, BACKWARD, FORWARD, COLLAPSED

	}

	/**
	 * @param lines the lot code, its product, its supplier (or "made here")
	 */
	record Node(String id, Kind kind, List<String> lines, String title) {

	}

	/**
	 * @param links how many input records link the two lots (several scale tickets)
	 */
	record Edge(String from, String to, boolean forward, int links) {

	}

	/**
	 * @param forwardLots lots reached only going forward
	 * @param collapsedLots of those, how many are collapsed into "+N more" nodes
	 */
	record Graph(List<Node> nodes, List<Edge> edges, int forwardLots, int collapsedLots) {

	}

	private LotGenealogy() {
	}

	static Graph of(TraceAnalysis analysis, TraceNames names, int forwardLimit) {
		TraceResult result = analysis.result();
		Map<Integer, List<Integer>> outputs = outputs(result);
		Set<Integer> start = result.start().stream().map(TracedLot::id).collect(Collectors.toSet());
		List<TracedLot> drawn = new ArrayList<>(result.start());
		result.lots()
			.values()
			.stream()
			.filter((l) -> l.backwardDepth() > 0 && !names.isStart(l))
			.sorted(Comparator.comparingInt(TracedLot::backwardDepth).thenComparing(names::lot))
			.forEach(drawn::add);
		List<TracedLot> forward = forwardOrder(result, start, outputs, names);
		drawn.addAll(forward.subList(0, Math.min(forwardLimit, forward.size())));
		Map<Integer, List<Integer>> collapsed = collapse(drawn, outputs);
		List<Node> nodes = new ArrayList<>();
		drawn.forEach((lot) -> nodes.add(lotNode(lot, names)));
		collapsed.forEach((owner, lots) -> nodes.add(collapsedNode(result.lots().get(owner), lots, analysis)));
		List<Edge> edges = edges(result, drawn, collapsed, names);
		int hidden = collapsed.values().stream().mapToInt(List::size).sum();
		return new Graph(List.copyOf(nodes), edges, forward.size(), hidden);
	}

	/** Distinct outputs of each lot, in link order. */
	private static Map<Integer, List<Integer>> outputs(TraceResult result) {
		Map<Integer, Set<Integer>> outputs = new LinkedHashMap<>();
		for (LotLink link : result.links()) {
			outputs.computeIfAbsent(link.inputLot(), (k) -> new LinkedHashSet<>()).add(link.outputLot());
		}
		Map<Integer, List<Integer>> lists = new HashMap<>();
		outputs.forEach((lot, outs) -> lists.put(lot, List.copyOf(outs)));
		return lists;
	}

	/**
	 * Lots reached only forward: those made from the start lots first (nearest first),
	 * then the others by forward depth.
	 */
	private static List<TracedLot> forwardOrder(TraceResult result, Set<Integer> start,
			Map<Integer, List<Integer>> outputs, TraceNames names) {
		Map<Integer, Integer> fromStart = distances(start, outputs);
		return result.lots()
			.values()
			.stream()
			.filter(names::isLater)
			.sorted(Comparator.comparing((TracedLot l) -> !fromStart.containsKey(l.id()))
				.thenComparingInt((l) -> fromStart.getOrDefault(l.id(), l.forwardDepth()))
				.thenComparingInt(TracedLot::forwardDepth)
				.thenComparing(names::lot))
			.toList();
	}

	private static Map<Integer, Integer> distances(Set<Integer> from, Map<Integer, List<Integer>> outputs) {
		Map<Integer, Integer> distance = new HashMap<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>(from);
		from.forEach((id) -> distance.put(id, 0));
		while (!queue.isEmpty()) {
			int lot = queue.poll();
			for (int next : outputs.getOrDefault(lot, List.of())) {
				if (distance.putIfAbsent(next, distance.get(lot) + 1) == null) {
					queue.add(next);
				}
			}
		}
		return distance;
	}

	/**
	 * Lots not drawn, by the drawn lot they are reached from first (breadth first from
	 * all drawn lots, in drawing order).
	 */
	private static Map<Integer, List<Integer>> collapse(List<TracedLot> drawn, Map<Integer, List<Integer>> outputs) {
		Map<Integer, Integer> owner = new HashMap<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		drawn.forEach((lot) -> {
			owner.put(lot.id(), lot.id());
			queue.add(lot.id());
		});
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		while (!queue.isEmpty()) {
			int lot = queue.poll();
			for (int next : outputs.getOrDefault(lot, List.of())) {
				if (owner.putIfAbsent(next, owner.get(lot)) == null) {
					groups.computeIfAbsent(owner.get(lot), (k) -> new ArrayList<>()).add(next);
					queue.add(next);
				}
			}
		}
		return groups;
	}

	private static Node lotNode(TracedLot lot, TraceNames names) {
		Kind kind = names.isStart(lot) ? Kind.START : names.isLater(lot) ? Kind.FORWARD : Kind.BACKWARD;
		String product = names.product(names.productCode(lot));
		String supplier = names.madeHere(lot) ? "made here" : names.supplierName(lot);
		String role = switch (kind) {
			case START -> "traced lot";
			case BACKWARD -> "ingredient, level " + lot.backwardDepth();
			default -> "reached forward, level " + lot.forwardDepth();
		};
		String title = String.join(" · ", lot.code(), product, names.supplier(lot), role);
		return new Node(id(lot.id()), kind, List.of(lot.code(), product, supplier), title);
	}

	private static Node collapsedNode(TracedLot owner, List<Integer> lots, TraceAnalysis analysis) {
		Set<Integer> ids = Set.copyOf(lots);
		long shipments = analysis.shipments().stream().filter((s) -> ids.contains(s.lot().id())).count();
		String first = "+" + lots.size() + " more " + ((lots.size() == 1) ? "lot" : "lots");
		String title = lots.size() + " lots made from " + owner.code() + " or from them, not drawn; their " + shipments
				+ " shipments are listed in section 3";
		return new Node("more-" + owner.id(), Kind.COLLAPSED,
				List.of(first, "made from " + owner.code() + " on", shipments + " shipments: see section 3"), title);
	}

	private static List<Edge> edges(TraceResult result, List<TracedLot> drawn, Map<Integer, List<Integer>> collapsed,
			TraceNames names) {
		Set<Integer> ids = drawn.stream().map(TracedLot::id).collect(Collectors.toSet());
		Map<List<Integer>, Integer> pairs = new LinkedHashMap<>();
		for (LotLink link : result.links()) {
			if (ids.contains(link.inputLot()) && ids.contains(link.outputLot())) {
				pairs.merge(List.of(link.inputLot(), link.outputLot()), 1, Integer::sum);
			}
		}
		List<Edge> edges = new ArrayList<>();
		pairs.forEach((pair, count) -> edges
			.add(new Edge(id(pair.get(0)), id(pair.get(1)), names.isLater(result.lots().get(pair.get(1))), count)));
		collapsed.keySet().forEach((owner) -> edges.add(new Edge(id(owner), "more-" + owner, true, 0)));
		return List.copyOf(edges);
	}

	private static String id(int lot) {
		return "lot-" + lot;
	}

}
