package org.lottrace.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Traversal} over both {@link LotGraph}s, checked against a plain breadth-first
 * search on random link tables in an in-memory DuckDB: dense and sparse, with rework
 * cycles, self-links, repeated links and lots without links.
 */
class LotGraphTests {

	@Test
	void bothGraphsWalkRandomLinksAsABreadthFirstSearchDoes() throws SQLException {
		for (int seed = 1; seed <= 20; seed++) {
			// given
			Random random = new Random(seed);
			int lots = 1 + random.nextInt(40);
			int links = random.nextInt(lots * 3);
			int[][] edges = new int[links][];
			for (int i = 0; i < links; i++) {
				edges[i] = new int[] { 1 + random.nextInt(lots), 1 + random.nextInt(lots) };
			}
			try (Connection connection = index(lots, edges)) {
				LotGraph duckDb = new DuckDbLotGraph(connection);
				MemoryLotGraph memory = MemoryLotGraph.load(connection);
				assertThat(memory.links()).isEqualTo(links);
				for (int lot = 1; lot <= lots; lot++) {
					int[] start = { lot, 1 + random.nextInt(lots) };

					// when
					Map<Integer, Integer> backward = Traversal.backward(memory, start);
					Map<Integer, Integer> forward = Traversal.forward(memory, start);

					// then
					String where = "seed " + seed + " from " + start[0] + "," + start[1];
					assertThat(new TreeMap<>(backward)).as(where).isEqualTo(search(edges, start, true));
					assertThat(new TreeMap<>(forward)).as(where).isEqualTo(search(edges, start, false));
					assertThat(new TreeMap<>(Traversal.backward(duckDb, start))).as(where).isEqualTo(backward);
					assertThat(new TreeMap<>(Traversal.forward(duckDb, start))).as(where).isEqualTo(forward);
				}
			}
		}
	}

	@Test
	void changesMadeToTheArraysGiveTheArraysOfTheChangedLinks() {
		for (int seed = 1; seed <= 200; seed++) {
			// given: random links, repeated and self-links among them
			Random random = new Random(seed);
			int lots = 1 + random.nextInt(30);
			List<int[]> links = randomLinks(random, lots);
			MemoryLotGraph before = of(lots, links);
			// some taken out, others added, some of them to new lots
			List<int[]> removed = new ArrayList<>();
			List<int[]> kept = new ArrayList<>();
			links.forEach((link) -> (random.nextInt(4) == 0 ? removed : kept).add(link));
			int lotsAfter = lots + random.nextInt(4);
			List<int[]> added = new ArrayList<>();
			for (int i = random.nextInt(10); i > 0; i--) {
				added.add(new int[] { 1 + random.nextInt(lotsAfter), 1 + random.nextInt(lotsAfter) });
			}
			List<int[]> after = new ArrayList<>(kept);
			after.addAll(added);

			// when
			MemoryLotGraph changed = before.changed(lotsAfter, edges(removed), edges(added));

			// then
			assertThat(changed).as("seed " + seed).isNotNull();
			assertThat(changed.links()).isEqualTo(after.size());
			assertThat(neighbours(changed, lotsAfter)).as("seed " + seed)
				.isEqualTo(neighbours(of(lotsAfter, after), lotsAfter));
		}
	}

	@Test
	void refusesChangesThatDoNotFitTheArrays() {
		// given
		MemoryLotGraph graph = of(3, List.of(new int[] { 1, 2 }, new int[] { 2, 3 }));
		LotGraph.Edges none = LotGraph.Edges.NONE;

		// then: a link that is not there, one taken out twice, fewer lots than before
		assertThat(graph.changed(3, edges(List.of(new int[] { 1, 3 })), none)).isNull();
		assertThat(graph.changed(3, edges(List.of(new int[] { 1, 2 }, new int[] { 1, 2 })), none)).isNull();
		assertThat(graph.changed(2, none, none)).isNull();
		assertThat(graph.changed(3, edges(List.of(new int[] { 9, 2 })), none)).isNull();
		assertThat(graph.changed(4, edges(List.of(new int[] { 1, 2 })), edges(List.of(new int[] { 4, 1 })))).isNotNull()
			.satisfies((changed) -> assertThat(neighbours(changed, 4))
				.isEqualTo(neighbours(of(4, List.of(new int[] { 2, 3 }, new int[] { 4, 1 })), 4)));
	}

