package org.lottrace.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.lottrace.store.StoreLayout;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.ingest.IngestJobs.step;

/**
 * A scale export of raw GS1 scans ({@code src/test/resources/ingest/gs1}), ingested with
 * the example mapping {@code jobs/examples/scale-gs1-scans.yml}: GS1-128 with
 * parentheses, raw with a symbology identifier and FNC1, a Digital Link; and three scans
 * that are not valid GS1 data.
 */
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
class Gs1ScanIngestJobIntegrationTests {

	static final Path GS1 = Path.of("src/test/resources/ingest/gs1").toAbsolutePath();

	@TempDir
	static Path store;

	@DynamicPropertySource
	static void storeProperties(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> store.toString());
		registry.add("lottrace.ingest.jobs", MappingFiles.JOBS::toString);
	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	@Qualifier("ingestJob")
	Job ingestJob;

	@Autowired
	StoreLayout layout;

	@Test
	void ingestsLotProductAndWeightOutOfEachScanAndRejectsInvalidScansWithTheReason() throws Exception {
		// given items whose GTINs have valid check digits, and the bakery's site
		IngestJobs master = new IngestJobs(this.jobOperatorTestUtils, this.ingestJob, MappingFiles.JOBS);
		master.ingestCompleted(GS1.resolve("ITEMS.csv"), "erp-items");
		master.ingestSample("erp/SITES.csv:erp-sites");
		IngestJobs examples = new IngestJobs(this.jobOperatorTestUtils, this.ingestJob,
				MappingFiles.JOBS.resolve("examples"));
		Path scans = GS1.resolve("SCANS_20261102.csv");

		// when
		JobExecution execution = examples.ingestCompleted(scans, "scale-gs1-scans");

		// then
		StepExecution ingest = step(execution, IngestJobConfiguration.INGEST_STEP);
		assertThat(List.of(ingest.getReadCount(), ingest.getWriteCount(), ingest.getFilterCount())).containsExactly(6L,
				3L, 3L);
		assertThat(StoreQueries.rows(store,
				"SELECT reference_document_number_2, lot_code, product_code, quantity, unit, normalized_quantity, "
						+ "work_order FROM kde_event ORDER BY record_key"))
			.containsExactly(
					List.of("T-30001", "HM-2610-130", "FLOUR-AP-50", "25.300000", "kg", "25.300000", "WO-1102-P"),
					List.of("T-30002", "24301", "SUGAR-GR-50", "55.300000", "lb", "25.083658", "WO-1102-P"),
					List.of("T-30003", "L2412", "BUTTER-UNS-36", "15.000000", "kg", "15.000000", "WO-1102-P"));
		assertThat(Files.readAllLines(IngestJobs.rejectsFile(this.layout, scans, "scale-gs1-scans")))
			.filteredOn((line) -> line.contains(",lot_code,"))
			.containsExactly(
					"scale-gs1-scans,SCANS_20261102.csv,5,lot_code,(01)00614141200017(10)HM-2610-130(3102)002530,"
							+ "\"(01) GTIN 00614141200017: wrong check digit 7, expected 6\",\"T-30004,2026-11-02 07:21,"
							+ "WO-1102-P,(01)00614141200017(10)HM-2610-130(3102)002530,Dana Lee\"",
					"scale-gs1-scans,SCANS_20261102.csv,6,lot_code,(01)00614141200016(88)X(3102)000100,"
							+ "unknown Application Identifier (88),\"T-30005,2026-11-02 07:25,WO-1102-P,"
							+ "(01)00614141200016(88)X(3102)000100,Dana Lee\"",
					"scale-gs1-scans,SCANS_20261102.csv,7,lot_code,010061414120001610HM-2610-130\u001d3102002,"
							+ "\"(3102) NET WEIGHT (kg) takes 6 digits, not 3: '002' (truncated?)\",\"T-30006,"
							+ "2026-11-02 07:29,WO-1102-P,010061414120001610HM-2610-130\u001d3102002,Dana Lee\"");
	}

}
