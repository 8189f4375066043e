package org.lottrace.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreLayout;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.ingest.IngestJobs.step;

/**
 * The farm and seafood CTEs, ingested with the example mappings of
 * {@code src/test/resources/ingest/farm} (also in {@code jobs/examples}).
 */
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
class FarmIngestJobIntegrationTests {

	static final Path FARM = Path.of("src/test/resources/ingest/farm").toAbsolutePath();

	@TempDir
	static Path store;

	@DynamicPropertySource
	static void storeProperties(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> store.toString());
		registry.add("lottrace.ingest.jobs", FARM::toString);
	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	@Qualifier("ingestJob")
	Job ingestJob;

	@Autowired
	StoreLayout layout;

	IngestJobs jobs;

	static List<String> masterDataFiles;

	@BeforeEach
	void ingestMasterDataOnce() throws Exception {
		this.jobs = new IngestJobs(this.jobOperatorTestUtils, this.ingestJob, FARM);
		if (masterDataFiles == null) {
			assertCounts(this.jobs.ingestCompleted(data("FARM_LOCATIONS.csv"), "farm-locations"), 5, 5, 0);
			assertCounts(this.jobs.ingestCompleted(data("FARM_PRODUCTS.csv"), "farm-products"), 3, 3, 0);
			masterDataFiles = StoreQueries.files(store);
		}
	}

	@AfterEach
	void removeExecutionsAndStore() {
		this.jobRepositoryTestUtils.removeJobExecutions();
		StoreQueries.clearBut(store, masterDataFiles);
	}

	@Test
	void ingestsHarvestsBeforeAnyLotCodeExists() throws Exception {
		// when
		JobExecution execution = this.jobs.ingestCompleted(data("HARVEST_20261001.tsv"), "harvesting");

		// then
		assertCounts(execution, 3, 2, 1);
		assertThat(rejects("HARVEST_20261001.tsv", "harvesting")).containsExactly(
				"source,file,line,field,value,reason,row",
				"harvesting,HARVEST_20261001.tsv,4,growing_area,,\"missing: field, growing area or aquaculture "
						+ "container name is required (§ 1.1325(a)(1)(v)-(vi))\","
						+ "H-1003\t2026-10-01\tFARM-SALINAS\t\tROMAINE\t6\tbin\tCOOLER-1");
		assertThat(StoreQueries.rows(store,
				"SELECT cte, lot_code, lot_assigner, product_code, quantity, unit, "
						+ "normalized_quantity, normalized_unit, event_date, location_code, growing_area, "
						+ "partner_location_code, harvester_business_name FROM kde_event ORDER BY record_key"))
			.containsExactly(
					Arrays.asList("harvesting", null, null, "ROMAINE", "12.000000", "bin", "2177.243376", "kg",
							"2026-10-01", "FARM-SALINAS", "Field 7", "COOLER-1", "Green Acres Farm"),
					Arrays.asList("harvesting", null, null, "ROMAINE", "6.000000", "bin", "1088.621688", "kg",
							"2026-10-01", "FARM-SALINAS", "Field 8", "COOLER-1", "Green Acres Farm"));
	}

	@Test
	void ingestsCoolingWithTheFarmWhereHarvested() throws Exception {
		// when
		JobExecution execution = this.jobs.ingestCompleted(data("COOLING_20261001.csv"), "cooling");

		// then
		assertCounts(execution, 3, 2, 1);
		assertThat(rejects("COOLING_20261001.csv", "cooling")).containsExactly(
				"source,file,line,field,value,reason,row",
				"cooling,COOLING_20261001.csv,4,harvest_location_code,,missing: farm where harvested is required "
						+ "(§ 1.1325(b)(1)(vi)),\"CT-503,10/01/2026,COOLER-1,ROMAINE,\"\"2,400\"\",lb,,10/01/2026,"
						+ "PACKER-1\"");
		assertThat(StoreQueries.rows(store,
				"SELECT cte, quantity, unit, normalized_quantity, event_date, "
						+ "location_code, harvest_location_code, harvest_date, partner_location_code, "
						+ "reference_document_number FROM kde_event ORDER BY record_key"))
			.containsExactly(
					List.of("cooling", "4800.500000", "lb", "2177.470172", "2026-10-01", "COOLER-1", "FARM-SALINAS",
							"2026-10-01", "PACKER-1", "CT-501"),
					List.of("cooling", "2400.000000", "lb", "1088.621688", "2026-10-01", "COOLER-1", "FARM-SALINAS",
							"2026-10-01", "PACKER-1", "CT-502"));
	}