	/**
	 * Up to three links per lot among lots 1..{@code lots}: repeated and self-links among
	 * them.
	 */
	private static List<int[]> randomLinks(Random random, int lots) {
		List<int[]> links = new ArrayList<>();
		for (int i = random.nextInt(lots * 3); i > 0; i--) {
			links.add(new int[] { 1 + random.nextInt(lots), 1 + random.nextInt(lots) });
		}
		return links;
	}

	private static MemoryLotGraph of(int lots, List<int[]> links) {
		LotGraph.Edges edges = edges(links);
		return MemoryLotGraph.of(lots, edges.inputs(), edges.outputs());
	}

	private static LotGraph.Edges edges(List<int[]> links) {
		return new LotGraph.Edges(links.stream().mapToInt((l) -> l[0]).toArray(),
				links.stream().mapToInt((l) -> l[1]).toArray());
	}

	/** Each lot's inputs and outputs, sorted: the order within a lot is no matter. */
	private static List<String> neighbours(MemoryLotGraph graph, int lots) {
		List<String> lines = new ArrayList<>();
		for (int lot = 0; lot <= lots + 1; lot++) {
			int[] into = graph.into(new int[] { lot }).inputs().clone();
			int[] outOf = graph.outOf(new int[] { lot }).outputs().clone();
			Arrays.sort(into);
			Arrays.sort(outOf);
			lines.add(lot + " <- " + Arrays.toString(into) + " -> " + Arrays.toString(outOf));
		}
		return lines;
	}

	@Test
	void findsNoLinksOfLotsTheGraphDoesNotHold() throws SQLException {
		// given
		try (Connection connection = index(3, new int[][] { { 1, 2 }, { 2, 3 } })) {
			MemoryLotGraph memory = MemoryLotGraph.load(connection);

			// when
			LotGraph.Edges into = memory.into(new int[] { 0, 7, -1 });
			LotGraph.Edges outOf = memory.outOf(new int[] { 99 });

			// then
			assertThat(into.size()).isZero();
			assertThat(outOf.size()).isZero();
			assertThat(Traversal.backward(memory, new int[] { 3 })).containsOnly(Map.entry(3, 0), Map.entry(2, 1),
					Map.entry(1, 2));
		}
	}

	@Test
	void theLinkFileWalksAsTheArraysItWasWrittenFrom(@TempDir Path folder) throws Exception {
		for (int seed = 1; seed <= 10; seed++) {
			// given
			Random random = new Random(seed);
			int lots = 1 + random.nextInt(3000);
			int links = random.nextInt(lots * 3);
			int[] inputs = new int[links];
			int[] outputs = new int[links];
			for (int i = 0; i < links; i++) {
				inputs[i] = 1 + random.nextInt(lots);
				outputs[i] = 1 + random.nextInt(lots);
			}
			MemoryLotGraph heap = MemoryLotGraph.of(lots, inputs, outputs);
			String generation = UUID.randomUUID().toString();
			Path file = folder.resolve("links-" + seed + ".bin");

			// when
			heap.write(file, generation);
			MemoryLotGraph mapped = MemoryLotGraph.map(file, generation);

			// then
			assertThat(mapped).isNotNull();
			assertThat(mapped.links()).isEqualTo(links);
			for (int lot = 0; lot <= lots + 1; lot++) {
				int[] one = { lot };
				assertThat(pairs(mapped.into(one))).as("seed %d into %d", seed, lot).isEqualTo(pairs(heap.into(one)));
				assertThat(pairs(mapped.outOf(one))).as("seed %d out of %d", seed, lot)
					.isEqualTo(pairs(heap.outOf(one)));
			}
			int[] start = { 1 + random.nextInt(lots) };
			assertThat(Traversal.bothWays(mapped, start)).isEqualTo(Traversal.bothWays(heap, start));
			assertThat(folder.resolve(file.getFileName() + ".tmp")).doesNotExist();
		}
	}

