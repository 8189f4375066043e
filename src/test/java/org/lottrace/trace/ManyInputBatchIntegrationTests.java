package org.lottrace.trace;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.ingest.IngestResult;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One batch with more input lots than the index writes out as SQL literals
 * ({@link SqlLists#LITERAL_LIMIT}): cookies {@code C261027M} from 1,050 flour lots of
 * Heartland Mills and 1,050 sugar lots of Sweet Beet that share their codes
 * ({@code M0001} to {@code M1050}), one of them weighed twice; the exports are written by
 * the test in the sample data's layouts.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ManyInputBatchIntegrationTests {

	private static final int PER_SUPPLIER = 1050;

	private static final int LOTS = 2 * PER_SUPPLIER;

	@Autowired
	TraceStores stores;

	TraceStore store;

	@BeforeAll
	void ingestTheBatch(@TempDir Path folder) throws IOException {
		Path exports = Files.createDirectories(folder.resolve("exports"));
		this.store = this.stores.withMasterData(folder.resolve("store"));
		List<IngestResult> results = this.store.ingest(receipts(exports), production(exports), tickets(exports),
				shipments(exports));
		assertThat(results).extracting(IngestResult::written, IngestResult::rejected)
			.containsExactly(tuple((long) LOTS, 0L), tuple(1L, 0L), tuple(LOTS + 1L, 0L), tuple(2L, 0L));
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void followsEveryInputOfTheBatch() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("C261027M", Direction.BACKWARD));

		// then
		assertThat(analysis.batches()).singleElement().satisfies((batch) -> {
			assertThat(batch.inputs()).hasSize(LOTS + 1);
			assertThat(batch.inputs().stream().map((i) -> Traces.lot(i.lot())).distinct()).hasSize(LOTS);
			assertThat(batch.inputs()
				.stream()
				.map((i) -> i.event().quantity().value())
				.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("2101");
		});
		assertThat(analysis.ingredients()).hasSize(LOTS).allSatisfy((i) -> {
			assertThat(i.depth()).isEqualTo(1);
			assertThat(i.receipts()).hasSize(1);
			assertThat(i.usedIn()).extracting(Traces::lot).containsExactly("C261027M/BAKERY-01");
		});
		assertThat(analysis.ingredients()).filteredOn((i) -> i.lot().code().equals("M0007"))
			.extracting((i) -> Traces.lot(i.lot()) + " " + i.productCode())
			.containsExactly("M0007/V100 FLOUR-AP-50", "M0007/V110 SUGAR-GR-50");
		assertThat(analysis.result().links()).hasSize(LOTS + 1);
		// the batch made and shipped twice, every receipt, every ticket
		assertThat(analysis.result().events()).hasSize(1 + 2 + LOTS + (LOTS + 1));
		assertThat(analysis.result().pending()).isEmpty();
		assertThat(analysis.gaps()).isEmpty();
	}

	@Test
	void reachesEveryCustomerFromAnyInputAndOnlyThatInput() {
		// when
		TraceAnalysis analysis = this.store
			.analysis(new TraceRequest("M1050", "V110", null, null, null, Direction.FORWARD, null));

		// then
		assertThat(Traces.lots(analysis.result())).containsExactly("C261027M/BAKERY-01 -1 1", "M1050/V110 -1 0");
		assertThat(Traces.shipments(analysis)).containsExactly("BOL-7701 C200-01 C261027M 30 case via M1050/V110",
				"BOL-7702 C240-01 C261027M 10 case via M1050/V110");
	}

	@Test
	void goesForwardOnlyFromTheLotsReachedBackward() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("R70001", Direction.BOTH));

		// then: the flour weighed twice, by its receiving number; its batch, not the
		// batch's other inputs
		assertThat(analysis.result().start()).extracting(Traces::lot).containsExactly("M0001/V100");
		assertThat(Traces.lots(analysis.result())).containsExactly("C261027M/BAKERY-01 -1 1", "M0001/V100 0 0");
		assertThat(Traces.balance(analysis, "M0001").used()).isEqualByComparingTo("2");
	}

	@Test
	void tracesTheBatchBothWaysThroughEveryLot() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("C261027M", Direction.BOTH));

		// then
		assertThat(analysis.result().lots()).hasSize(LOTS + 1);
		assertThat(analysis.shipments()).hasSize(2).allSatisfy((s) -> assertThat(s.via()).hasSize(LOTS + 1));
		assertThat(analysis.massBalance()).hasSize(LOTS + 1);
		assertThat(Traces.amounts(Traces.balance(analysis, "C261027M"))).isEqualTo("case 40 0 40 0 100");
	}

	private static Path receipts(Path exports) throws IOException {
		List<String> lines = new ArrayList<>(
				List.of("Receipt No,Line,Rcv Date,Vendor No,Item No,Vendor Lot,Rcv Lot,Qty,UoM,PO No,Site"));
		for (int i = 1; i <= LOTS; i++) {
			boolean flour = i <= PER_SUPPLIER;
			lines.add(String.format("RC-%05d,1,10/26/2026,%s,%s,M%04d,R7%04d,1,BAG,PO-7700,BAKERY-01", i,
					flour ? "V100" : "V110", flour ? "FLOUR-AP-50" : "SUGAR-GR-50", flour ? i : i - PER_SUPPLIER, i));
		}
		return write(exports.resolve("RCV_20261026.csv"), lines);
	}

	private static Path production(Path exports) throws IOException {
		return write(exports.resolve("PROD_20261027.csv"),
				List.of("WO No,Completed,Item No,Output Lot,Qty Completed,UoM,Site",
						"WO-7700-P,10/27/2026,COOKIE-PB-12,C261027M,40,CS,BAKERY-01"));
	}

	/** One kilogram from every lot, and another from the first flour lot. */
	private static Path tickets(Path exports) throws IOException {
		List<String> lines = new ArrayList<>(
				List.of("Sunrise Bakery - ScaleLink weighing export", "Week of 2026-10-26;exported by ScaleLink 4.2",
						"Ticket;Date/Time;Scale;Work Order;Lot scanned;Net;Unit;Operator"));
		for (int i = 1; i <= LOTS; i++) {
			lines.add(String.format("T-7%04d;27.10.2026 06:00;SC-1;WO-7700-P;R7%04d;1,000;kg;Dana Lee", i, i));
		}
		lines.add("T-79999;27.10.2026 09:00;SC-1;WO-7700-P;R70001;1,000;kg;Dana Lee");
		return write(exports.resolve("TICKETS_20261027.csv"), lines);
	}

	private static Path shipments(Path exports) throws IOException {
		return write(exports.resolve("BOL_20261028.txt"),
				List.of("BOL|Line|Ship Date|Customer|Ship To|GTIN|Lot|Qty|UoM|Carrier",
						"BOL-7701|1|2026-10-28|C200|C200-01|00614141100012|C261027M|30|CS|Prairie Express",
						"BOL-7702|1|2026-10-28|C240|C240-01|00614141100012|C261027M|10|CS|Midwest Freight"));
	}

	private static Path write(Path file, List<String> lines) throws IOException {
		return Files.write(file, lines, StandardCharsets.ISO_8859_1);
	}

}
