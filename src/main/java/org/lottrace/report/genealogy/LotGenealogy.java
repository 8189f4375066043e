package org.lottrace.report.genealogy;

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

import org.lottrace.report.TraceNames;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * What the lot genealogy drawing shows: one node per lot and one edge per linked pair of
 * lots (input to output).
 * <ul>
 * <li>The start lots and everything that went into them are always drawn.</li>
 * <li>Lots made from the start lots are drawn nearest first, up to
 * {@link Limits#fromStart()}.</li>
 * <li>The other lots reached forward (made from a shared ingredient lot, each with
 * several such inputs) tangle the drawing quickly: they are drawn only when there are at
 * most {@link Limits#others()} of them.</li>
 * </ul>
 * Lots not drawn are collapsed into one "+N more lots" node per drawn lot: each goes to
 * the first drawn lot it is made from, in the order of the shipments in the summary (the
 * start lots, then the ingredient lots, Food Traceability List foods first).
 */
public final class LotGenealogy {

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

	/** How many lots reached forward are drawn before the rest are collapsed. */
	public record Limits(int fromStart, int others) {

	}

	/**
	 * @param fromStart lots made from the start lots (at any depth)
	 * @param others the other lots reached forward
	 * @param collapsed lots collapsed into "+N more lots" nodes
	 */
	public record Graph(List<Node> nodes, List<Edge> edges, int fromStart, int others, int collapsed) {

	}

	private LotGenealogy() {
	}

	public static Graph of(TraceAnalysis analysis, TraceNames names, Limits limits) {
		TraceResult result = analysis.result();
		Map<Integer, List<Integer>> outputs = outputs(result);
		Map<Integer, Integer> fromStart = distances(result.start(), outputs);
		List<TracedLot> later = result.lots().values().stream().filter(names::isLater).toList();
		List<TracedLot> descendants = later.stream()
			.filter((l) -> fromStart.containsKey(l.id()))
			.sorted(Comparator.comparingInt((TracedLot l) -> fromStart.get(l.id())).thenComparing(names::lot))
			.toList();
		List<TracedLot> others = later.stream()
			.filter((l) -> !fromStart.containsKey(l.id()))
			.sorted(Comparator.comparingInt(TracedLot::forwardDepth).thenComparing(names::lot))
			.toList();
		List<TracedLot> backward = names.sharedLotOrder(analysis)
			.stream()
			.map(Ingredient::lot)
			.filter((l) -> !names.isStart(l))
			.toList();
		List<TracedLot> drawn = new ArrayList<>(result.start());
		drawn.addAll(descendants.subList(0, Math.min(limits.fromStart(), descendants.size())));
		drawn.addAll(backward);
		if (others.size() <= limits.others()) {
			drawn.addAll(others);
		}
		return draw(analysis, names, drawn, outputs, descendants.size(), others.size());
	}

	private static Graph draw(TraceAnalysis analysis, TraceNames names, List<TracedLot> drawn,
			Map<Integer, List<Integer>> outputs, int fromStart, int others) {
		TraceResult result = analysis.result();
		Map<Integer, List<Integer>> collapsed = collapse(drawn, outputs);
		List<Node> nodes = new ArrayList<>();
		drawn.forEach((lot) -> nodes.add(GenealogyNodes.lot(lot, names)));
		collapsed
			.forEach((owner, lots) -> nodes.add(GenealogyNodes.collapsed(result.lot(owner), lots, analysis, names)));
		int hidden = collapsed.values().stream().mapToInt(List::size).sum();
		return new Graph(List.copyOf(nodes), edges(result, drawn, collapsed, names), fromStart, others, hidden);
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

	/** Levels from the start lots going forward, for every lot made from them. */
	private static Map<Integer, Integer> distances(List<TracedLot> start, Map<Integer, List<Integer>> outputs) {
		Map<Integer, Integer> distance = new HashMap<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		start.forEach((lot) -> {
			distance.put(lot.id(), 0);
			queue.add(lot.id());
		});
		while (!queue.isEmpty()) {
			int lot = queue.poll();
			for (int next : outputs.getOrDefault(lot, List.of())) {
				if (distance.putIfAbsent(next, java.util.Objects.requireNonNull(distance.get(lot)) + 1) == null) {
					queue.add(next);
				}
			}
		}
		return distance;
	}

	/**
	 * The lots not drawn, by the first drawn lot (in drawing order) they are made from,
	 * directly or not.
	 */
	private static Map<Integer, List<Integer>> collapse(List<TracedLot> drawn, Map<Integer, List<Integer>> outputs) {
		Set<Integer> claimed = drawn.stream().map(TracedLot::id).collect(Collectors.toCollection(LinkedHashSet::new));
		Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
		for (TracedLot owner : drawn) {
			ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(owner.id()));
			Set<Integer> seen = new LinkedHashSet<>(queue);
			while (!queue.isEmpty()) {
				for (int next : outputs.getOrDefault(queue.poll(), List.of())) {
					if (seen.add(next)) {
						queue.add(next);
						if (claimed.add(next)) {
							groups.computeIfAbsent(owner.id(), (k) -> new ArrayList<>()).add(next);
						}
					}
				}
			}
		}
		return groups;
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
		pairs.forEach((pair, count) -> edges.add(new Edge(GenealogyNodes.id(pair.get(0)),
				GenealogyNodes.id(pair.get(1)), names.isLater(result.lot(pair.get(1))), count)));
		collapsed.keySet()
			.forEach((owner) -> edges
				.add(new Edge(GenealogyNodes.id(owner), GenealogyNodes.collapsedId(owner), true, 0)));
		return List.copyOf(edges);
	}

}