	@Test
	void aLinkFileOfAnotherGenerationOrNotWholeIsNotUsed(@TempDir Path folder) throws Exception {
		// given
		MemoryLotGraph graph = MemoryLotGraph.of(3, new int[] { 1, 2 }, new int[] { 2, 3 });
		Path file = folder.resolve("links.bin");
		String generation = UUID.randomUUID().toString();
		graph.write(file, generation);
		byte[] whole = Files.readAllBytes(file);

		// when, then
		assertThat(MemoryLotGraph.map(file, generation)).isNotNull();
		assertThat(MemoryLotGraph.map(file, UUID.randomUUID().toString())).as("another generation").isNull();
		assertThat(MemoryLotGraph.map(folder.resolve("missing.bin"), generation)).as("missing").isNull();
		Files.write(file, Arrays.copyOf(whole, whole.length - 4));
		assertThat(MemoryLotGraph.map(file, generation)).as("cut short").isNull();
		Files.write(file, Arrays.copyOf(whole, 20));
		assertThat(MemoryLotGraph.map(file, generation)).as("header cut short").isNull();
		byte[] otherMagic = whole.clone();
		otherMagic[0] ^= 1;
		Files.write(file, otherMagic);
		assertThat(MemoryLotGraph.map(file, generation)).as("not a link file").isNull();
	}

	@Test
	void nightsOfChangesWrittenBesideTheArraysWalkAsTheChangedLinks(@TempDir Path folder) throws Exception {
		int deltas = 0;
		int arraysWritten = 0;
		for (int seed = 1; seed <= 60; seed++) {
			// given: arrays written to a link file
			Random random = new Random(seed);
			int lots = 1 + random.nextInt(30);
			List<int[]> links = randomLinks(random, lots);
			Path file = folder.resolve("links-" + seed + ".bin");
			String generation = UUID.randomUUID().toString();
			of(lots, links).write(file, generation);
			MemoryLotGraph mapped = MemoryLotGraph.map(file, generation);
			int limit = 4 + random.nextInt(30);
			for (int night = 1; night <= 8; night++) {
				// some links taken out (some of them put in on an earlier night), others
				// put in (some taken out before), some to new lots
				List<int[]> removed = new ArrayList<>();
				List<int[]> kept = new ArrayList<>();
				links.forEach((link) -> (random.nextInt(5) == 0 ? removed : kept).add(link));
				lots += random.nextInt(3);
				List<int[]> added = new ArrayList<>();
				for (int i = random.nextInt(8); i > 0; i--) {
					added.add((!removed.isEmpty() && random.nextBoolean()) ? removed.get(random.nextInt(removed.size()))
							: new int[] { 1 + random.nextInt(lots), 1 + random.nextInt(lots) });
				}
				links = new ArrayList<>(kept);
				links.addAll(added);
				String where = "seed " + seed + " night " + night;

				// when
				assertThat(mapped).as(where).isNotNull();
				MemoryLotGraph changed = mapped.changed(lots, edges(removed), edges(added), limit);
				assertThat(changed).as(where).isNotNull();
				deltas += changed.hasDelta() ? 1 : 0;
				arraysWritten += changed.hasDelta() ? 0 : 1;
				generation = UUID.randomUUID().toString();
				changed.write(file, generation);
				mapped = MemoryLotGraph.map(file, generation);

				// then
				assertThat(mapped).as(where).isNotNull();
				assertThat(mapped.links()).as(where).isEqualTo(links.size());
				assertThat(neighbours(mapped, lots)).as(where).isEqualTo(neighbours(of(lots, links), lots));
				assertThat(Files.exists(MemoryLotGraph.deltaFile(file))).as(where).isEqualTo(changed.hasDelta());
			}
		}
		assertThat(deltas).as("nights written as changes").isGreaterThan(100);
		assertThat(arraysWritten).as("nights that wrote the arrays again").isGreaterThan(20);
	}

