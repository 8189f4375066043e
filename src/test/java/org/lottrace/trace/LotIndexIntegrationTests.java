package org.lottrace.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.CommitLog;
import org.lottrace.store.StoreLayout;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.trace.Traces.amounts;
import static org.lottrace.trace.Traces.balance;

/**
 * The derived index over two nights of {@code trace/corrections}. Night one: flour
 * {@code HM-2020} and sugar {@code SB-2020} go into cookies {@code C261021A}, the flour
 * also into {@code K261021A}; both are shipped. Night two corrects three records: the
 * sugar's receiving date, the scale ticket that put the sugar into the wrong work order
 * (it went into {@code K261021A}, 12 kg), and the cases shipped on {@code BOL-9001}.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LotIndexIntegrationTests {

	private static final List<String> NIGHT_TWO = List.of("corrections/night2/RCV_20261023.csv",
			"corrections/night2/TICKETS_20261023.csv", "corrections/night2/BOL_20261023.txt");

	@Autowired
	TraceStores stores;

	TraceStore store;

	IndexRefresher.Result nightOne;

	TraceResult sugarAfterNightOne;

	IndexRefresher.Result nightTwo;

	List<String> linkFileAfterNightOne;

	@BeforeAll
	void ingestTwoNightsRefreshingAfterEach(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("corrections/night1/RCV_20261020.csv", "corrections/night1/PROD_20261021.csv",
					"corrections/night1/TICKETS_20261021.csv", "corrections/night1/BOL_20261022.txt");
		this.nightOne = this.store.refresh();
		this.sugarAfterNightOne = this.store.trace(TraceRequest.lot("SB-2020", Direction.FORWARD));
		this.linkFileAfterNightOne = linkFileLinks();
		this.store.ingest(NIGHT_TWO.toArray(String[]::new));
		this.nightTwo = this.store.refresh();
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	@Order(1)
	void refreshesWithOnlyTheNewCommitsRows() {
		// then: night one's four exports after the master data's four; night two reads
		// its three rows, each a correction
		assertThat(this.nightOne.commits()).isEqualTo(8);
		assertThat(this.nightOne.events()).isEqualTo(9);
		assertThat(this.nightOne.superseded()).isZero();
		assertThat(this.nightOne.rebuilt()).isFalse();
		assertThat(this.nightTwo.commits()).isEqualTo(3);
		assertThat(this.nightTwo.events()).isEqualTo(3);
		assertThat(this.nightTwo.superseded()).isEqualTo(3);
		assertThat(this.nightTwo.workOrders()).as("WO-4001-P and WO-4002-K relinked").isEqualTo(2);
		assertThat(this.store.query("SELECT count(*) FROM applied")).containsExactly("11");
		// each export's commit carries what its ingestion superseded: the refresh looked
		// for earlier versions on night two only
		assertThat(new CommitLog(new StoreLayout(this.store.root())).all()
			.stream()
			.filter((c) -> c.file().contains("_2026"))
			.map((c) -> c.file() + " " + c.superseded())).containsExactlyInAnyOrder("RCV_20261020.csv 0",
					"PROD_20261021.csv 0", "TICKETS_20261021.csv 0", "BOL_20261022.txt 0", "RCV_20261023.csv 1",
					"TICKETS_20261023.csv 1", "BOL_20261023.txt 1");

		// when: nothing new
		IndexRefresher.Result again = this.store.refresh();

		// then
		assertThat(again.commits()).isZero();
		assertThat(again.events()).isZero();
	}

	@Test
	@Order(1)
	void writesTheChangesBesideTheLinkFileWhenARefreshChangesLinks() {
		// then: night one's file held night one's links; night two moved the sugar into
		// K261021A, and the file with night two's changes beside it (a few links: the
		// arrays are not written again) now holds exactly the index's links
		List<String> links = this.store.query("SELECT input_lot || '->' || output_lot FROM link ORDER BY 1");
		assertThat(this.linkFileAfterNightOne).isNotEmpty().isNotEqualTo(links);
		assertThat(linkFileLinks()).isEqualTo(links);
		assertThat(MemoryLotGraph.deltaFile(this.store.index().linkFile())).isNotEmptyFile();
	}

	/**
	 * The lots whose id comes after a lot first recorded later than they were: a rebuilt
	 * index numbers lots in the order of their first records, so that the records of a
	 * batch, its ingredients and its shipments lie in few of the event table's row
	 * groups.
	 */
	private List<String> lotsNumberedOutOfDateOrder() {
		return this.store.query("SELECT lot_key || ' ' || first_date || ' after ' || earlier FROM (SELECT lot_key, "
				+ "first_date, max(first_date) OVER (ORDER BY lot_id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) "
				+ "AS earlier FROM (SELECT l.lot_id, l.lot_key, min(e.event_date) AS first_date FROM lot l JOIN event e "
				+ "ON e.lot_code = l.lot_code AND e.lot_assigner = l.lot_assigner GROUP BY ALL)) "
				+ "WHERE first_date < earlier ORDER BY 1");
	}

	/** The links the index's link file holds, as sorted "input->output" pairs. */
	private List<String> linkFileLinks() {
		try (java.sql.Connection connection = this.store.index().connect()) {
			MemoryLotGraph mapped = this.store.index().mappedLinks(connection);
			assertThat(mapped).as("the link file of the index's generation").isNotNull();
			int[] lots = this.store.query("SELECT lot_id FROM lot").stream().mapToInt(Integer::parseInt).toArray();
			List<String> forward = pairs(mapped.outOf(lots));
			assertThat(pairs(mapped.into(lots))).as("the same links in both directions").isEqualTo(forward);
			return forward;
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> pairs(LotGraph.Edges edges) {
		List<String> pairs = new java.util.ArrayList<>();
		for (int i = 0; i < edges.size(); i++) {
			pairs.add(edges.inputs()[i] + "->" + edges.outputs()[i]);
		}
		return pairs.stream().sorted().toList();
	}

	@Test
	@Order(2)
	void keepsEveryVersionAndCountsTheCurrentOnce() {
		// then
		assertThat(this.store.query("SELECT count(*), count(*) FILTER (NOT superseded) FROM event"))
			.containsExactly("12|9");
		assertThat(this.store.query("SELECT record_key, count(*), count(*) FILTER (NOT superseded) FROM event "
				+ "WHERE record_key IN (SELECT record_key FROM event WHERE superseded) GROUP BY 1 ORDER BY 1"))
			.containsExactly("erp-receiving|RC-9002|1|2|1", "scale-tickets|T-40002|2|1", "shipping|BOL-9001|1|2|1");
	}

	@Test
	@Order(3)
	void tracesTheCorrectedRecordsOnly() {
		// when
		TraceAnalysis sugar = this.store.analysis(TraceRequest.lot("SB-2020", Direction.FORWARD));
		TraceAnalysis cookies = this.store.analysis(TraceRequest.lot("C261021A", Direction.BOTH));

		// then: before the correction the sugar went into the peanut-butter cookies
		assertThat(Traces.lots(this.sugarAfterNightOne)).containsExactly("C261021A/BAKERY-01 -1 1",
				"SB-2020/V110 -1 0");
		assertThat(Traces.lots(sugar.result())).containsExactly("K261021A/BAKERY-01 -1 1", "SB-2020/V110 -1 0");
		assertThat(Traces.links(sugar.result())).containsExactly("T-40002 SB-2020 -> K261021A WO-4002-K");
		assertThat(sugar.result().events()).filteredOn((e) -> e.recordKey().equals("erp-receiving|RC-9002|1"))
			.singleElement()
			.satisfies((receipt) -> assertThat(receipt.eventDate()).hasToString("2026-10-21"));
		assertThat(Traces.plain(balance(sugar, "SB-2020").used())).isEqualTo("12");
		assertThat(Traces.links(cookies.result())).containsExactly("T-40001 HM-2020 -> C261021A WO-4001-P",
				"T-40003 HM-2020 -> K261021A WO-4002-K");
		assertThat(Traces.shipments(cookies)).containsExactly(
				"BOL-9001 C200-01 C261021A 8 case via C261021A/BAKERY-01,HM-2020/V100",
				"BOL-9002 C210-01 K261021A 9 case via HM-2020/V100");
		assertThat(amounts(balance(cookies, "C261021A"))).isEqualTo("case 20 0 8 12 40");
	}

	@Test
	@Order(4)
	void rebuildsTheSameIndexWhenDeleted() {
		// given
		TraceStore.IndexContent refreshed = this.store.content();
		TraceResult before = this.store.trace(TraceRequest.lot("HM-2020", Direction.BOTH));

		// when
		this.store.deleteIndex();
		assertThat(this.store.root().resolve("_index")).doesNotExist();
		IndexRefresher.Result rebuild = this.store.refresh();

		// then
		assertThat(rebuild.commits()).isEqualTo(11);
		assertThat(rebuild.events()).isEqualTo(12);
		assertThat(rebuild.superseded()).isEqualTo(3);
		assertThat(this.store.content()).isEqualTo(refreshed);
		assertThat(lotsNumberedOutOfDateOrder()).isEmpty();
		TraceResult after = this.store.trace(TraceRequest.lot("HM-2020", Direction.BOTH));
		assertThat(Traces.lots(after)).isEqualTo(Traces.lots(before));
		assertThat(Traces.links(after)).isEqualTo(Traces.links(before));
		assertThat(after.events()).isEqualTo(before.events());
	}

	@Test
	@Order(4)
	void rebuildsTheSameIndexAppliedOneExportPerTransaction() {
		// given: a refresher whose transactions hold at most one record (each export
		// whole: a large store's rebuild stays within DuckDB's memory this way)
		TraceStore.IndexContent refreshed = this.store.content();
		IndexRefresher oneAtATime = new IndexRefresher(this.store.index(),
				new org.lottrace.store.StoreCatalog(new org.lottrace.store.StoreLayout(this.store.root())), null, 1);
		this.store.deleteIndex();

		// when
		IndexRefresher.Result rebuild = oneAtATime.refresh();

		// then
		assertThat(rebuild.commits()).isEqualTo(11);
		assertThat(rebuild.events()).isEqualTo(12);
		assertThat(rebuild.superseded()).isEqualTo(3);
		assertThat(this.store.content()).isEqualTo(refreshed);
		// numbered in the order of their first records across all the transactions
		assertThat(lotsNumberedOutOfDateOrder()).isEmpty();
		// lot ids are given in another order: the file holds the new index's own
		assertThat(linkFileLinks())
			.isEqualTo(this.store.query("SELECT input_lot || '->' || output_lot FROM link ORDER BY 1"));
		// the look-up indexes, dropped while the transactions loaded, are built again
		assertThat(this.store.query("SELECT index_name FROM duckdb_indexes() ORDER BY 1")).containsExactly(
				"alias_by_lot", "alias_by_name", "event_work_order", "held_by_lot_code", "held_by_work_order",
				"link_by_input", "link_by_output", "link_by_work_order", "lot_by_code", "lot_by_id", "lot_by_key");
	}

	@Test
	@Order(5)
	void rebuildsTheIndexOnTheNextTraceWhenDeleted() {
		// given
		TraceResult before = this.store.trace(TraceRequest.lot("C261021A", Direction.BOTH));
		this.store.deleteIndex();

		// when
		TraceResult after = this.store.trace(TraceRequest.lot("C261021A", Direction.BOTH));

		// then
		assertThat(Files.isRegularFile(this.store.index().file())).isTrue();
		assertThat(Traces.lots(after)).isEqualTo(Traces.lots(before));
		assertThat(after.events()).isEqualTo(before.events());
	}

	@Test
	@Order(6)
	void keepsTheMasterDataThroughNightsOfEventsAndTakesEachChangeOfIt(@TempDir Path exports) throws Exception {
		// given: the master data of the store's first commits, through two nights that
		// brought events only
		String bakery = "SELECT business_name FROM location WHERE location_code = 'BAKERY-01'";
		assertThat(this.store.query(bakery)).containsExactly("Sunrise Bakery");
		List<String> products = this.store.query("SELECT product_code || ' ' || product_name FROM product ORDER BY 1");
		assertThat(products).isNotEmpty();

		// when: a new version of the sites' export renames the bakery
		Path sites = exports.resolve("SITES.csv");
		Files.writeString(sites, Files.readString(TraceStores.FIXTURES.resolve("master/SITES.csv"))
			.replace("BAKERY-01,Sunrise Bakery,", "BAKERY-01,Sunrise Bakery Two,"));
		this.store.ingest(sites);
		IndexRefresher.Result refreshed = this.store.refresh();

		// then
		assertThat(refreshed.commits()).isOne();
		assertThat(this.store.query(bakery)).containsExactly("Sunrise Bakery Two");
		assertThat(this.store.query("SELECT product_code || ' ' || product_name FROM product ORDER BY 1"))
			.isEqualTo(products);
	}

	@Test
	@Order(7)
	void ordersTheVersionsOfAKeyThatAnExportNamesTwice(@TempDir Path exports) throws Exception {
		// given: a bill of lading whose line 1 comes twice, corrected further down the
		// file
		Path bol = exports.resolve("BOL_20261024.txt");
		Files.writeString(bol, """
				BOL|Line|Ship Date|Customer|Ship To|GTIN|Lot|Qty|UoM|Carrier
				BOL-9003|1|2026-10-24|C200|C200-01|00614141100012|C261021A|4|CS|Prairie Express
				BOL-9003|1|2026-10-24|C200|C200-01|00614141100012|C261021A|5|CS|Prairie Express
				""");
		this.store.ingest(bol);
		String versions = "SELECT CAST(quantity AS INTEGER) || ' superseded=' || superseded FROM event "
				+ "WHERE record_key = 'shipping|BOL-9003|1' ORDER BY source_line";

		// when: refreshed as a night's export (a copy of its rows), then rebuilt one
		// export per transaction (each read from its files)
		IndexRefresher.Result night = this.store.refresh();
		List<String> refreshed = this.store.query(versions);
		TraceStore.IndexContent content = this.store.content();
		IndexRefresher oneAtATime = new IndexRefresher(this.store.index(),
				new org.lottrace.store.StoreCatalog(new org.lottrace.store.StoreLayout(this.store.root())), null, 1);
		this.store.deleteIndex();
		IndexRefresher.Result rebuild = oneAtATime.refresh();

		// then
		assertThat(night.superseded()).isOne();
		assertThat(refreshed).containsExactly("4 superseded=true", "5 superseded=false");
		assertThat(this.store.query(versions)).isEqualTo(refreshed);
		assertThat(this.store.content()).isEqualTo(content);
		assertThat(rebuild.superseded()).isEqualTo(3 + 1);
	}

}
