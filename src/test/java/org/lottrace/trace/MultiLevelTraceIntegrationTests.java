package org.lottrace.trace;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.Cte;
import org.lottrace.trace.TraceAnalysis.Batch;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.trace.Traces.amounts;
import static org.lottrace.trace.Traces.balance;

/**
 * Traces through five levels and a rework cycle ({@code trace/levels}): peanut butter
 * {@code NB-0101} and sugar go into premix {@code M261001A}; premix and butter into
 * filling {@code F261002A}; filling and flour into cookies {@code C261003A}; two cases of
 * those are reworked into cookies {@code C261004A}. The rolling filling {@code F261005R}
 * takes {@code F261002A} and peanut butter, goes into cookies {@code C261006A}, and takes
 * back a reworked case of them and some of itself under its own work order.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class MultiLevelTraceIntegrationTests {

	@Autowired
	TraceStores stores;

	TraceStore store;

	@BeforeAll
	void ingestTheLevels(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("levels/RCV_20261001.csv", "levels/PROD_20261001.csv", "levels/TICKETS_20261001.csv",
					"levels/BOL_20261004.txt");
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void goesBackFromTheReworkedBatchToTheSupplierLotsFourLevelsDown() {
		// when
		TraceResult result = this.store.trace(TraceRequest.lot("C261004A", Direction.BACKWARD));

		// then
		assertThat(result.start()).extracting(Traces::lot).containsExactly("C261004A/BAKERY-01");
		assertThat(Traces.lots(result)).containsExactly("C261003A/BAKERY-01 1 -1", "C261004A/BAKERY-01 0 -1",
				"DG-0101/V120 3 -1", "F261002A/BAKERY-01 2 -1", "HM-0101/V100 1 -1", "M261001A/BAKERY-01 3 -1",
				"NB-0101/V130 4 -1", "SB-0101/V110 4 -1");
		assertThat(Traces.links(result)).containsExactly("T-20001 NB-0101 -> M261001A WO-2001-M",
				"T-20002 SB-0101 -> M261001A WO-2001-M", "T-20003 M261001A -> F261002A WO-2002-F",
				"T-20004 DG-0101 -> F261002A WO-2002-F", "T-20005 F261002A -> C261003A WO-2003-P",
				"T-20006 HM-0101 -> C261003A WO-2003-P", "T-20007 C261003A -> C261004A WO-2004-P",
				"T-20008 HM-0101 -> C261004A WO-2004-P");
		assertThat(result.pending()).isEmpty();
	}

	@Test
	void answersWhichBatchAndWhichIngredientsNearestFirst() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("C261004A", Direction.BACKWARD));

		// then
		assertThat(analysis.batches()).singleElement().satisfies((batch) -> {
			assertThat(batch.productCode()).isEqualTo("COOKIE-PB-12");
			assertThat(batch.outputs()).singleElement()
				.satisfies((o) -> assertThat(o.workOrder() + " " + o.eventDate() + " " + o.quantity())
					.isEqualTo("WO-2004-P 2026-10-04 20 case"));
			assertThat(inputs(batch)).containsExactly("C261003A COOKIE-PB-12 9.6 kg T-20007",
					"HM-0101 FLOUR-AP-50 90 kg T-20008");
		});
		assertThat(analysis.ingredients())
			.extracting((i) -> i.depth() + " " + i.lot().code() + " " + i.productCode() + " used in "
					+ String.join(",", i.usedIn().stream().map(TraceResult.TracedLot::code).toList()))
			.containsExactly("1 C261003A COOKIE-PB-12 used in C261004A",
					"1 HM-0101 FLOUR-AP-50 used in C261003A,C261004A", "2 F261002A FILLING-PB used in C261003A",
					"3 DG-0101 BUTTER-UNS-36 used in F261002A", "3 M261001A PREMIX-PB used in F261002A",
					"4 NB-0101 PB-CREAMY-35 used in M261001A", "4 SB-0101 SUGAR-GR-50 used in M261001A");
		assertThat(analysis.ingredients()).filteredOn((i) -> i.lot().code().equals("HM-0101"))
			.singleElement()
			.satisfies((flour) -> assertThat(flour.receipts())
				.extracting((r) -> r.cte() + " " + r.eventDate() + " " + r.quantity() + " " + r.lot().internalLot())
				.containsExactly("RECEIVING 2026-10-01 20 bag R20004"));
		assertThat(analysis.ingredients()).filteredOn((i) -> i.lot().code().equals("C261003A"))
			.singleElement()
			.satisfies((rework) -> assertThat(rework.receipts()).extracting((r) -> r.cte() + " " + r.workOrder())
				.containsExactly(Cte.TRANSFORMATION + " WO-2003-P"));
		assertThat(analysis.shipments()).isEmpty();
		assertThat(analysis.gaps()).isEmpty();
	}

	@Test
	void goesForwardThroughTheCycleOnceAndStops() {
		// when
		TraceAnalysis analysis = this.store
			.analysis(new TraceRequest("NB-0101", "V130", null, null, null, Direction.FORWARD, null));

		// then
		TraceResult result = analysis.result();
		assertThat(Traces.lots(result)).containsExactly("C261003A/BAKERY-01 -1 3", "C261004A/BAKERY-01 -1 4",
				"C261006A/BAKERY-01 -1 2", "F261002A/BAKERY-01 -1 2", "F261005R/BAKERY-01 -1 1",
				"M261001A/BAKERY-01 -1 1", "NB-0101/V130 -1 0");
		assertThat(Traces.links(result)).containsExactly("T-20001 NB-0101 -> M261001A WO-2001-M",
				"T-20003 M261001A -> F261002A WO-2002-F", "T-20005 F261002A -> C261003A WO-2003-P",
				"T-20007 C261003A -> C261004A WO-2004-P", "T-20009 F261002A -> F261005R WO-2005-F",
				"T-20010 NB-0101 -> F261005R WO-2005-F", "T-20011 F261005R -> C261006A WO-2006-P",
				"T-20012 C261006A -> F261005R WO-2005-F", "T-20013 F261005R -> F261005R WO-2005-F");
		assertThat(Traces.shipments(analysis)).containsExactly("BOL-7001 C200-01 C261003A 20 case via NB-0101/V130",
				"BOL-7002 C210-01 C261004A 12 case via NB-0101/V130",
				"BOL-7003 C220-01 C261004A 8 case via NB-0101/V130",
				"BOL-7004 C230-01 C261006A 22 case via NB-0101/V130");
	}

	@Test
	void tracesTheRollingLotBothWaysEachLotOnce() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("C261006A", Direction.BOTH));

		// then
		assertThat(Traces.lots(analysis.result())).containsExactly("C261003A/BAKERY-01 -1 1", "C261004A/BAKERY-01 -1 2",
				"C261006A/BAKERY-01 0 0", "DG-0101/V120 3 0", "F261002A/BAKERY-01 2 0", "F261005R/BAKERY-01 1 0",
				"M261001A/BAKERY-01 3 0", "NB-0101/V130 2 0", "SB-0101/V110 4 0");
		assertThat(analysis.batches()).singleElement()
			.satisfies((batch) -> assertThat(inputs(batch)).containsExactly("F261005R FILLING-PB 25 kg T-20011"));
		assertThat(analysis.ingredients())
			.extracting((i) -> i.depth() + " " + i.lot().code() + " used in "
					+ String.join(",", i.usedIn().stream().map(TraceResult.TracedLot::code).toList()))
			.containsExactly("1 F261005R used in F261005R,C261006A", "2 F261002A used in C261003A,F261005R",
					"2 NB-0101 used in M261001A,F261005R", "3 DG-0101 used in F261002A", "3 M261001A used in F261002A",
					"4 SB-0101 used in M261001A");
		String fromTheFilling = "DG-0101/V120,F261002A/BAKERY-01,M261001A/BAKERY-01,NB-0101/V130,SB-0101/V110";
		assertThat(Traces.shipments(analysis)).containsExactly(
				"BOL-7001 C200-01 C261003A 20 case via " + fromTheFilling,
				"BOL-7002 C210-01 C261004A 12 case via " + fromTheFilling,
				"BOL-7003 C220-01 C261004A 8 case via " + fromTheFilling,
				"BOL-7004 C230-01 C261006A 22 case via C261006A/BAKERY-01,DG-0101/V120,F261002A/BAKERY-01,"
						+ "F261005R/BAKERY-01,M261001A/BAKERY-01,NB-0101/V130,SB-0101/V110");
	}

	@Test
	void balancesEachLotInItsProductsBaseUnit() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("C261006A", Direction.BOTH));

		// then: 4 pails of 35 lb in; 44 lb and 30 lb used (kg, six places)
		assertThat(amounts(balance(analysis, "NB-0101"))).isEqualTo("kg 63.502932 33.565835 0 29.937097 52.9");
		// 24 cases made; 9.6 kg reworked (2 cases of 4.8 kg); 20 cases shipped
		assertThat(amounts(balance(analysis, "C261003A"))).isEqualTo("case 24 2 20 2 91.7");
		// the rolling lot's own use counts as use
		assertThat(amounts(balance(analysis, "F261005R"))).isEqualTo("kg 50 30 0 20 60");
		assertThat(amounts(balance(analysis, "C261006A"))).isEqualTo("case 24 1 22 1 95.8");
		assertThat(amounts(balance(analysis, "M261001A"))).isEqualTo("kg 40 40 0 0 100");
		assertThat(analysis.massBalance()).hasSize(9).allSatisfy((m) -> assertThat(m.notes()).isEmpty());
		assertThat(analysis.gaps()).isEmpty();
	}

	private static java.util.List<String> inputs(Batch batch) {
		return batch.inputs()
			.stream()
			.map((i) -> i.lot().code() + " " + i.productCode() + " " + i.event().quantity() + " "
					+ Traces.ticket(i.event()))
			.toList();
	}

}
