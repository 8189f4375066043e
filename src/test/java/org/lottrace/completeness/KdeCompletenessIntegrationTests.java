package org.lottrace.completeness;

import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.TraceIntegrationTest;
import org.lottrace.trace.TraceStore;
import org.lottrace.trace.TraceStores;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KDE completeness over a real store: the bakery's master data, then a supplier without
 * phone or street, a soft cheese without packaging size or style, its receipt, and scale
 * tickets of a work order whose output never came (one with no lot scanned).
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class KdeCompletenessIntegrationTests {

	private static final Path FIXTURES = Path.of("src/test/resources/completeness").toAbsolutePath();

	@Autowired
	TraceStores stores;

	TraceStore store;

	CompletenessReport report;

	@BeforeAll
	void ingestAndCheck(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder);
		this.store.ingest(FIXTURES.resolve("VENDORS_GAPS.csv"), FIXTURES.resolve("ITEMS_GAPS.csv"),
				FIXTURES.resolve("RCV_20261105.csv"), FIXTURES.resolve("TICKETS_20261106.csv"));
		this.report = new KdeCompleteness(this.store.index(),
				new IndexRefresher(this.store.index(), new StoreCatalog(new StoreLayout(folder))), Clock.systemUTC())
			.check(null, null);
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void countsTheRecordsThatLackKdesBySourceCteAndMonth() {
		// then: the cheese receipt names an incompletely described supplier and product
		assertThat(this.report.rows()).extracting(CompletenessReport.Row::toString)
			.containsExactly(
					"Row[month=2026-11, source=erp-receiving, cte=receiving, records=2, missing=1, requiredKde=0, "
							+ "location=1, product=1, tlcSource=0, unlinked=0, assumed=2, pending=0, rejected=0]",
					"Row[month=2026-11, source=scale-tickets, cte=transformation, records=1, missing=0, "
							+ "requiredKde=0, location=0, product=0, tlcSource=0, unlinked=1, assumed=0, pending=0, "
							+ "rejected=1]");
		assertThat(this.report.rows()).noneMatch(CompletenessReport.Row::complete);
		assertThat(this.report.total().records()).isEqualTo(3);
		assertThat(this.report.total().missing()).isEqualTo(1);
	}

	@Test
	void saysWhichMasterDataToCompleteAndHowOftenTheRecordsNameIt() {
		// then
		assertThat(this.report.fixes()).extracting(CompletenessReport.Fix::toString)
			.containsExactly(
					"Fix[kind=location, code=V160, name=Fresh Cheese Co., problem=its description has no phone "
							+ "number, street address, references=2, sources=erp-receiving]",
					"Fix[kind=product, code=CHEESE-SOFT-5, name=Queso fresco, problem=its description has no "
							+ "packaging size, packaging style, references=1, sources=erp-receiving]");
	}

	@Test
	void leavesOutTheMonthsOutsideTheRange() {
		// when
		CompletenessReport october = new KdeCompleteness(this.store.index(),
				new IndexRefresher(this.store.index(), new StoreCatalog(new StoreLayout(this.store.root()))),
				Clock.systemUTC())
			.check(YearMonth.of(2026, 10), YearMonth.of(2026, 10));

		// then
		assertThat(october.rows()).isEmpty();
		assertThat(october.fixes()).isEmpty();
		assertThat(october.total().records()).isZero();
	}

}