	@Test
	void changesBesideArraysThatDoNotFitOrAreNotWholeAreNotUsed(@TempDir Path folder) throws Exception {
		// given: arrays, and the changes of one night beside them
		Path file = folder.resolve("links.bin");
		String first = UUID.randomUUID().toString();
		of(3, List.of(new int[] { 1, 2 }, new int[] { 2, 3 })).write(file, first);
		MemoryLotGraph arrays = MemoryLotGraph.map(file, first);
		assertThat(arrays).isNotNull();
		assertThat(arrays.changed(3, edges(List.of(new int[] { 1, 3 })), LotGraph.Edges.NONE)).as("not there").isNull();
		MemoryLotGraph changed = arrays.changed(4, edges(List.of(new int[] { 1, 2 })),
				edges(List.of(new int[] { 3, 4 })));
		assertThat(changed).isNotNull();
		assertThat(changed.hasDelta()).isTrue();
		String second = UUID.randomUUID().toString();
		changed.write(file, second);
		Path delta = MemoryLotGraph.deltaFile(file);
		byte[] whole = Files.readAllBytes(delta);

		// when, then
		assertThat(MemoryLotGraph.map(file, second)).isNotNull()
			.satisfies((graph) -> assertThat(neighbours(graph, 4))
				.isEqualTo(neighbours(of(4, List.of(new int[] { 2, 3 }, new int[] { 3, 4 })), 4)));
		assertThat(MemoryLotGraph.map(file, first)).as("the arrays' own generation")
			.isNotNull()
			.satisfies((graph) -> assertThat(graph.links()).isEqualTo(2));
		assertThat(MemoryLotGraph.map(file, UUID.randomUUID().toString())).as("another generation").isNull();
		Files.write(delta, Arrays.copyOf(whole, whole.length - 8));
		assertThat(MemoryLotGraph.map(file, second)).as("changes cut short").isNull();
		Files.write(delta, whole);
		assertThat(MemoryLotGraph.map(file, second)).as("whole again").isNotNull();
		of(3, List.of(new int[] { 1, 2 })).write(file, UUID.randomUUID().toString());
		assertThat(delta).as("changes to other arrays are deleted with them").doesNotExist();
		Files.write(delta, whole);
		assertThat(MemoryLotGraph.map(file, second)).as("changes made to other arrays").isNull();
	}

	private static List<String> pairs(LotGraph.Edges edges) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < edges.size(); i++) {
			pairs.add(edges.inputs()[i] + "->" + edges.outputs()[i]);
		}
		return pairs;
	}

	/** An index with lots 1..{@code lots} and the given (input, output) links. */
	private static Connection index(int lots, int[][] edges) throws SQLException {
		Connection connection = DriverManager.getConnection("jdbc:duckdb:");
		try (Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE lot (lot_id INTEGER, lot_key VARCHAR, lot_code VARCHAR, lot_assigner VARCHAR)");
			sql.execute("INSERT INTO lot SELECT i, 'L' || i, 'L' || i, 'V' FROM range(1, " + (lots + 1) + ") t(i)");
			sql.execute("CREATE TABLE link (input_key VARCHAR, input_lot INTEGER, output_lot INTEGER, "
					+ "work_order VARCHAR)");
			if (edges.length > 0) {
				List<String> rows = new ArrayList<>();
				for (int[] edge : edges) {
					rows.add("('k', " + edge[0] + ", " + edge[1] + ", 'WO')");
				}
				sql.execute("INSERT INTO link VALUES " + String.join(", ", rows));
			}
		}
		return connection;
	}

	/** Depths by a plain breadth-first search over the link list. */
	private static TreeMap<Integer, Integer> search(int[][] edges, int[] start, boolean backward) {
		Map<Integer, List<Integer>> next = new HashMap<>();
		for (int[] edge : edges) {
			int from = backward ? edge[1] : edge[0];
			next.computeIfAbsent(from, (k) -> new ArrayList<>()).add(backward ? edge[0] : edge[1]);
		}
		TreeMap<Integer, Integer> depth = new TreeMap<>();
		ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int lot : start) {
			if (depth.putIfAbsent(lot, 0) == null) {
				queue.add(lot);
			}
		}
		while (!queue.isEmpty()) {
			int lot = queue.poll();
			for (int reached : next.getOrDefault(lot, List.of())) {
				if (depth.putIfAbsent(reached, depth.get(lot) + 1) == null) {
					queue.add(reached);
				}
			}
		}
		return depth;
	}

}
