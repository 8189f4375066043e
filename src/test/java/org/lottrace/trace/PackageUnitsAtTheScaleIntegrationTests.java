package org.lottrace.trace;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.trace.Traces.amounts;
import static org.lottrace.trace.Traces.balance;

/**
 * A scale export that names no product counts some inputs in cases and bags
 * ({@code trace/packages}): a package is a quantity only for a known product, which a
 * ticket gets from the lot it scanned (§ 1.1350(a)(1)(ii)), by its internal number or by
 * the supplier's code on the bag. The tickets are stored as recorded, link their lots,
 * and the trace converts them through the lot's product.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class PackageUnitsAtTheScaleIntegrationTests {

	@Autowired
	TraceStores stores;

	TraceStore store;

	TraceAnalysis analysis;

	@BeforeAll
	void ingestAndTrace(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("packages/RCV_20261109.csv", "packages/PROD_20261110.csv", "packages/TICKETS_20261110.csv");
		this.analysis = this.store.analysis(TraceRequest.lot("C261110A", Direction.BACKWARD));
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void linksTheLotsOfTicketsCountedInPackagesWithoutAProductColumn() {
		// then: every ticket linked (the last one scanned the supplier's code printed on
		// the
		// bag, which one lot has), none held back
		assertThat(Traces.links(this.analysis.result())).containsExactlyInAnyOrder(
				"T-70001 EG1109 -> C261110A WO-7001-P", "T-70002 EG1109 -> C261110A WO-7001-P",
				"T-70003 HM-1109 -> C261110A WO-7001-P", "T-70004 HM-1109 -> C261110A WO-7001-P");
		assertThat(this.analysis.result().held()).isEmpty();
		assertThat(this.analysis.gaps()).isEmpty();
	}

	@Test
	void convertsThePackagesThroughTheLotsProduct() {
		// then: 6 cases of 15 dozen eggs in (1080 each); 3.5 cases used (630 each)
		assertThat(amounts(balance(this.analysis, "EG1109"))).isEqualTo("each 1080 630 0 450 58.3");
		// 10 bags of 50 lb flour in; 3 + 2 bags used
		assertThat(amounts(balance(this.analysis, "HM-1109"))).isEqualTo("kg 226.796185 113.398093 0 113.398092 50");
	}

}
