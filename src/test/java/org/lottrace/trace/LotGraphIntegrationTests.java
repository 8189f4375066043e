package org.lottrace.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways of walking the links, {@link DuckDbLotGraph} (index look-ups) and
 * {@link MemoryLotGraph} (arrays), compared on every lot of one store holding all the
 * trace fixtures: five levels, a rework cycle, colliding codes, a reused receiving
 * number, corrections.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class LotGraphIntegrationTests {

	@Autowired
	TraceStores stores;

	TraceStore store;

	List<Integer> lots;

	@BeforeAll
	void ingestEveryFixture(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("levels/RCV_20261001.csv", "levels/PROD_20261001.csv", "levels/TICKETS_20261001.csv",
					"levels/BOL_20261004.txt", "collisions/RCV_20261010.csv", "collisions/PROD_20261011.csv",
					"collisions/TICKETS_20261011.csv", "collisions/BOL_20261013.txt", "collisions/RCV_20261014.csv",
					"collisions/PROD_20261014.csv", "collisions/TICKETS_20261014.csv",
					"corrections/night1/RCV_20261020.csv", "corrections/night1/PROD_20261021.csv",
					"corrections/night1/TICKETS_20261021.csv", "corrections/night1/BOL_20261022.txt",
					"corrections/night2/RCV_20261023.csv", "corrections/night2/TICKETS_20261023.csv",
					"corrections/night2/BOL_20261023.txt", "balance/RCV_20261101.csv", "balance/PROD_20261102.csv",
					"balance/TICKETS_20261102.csv", "balance/BOL_20261104.txt");
		this.store.refresh();
		this.lots = this.store.query("SELECT lot_id FROM lot ORDER BY lot_id").stream().map(Integer::valueOf).toList();
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void walksEveryLotToTheSameLotsAtTheSameDepthsBothWays() throws SQLException {
		// given
		assertThat(this.lots).hasSizeGreaterThan(25);
		try (Connection connection = this.store.index().connect()) {
			LotGraph duckDb = new DuckDbLotGraph(connection);
			LotGraph memory = MemoryLotGraph.load(connection);
			LotGraph mapped = this.store.index().mappedLinks(connection);
			assertThat(mapped).as("the link file the refresh wrote").isNotNull();
			for (int lot : this.lots) {
				// when
				Map<Integer, Integer> backward = Traversal.backward(duckDb, new int[] { lot });
				Map<Integer, Integer> forward = Traversal.forward(duckDb, new int[] { lot });

				// then
				assertThat(new TreeMap<>(Traversal.backward(memory, new int[] { lot }))).as("backward from %d", lot)
					.isEqualTo(new TreeMap<>(backward));
				assertThat(new TreeMap<>(Traversal.forward(memory, new int[] { lot }))).as("forward from %d", lot)
					.isEqualTo(new TreeMap<>(forward));
				assertThat(edges(memory.into(new int[] { lot }))).isEqualTo(edges(duckDb.into(new int[] { lot })));
				assertThat(edges(memory.outOf(new int[] { lot }))).isEqualTo(edges(duckDb.outOf(new int[] { lot })));
				assertThat(edges(mapped.into(new int[] { lot }))).isEqualTo(edges(duckDb.into(new int[] { lot })));
				assertThat(edges(mapped.outOf(new int[] { lot }))).isEqualTo(edges(duckDb.outOf(new int[] { lot })));
				assertThat(backward.keySet()).as("backward from %d", lot)
					.isEqualTo(closure(lot, "output_lot", "input_lot"));
				assertThat(forward.keySet()).as("forward from %d", lot)
					.isEqualTo(closure(lot, "input_lot", "output_lot"));
			}
		}
	}

	@Test
	void walksFromAllLotsAtOnceTheSameWay() throws SQLException {
		// given
		int[] all = this.lots.stream().mapToInt(Integer::intValue).toArray();
		try (Connection connection = this.store.index().connect()) {
			LotGraph duckDb = new DuckDbLotGraph(connection);
			MemoryLotGraph memory = MemoryLotGraph.load(connection);

			// when
			int viaDuckDb = Traversal.bothWays(duckDb, all);
			int inMemory = Traversal.bothWays(memory, all);

			// then
			assertThat(inMemory).isEqualTo(viaDuckDb).isEqualTo(2 * all.length);
			assertThat(memory.links())
				.isEqualTo(Integer.parseInt(this.store.query("SELECT count(*) FROM link").get(0)));
			assertThat(edges(memory.outOf(all))).isEqualTo(edges(duckDb.outOf(all)));
		}
	}

	@Test
	void tracesEveryLotAlikeThroughTheServiceWithEachGraph() throws Exception {
		// given: each lot by its code and assigner, through DuckDB (the link file set
		// aside)
		List<TraceRequest> requests = this.store.query("SELECT lot_code || '|' || lot_assigner FROM lot ORDER BY 1")
			.stream()
			.map((l) -> new TraceRequest(l.split("\\|")[0], l.split("\\|")[1], null, null, null, Direction.BOTH, null))
			.toList();
		Path linkFile = this.store.index().linkFile();
		Path aside = linkFile.resolveSibling("aside.bin");
		Files.move(linkFile, aside);
		List<String> viaDuckDb = new ArrayList<>();
		for (TraceRequest request : requests) {
			viaDuckDb.add(answer(this.store.trace(request)));
		}
		Files.move(aside, linkFile);

		// when: through the link file mapped (a one-shot command), then the heap (a
		// service)
		List<String> mapped = new ArrayList<>();
		for (TraceRequest request : requests) {
			mapped.add(answer(this.store.trace(request)));
		}
		this.store.traces().useMemoryGraph();
		List<String> inMemory = new ArrayList<>();
		for (TraceRequest request : requests) {
			inMemory.add(answer(this.store.trace(request)));
		}

		// then: the same lots, links, records and context records (which the links in
		// memory narrow down before asking the index)
		assertThat(mapped).isEqualTo(viaDuckDb);
		assertThat(inMemory).isEqualTo(viaDuckDb);
		assertThat(viaDuckDb).anySatisfy((answer) -> assertThat(answer).doesNotContain("context []"));
	}

	@Test
	void findsTheSameContextRecordsOneWayThroughTheIndexAndThroughTheLinkFile() throws Exception {
		// given: each lot traced backward and forward, through the index (the link file
		// set aside: every work order asked about)
		List<TraceRequest> requests = new ArrayList<>();
		for (String lot : this.store.query("SELECT lot_code || '|' || lot_assigner FROM lot ORDER BY 1")) {
			for (Direction direction : List.of(Direction.BACKWARD, Direction.FORWARD)) {
				requests
					.add(new TraceRequest(lot.split("\\|")[0], lot.split("\\|")[1], null, null, null, direction, null));
			}
		}
		// a service of its own: another test has the shared one walk the links on the
		// heap
		TraceService traces = new TraceService(this.store.index(),
				new IndexRefresher(this.store.index(),
						new org.lottrace.store.StoreCatalog(new org.lottrace.store.StoreLayout(this.store.root()))),
				java.time.Clock.systemUTC());
		// its first refresh finds the link file whole, and writes none while it is aside
		traces.trace(requests.get(0));
		Path linkFile = this.store.index().linkFile();
		Path aside = linkFile.resolveSibling("aside-one-way.bin");
		Files.move(linkFile, aside);
		List<String> viaDuckDb = new ArrayList<>();
		for (TraceRequest request : requests) {
			viaDuckDb.add(answer(traces.trace(request)));
		}
		Files.move(aside, linkFile);

		// when
		List<String> mapped = new ArrayList<>();
		for (TraceRequest request : requests) {
			mapped.add(answer(traces.trace(request)));
		}

		// then
		assertThat(mapped).isEqualTo(viaDuckDb);
	}

	/** The lots reachable from {@code lot}, by a recursive query over the links. */
	private TreeSet<Integer> closure(int lot, String from, String to) {
		return new TreeSet<>(this.store
			.query("WITH RECURSIVE reached(lot) AS (SELECT " + lot + " UNION SELECT k." + to + " FROM link k JOIN "
					+ "reached r ON k." + from + " = r.lot) SELECT lot FROM reached")
			.stream()
			.map(Integer::valueOf)
			.toList());
	}

	private static List<String> edges(LotGraph.Edges edges) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i < edges.size(); i++) {
			pairs.add(edges.inputs()[i] + "->" + edges.outputs()[i]);
		}
		return pairs.stream().sorted().toList();
	}

	private static String answer(TraceResult result) {
		return Traces.lots(result) + " " + Traces.links(result) + " "
				+ result.events().stream().map((e) -> e.recordKey()).sorted().toList() + " " + result.pending()
				+ " context " + result.context().events().stream().map((e) -> e.recordKey()).sorted().toList() + " "
				+ new java.util.TreeMap<>(result.context().eventLots()).entrySet()
					.stream()
					.map((e) -> e.getKey() + "=" + e.getValue().code() + "/" + e.getValue().assigner())
					.toList();
	}

}
