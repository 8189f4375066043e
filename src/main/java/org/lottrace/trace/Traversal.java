package org.lottrace.trace;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Walks a {@link LotGraph} level by level, each lot visited once: rework that feeds a lot
 * back into later batches cannot loop, and a lot reached by several paths is kept at its
 * shortest depth.
 */
public final class Traversal {

	private Traversal() {
	}

	/**
	 * The lots a two-way trace reaches: backward from {@code start}, then forward from
	 * everything reached backward.
	 * @return how many lots were reached, counting those reached both ways twice
	 */
	public static int bothWays(LotGraph graph, int... start) throws SQLException {
		Map<Integer, Integer> backward = backward(graph, start);
		Map<Integer, Integer> forward = forward(graph,
				backward.keySet().stream().mapToInt(Integer::intValue).toArray());
		return backward.size() + forward.size();
	}

	/** Lots reached and their depth (0 for the starting lots). */
	static Map<Integer, Integer> backward(LotGraph graph, int[] start) throws SQLException {
		return walk(graph, start, true);
	}

	static Map<Integer, Integer> forward(LotGraph graph, int[] start) throws SQLException {
		return walk(graph, start, false);
	}

	private static Map<Integer, Integer> walk(LotGraph graph, int[] start, boolean backward) throws SQLException {
		Map<Integer, Integer> depth = new HashMap<>();
		IntList frontier = new IntList();
		for (int lot : start) {
			if (depth.putIfAbsent(lot, 0) == null) {
				frontier.add(lot);
			}
		}
		for (int level = 1; frontier.size() > 0; level++) {
			LotGraph.Edges edges = backward ? graph.into(frontier.toArray()) : graph.outOf(frontier.toArray());
			int[] reached = backward ? edges.inputs() : edges.outputs();
			frontier = new IntList();
			for (int lot : reached) {
				if (depth.putIfAbsent(lot, level) == null) {
					frontier.add(lot);
				}
			}
		}
		return depth;
	}

}