	@Test
	void ingestsInitialPackingWhereThePackerAssignsTheLotCode() throws Exception {
		// when
		JobExecution execution = this.jobs.ingestCompleted(data("PACKING_20261002.txt"), "initial-packing");

		// then
		assertCounts(execution, 4, 2, 2);
		assertThat(rejects("PACKING_20261002.txt", "initial-packing")).containsExactly(
				"source,file,line,field,value,reason,row",
				"initial-packing,PACKING_20261002.txt,4,cooling_location_code,,missing: cooling_date and "
						+ "cooling_location_code go together when the food was cooled (§ 1.1330(a)(9)-(10)),"
						+ "PR-9003|2026-10-02|PACKER-1|PK-261002-03|ROMAINE-HEARTS-24|90|2026-10-01|ROMAINE|2400|lb|"
						+ "FARM-SALINAS|Green Acres Farm|+1 831-555-0100|2026-10-01|2026-10-01|-",
				"initial-packing,PACKING_20261002.txt,5,received_date,2026-09-30,is before harvest_date (2026-10-01),"
						+ "PR-9004|2026-10-02|PACKER-1|PK-261002-04|ROMAINE-HEARTS-24|90|2026-09-30|ROMAINE|2400|lb|"
						+ "FARM-SALINAS|Green Acres Farm|+1 831-555-0100|2026-10-01|-|-");
		assertThat(StoreQueries.rows(store, "SELECT lot_code, lot_assigner, product_code, quantity, unit, "
				+ "event_date, received_date, received_product_code, received_quantity, received_unit, "
				+ "harvest_location_code, harvester_business_name, harvester_phone, harvest_date, cooling_date, "
				+ "cooling_location_code FROM kde_event ORDER BY record_key"))
			.containsExactly(
					List.of("PK-261002-01", "PACKER-1", "ROMAINE-HEARTS-24", "180.000000", "case", "2026-10-02",
							"2026-10-01", "ROMAINE", "4800.000000", "lb", "FARM-SALINAS", "Green Acres Farm",
							"+1 831-555-0100", "2026-10-01", "2026-10-01", "COOLER-1"),
					Arrays.asList("PK-261002-02", "PACKER-1", "ROMAINE-HEARTS-24", "90.000000", "case", "2026-10-02",
							"2026-10-01", "ROMAINE", "2400.000000", "lb", "FARM-SALINAS", "Green Acres Farm",
							"+1 831-555-0100", "2026-10-01", null, null));
	}

	@Test
	void ingestsFirstLandBasedReceivingFromAHeaderlessReport() throws Exception {
		// when
		JobExecution execution = this.jobs.ingestCompleted(data("LANDING_20261003.csv"), "first-land-based-receiving");

		// then
		assertCounts(execution, 3, 2, 1);
		assertThat(rejects("LANDING_20261003.csv", "first-land-based-receiving")).containsExactly(
				"source,file,line,field,value,reason,row",
				"first-land-based-receiving,LANDING_20261003.csv,4,harvest_end_date,2026-09-21,is before "
						+ "harvest_date (2026-09-28),\"LR-7003,2026-10-03,DOCK-1,TRIP-63-YF,TUNA-YF,800,kg,2026-09-28,"
						+ "2026-09-21,FAO 77,\"");
		assertThat(StoreQueries.rows(store, "SELECT lot_code, lot_assigner, quantity, unit, normalized_quantity, "
				+ "harvest_date, harvest_end_date, catch_area, event_date, location_code, partner_location_code, "
				+ "source_line FROM kde_event ORDER BY record_key"))
			.containsExactly(
					List.of("TRIP-61-YF", "DOCK-1", "1250.500000", "kg", "1250.500000", "2026-09-20", "2026-09-29",
							"FAO 77", "2026-10-03", "DOCK-1", "VESSEL-1", "2"),
					List.of("TRIP-62-YF", "DOCK-1", "3.000000", "tote", "1350.000000", "2026-09-22", "2026-09-30",
							"FAO 77", "2026-10-03", "DOCK-1", "VESSEL-1", "3"));
	}

	@Test
	void keepsEveryFarmCteApartInTheStore() throws Exception {
		// when
		for (String export : List.of("HARVEST_20261001.tsv:harvesting", "COOLING_20261001.csv:cooling",
				"PACKING_20261002.txt:initial-packing", "LANDING_20261003.csv:first-land-based-receiving")) {
			String[] parts = export.split(":");
			this.jobs.ingestCompleted(data(parts[0]), parts[1]);
		}

		// then
		assertThat(StoreQueries.rows(store, "SELECT cte, count(*) FROM kde_event GROUP BY cte ORDER BY cte"))
			.containsExactly(List.of("cooling", "2"), List.of("first-land-based-receiving", "2"),
					List.of("harvesting", "2"), List.of("initial-packing", "2"));
		assertThat(StoreQueries.files(store)).filteredOn((f) -> f.startsWith("kde/"))
			.map((f) -> f.substring(0, f.lastIndexOf('/')))
			.containsExactlyInAnyOrder("kde/cte=cooling/month=2026-10",
					"kde/cte=first-land-based-receiving/month=2026-10", "kde/cte=harvesting/month=2026-10",
					"kde/cte=initial-packing/month=2026-10");
	}

	private static Path data(String file) {
		return FARM.resolve("data").resolve(file);
	}

	private List<String> rejects(String file, String source) throws Exception {
		return Files.readAllLines(IngestJobs.rejectsFile(this.layout, data(file), source));
	}

	private static void assertCounts(JobExecution execution, long read, long written, long rejected) {
		StepExecution step = step(execution, IngestJobConfiguration.INGEST_STEP);
		assertThat(List.of(step.getReadCount(), step.getWriteCount(), step.getFilterCount()))
			.isEqualTo(List.of(read, written, rejected));
	}

}
