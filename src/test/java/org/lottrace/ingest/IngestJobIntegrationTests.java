package org.lottrace.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreLayout;
import org.springframework.batch.core.ExitStatus;
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
import static org.lottrace.ingest.IngestJobs.SAMPLE_DATA;
import static org.lottrace.ingest.IngestJobs.step;

/**
 * The ingestion job on each sample source: step counts, rejects files, and the records
 * read back from the store's Parquet files with DuckDB.
 * <p>
 * {@code startJob()} runs the one job of the context; each start has unique parameters
 * (several sample exports, and the same one in several tests), and every execution is
 * removed after each test along with the files it added to the store. Master data is
 * ingested once for the class.
 */
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
class IngestJobIntegrationTests {

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
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	@Qualifier("ingestJob")
	Job ingestJob;

	@Autowired
	StoreLayout layout;

	@Autowired
	IngestProgress progress;

	IngestJobs jobs;

	/** The store's files once master data is in: what each test starts from. */
	static List<String> masterDataFiles;

	@BeforeEach
	void ingestMasterDataOnce() throws Exception {
		this.jobs = new IngestJobs(this.jobOperatorTestUtils, this.ingestJob, MappingFiles.JOBS);
		if (masterDataFiles == null) {
			for (String export : IngestJobs.SAMPLE_MASTER_DATA) {
				this.jobs.ingestSample(export);
			}
			masterDataFiles = StoreQueries.files(store);
		}
	}

	@AfterEach
	void removeExecutionsAndStore() {
		this.progress.listen((update) -> {
		});
		this.jobRepositoryTestUtils.removeJobExecutions();
		StoreQueries.clearBut(store, masterDataFiles);
	}

	@Test
	void ingestsTheSampleMasterData() {
		// then
		assertThat(StoreQueries.rows(store, "SELECT source, count(*) FROM location GROUP BY 1 ORDER BY 1"))
			.containsExactly(List.of("erp-sites", "1"), List.of("erp-vendors", "6"),
					List.of("shipping-customers", "6"));
		assertThat(StoreQueries.rows(store, "SELECT product_code, product_name, gtin, ftl_category, kill_step, "
				+ "base_unit, source_line FROM product WHERE product_code IN ('EGG-SHELL-LG', 'FILLING-PB') ORDER BY 1"))
			.containsExactly(
					List.of("EGG-SHELL-LG", "Shell eggs, large, grade A", "00614141200046", "Shell eggs", "true",
							"each", "5"),
					Arrays.asList("FILLING-PB", "Peanut butter cream filling (intermediate)", null, "Nut butters",
							"false", "kg", "9"));
		assertThat(StoreQueries.rows(store,
				"SELECT location_code, location_type, partner_code, business_name, gln "
						+ "FROM location WHERE location_code IN ('V100', 'C230-01', 'BAKERY-01') ORDER BY 1"))
			.containsExactly(Arrays.asList("BAKERY-01", "site", null, "Sunrise Bakery", "0614141000012"),
					Arrays.asList("C230-01", "customer", "C230", "Corner Coffee Co.", null),
					List.of("V100", "supplier", "V100", "Heartland Mills, Inc.", "0614141000111"));
	}

	@Test
	void ingestsReceiptsAndSetsAsideTheRowsThatFail() throws Exception {
		// given
		Path file = SAMPLE_DATA.resolve("erp/RCV_20261012.csv");

		// when
		JobExecution execution = this.jobs.ingest(file, "erp-receiving");

		// then
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
		assertCounts(step(execution, IngestJobConfiguration.INGEST_STEP), 9, 7, 2);
		assertThat(rejects(file, "erp-receiving")).containsExactly("source,file,line,field,value,reason,row",
				"erp-receiving,RCV_20261012.csv,9,lot_code,,missing: traceability lot code (or local lot number) "
						+ "is required (§ 1.1345(a)(1)),\"RC-5099,1,10/13/2026,V100,FLOUR-AP-50,,R10299,5,BAG,PO-88299,"
						+ "BAKERY-01\"");
		assertThat(pending(file, "erp-receiving")).containsExactly("source,file,line,field,value,waits_for,reason,row",
				"erp-receiving,RCV_20261012.csv,10,product_code,FLOUR-WW-50,product FLOUR-WW-50 in master data,"
						+ "unknown product 'FLOUR-WW-50': not in the master data's products,\"RC-5099,2,10/13/2026,V100,"
						+ "FLOUR-WW-50,HM-2610-022,R10300,5,BAG,PO-88299,BAKERY-01\"");
		assertThat(StoreQueries.rows(store, "SELECT record_key, cte, role, lot_code, lot_assigner, internal_lot, "
				+ "product_code, quantity, unit, normalized_quantity, normalized_unit, event_date, event_time, "
				+ "location_code, partner_location_code, tlc_source_location_code, reference_document_type, "
				+ "reference_document_number, reference_document_type_2, reference_document_number_2, work_order, "
				+ "harvest_date, source, source_file, source_line, source_sha256 = '" + IngestService.sha256(file)
				+ "' FROM kde_event WHERE record_key = 'erp-receiving|RC-5010|1'"))
			.containsExactly(Arrays.asList("erp-receiving|RC-5010|1", "receiving", "event", "HM-2610-021", "V100",
					"R10210", "FLOUR-AP-50", "30.000000", "bag", "680.388555", "kg", "2026-10-12", null, "BAKERY-01",
					"V100", "V100", "Purchase order", "PO-88163", "Receipt", "RC-5010", null, null, "erp-receiving",
					"RCV_20261012.csv", "2", "true"));
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event WHERE cte = 'receiving'")).isEqualTo(7);
	}

	@Test
	void ingestsProductionCompletionsWithTheSiteAsTheLotsAssigner() throws Exception {
		// given
		Path file = SAMPLE_DATA.resolve("erp/PROD_20261012.csv");

		// when
		JobExecution execution = this.jobs.ingest(file, "erp-production");

		// then
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
		assertCounts(step(execution, IngestJobConfiguration.INGEST_STEP), 15, 14, 1);
		// the value exactly as the export had it, and the whole row
		assertThat(rejects(file, "erp-production")).containsExactly("source,file,line,field,value,reason,row",
				"erp-production,PROD_20261012.csv,16,quantity,-24,must be greater than zero,"
						+ "\"WO-1016-X,10/16/2026,COOKIE-PB-12,C261016X,-24,CS,BAKERY-01\"");
		assertThat(StoreQueries.rows(store,
				"SELECT role, lot_code, lot_assigner, work_order, quantity, unit, "
						+ "normalized_quantity, normalized_unit FROM kde_event WHERE lot_code = 'C261012A'"))
			.containsExactly(
					List.of("output", "C261012A", "BAKERY-01", "WO-1012-P", "24.000000", "case", "24.000000", "case"));
	}

	@Test
	void ingestsScaleTicketsWrittenInWindows1252WithTitleLines() throws Exception {
		// given
		Path file = SAMPLE_DATA.resolve("scales/TICKETS_20261019.csv");

		// when
		JobExecution execution = this.jobs.ingest(file, "scale-tickets");

		// then
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
		assertCounts(step(execution, IngestJobConfiguration.INGEST_STEP), 75, 73, 2);
		assertThat(rejects(file, "scale-tickets")).containsExactly("source,file,line,field,value,reason,row",
				"scale-tickets,TICKETS_20261019.csv,78,event_time,31.09.2026 07:45,not a valid date in the format "
						+ "dd.MM.yyyy HH:mm,\"T-19002;31.09.2026 07:45;SC-2;WO-1020-P;R10219;1,5;kg;Anna Müller\"");
		assertThat(pending(file, "scale-tickets")).containsExactly("source,file,line,field,value,waits_for,reason,row",
				"scale-tickets,TICKETS_20261019.csv,77,unit,BX,unit 'BX' in jobs/units.yml or the mapping's units,"
						+ "unknown unit 'BX': add it to units in the source's mapping or to aliases in jobs/units.yml,"
						+ "\"T-19001;20.10.2026 07:40;SC-2;WO-1020-P;R10219;3,0;BX;Anna Müller\"");
		assertThat(StoreQueries.rows(store, "SELECT record_key, role, lot_code, lot_assigner, work_order, quantity, "
				+ "unit, normalized_quantity, event_date, strftime(event_time, '%Y-%m-%d %H:%M'), location_code, reference_document_number_2, "
				+ "source_line FROM kde_event WHERE record_key IN ('scale-tickets|T-10142', 'scale-tickets|T-10175') "
				+ "ORDER BY 1"))
			.containsExactly(
					Arrays.asList("scale-tickets|T-10142", "input", "R10215", null, "WO-1019-F", "31.700000", "kg",
							"31.700000", "2026-10-19", "2026-10-19 06:33", "BAKERY-01", "T-10142", "4"),
					Arrays.asList("scale-tickets|T-10175", "input", "R10210", null, "WO-1021-P", "99.200000", "lb",
							"44.996363", "2026-10-21", "2026-10-21 07:02", "BAKERY-01", "T-10175", "37"));
	}

	@Test
	void ingestsBillsOfLadingLookingUpProductsByGtin() throws Exception {
		// given
		Path file = SAMPLE_DATA.resolve("shipping/BOL_20261019.txt");

		// when
		JobExecution execution = this.jobs.ingest(file, "shipping");

		// then
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
		assertCounts(step(execution, IngestJobConfiguration.INGEST_STEP), 38, 36, 2);
		assertThat(rejects(file, "shipping")).containsExactly("source,file,line,field,value,reason,row",
				"shipping,BOL_20261019.txt,39,(row),,the row has 6 columns; the header has 10,"
						+ "BOL-59002|1|2026-10-21|C230|C230-01|00614141100029");
		assertThat(pending(file, "shipping")).containsExactly("source,file,line,field,value,waits_for,reason,row",
				"shipping,BOL_20261019.txt,38,product_code,00614141999999,one product with GTIN 00614141999999 in "
						+ "master data,no single product has GTIN 00614141999999,"
						+ "BOL-59001|1|2026-10-21|C230|C230-01|00614141999999|K261020A|2|CS|Customer pickup");
		assertThat(StoreQueries.rows(store,
				"SELECT lot_code, lot_assigner, product_code, quantity, unit, "
						+ "partner_location_code, tlc_source_location_code, reference_document_number, event_date "
						+ "FROM kde_event WHERE record_key = 'shipping|BOL-50059|2'"))
			.containsExactly(List.of("K261021A", "BAKERY-01", "COOKIE-CC-12", "5.000000", "case", "C200-01",
					"BAKERY-01", "BOL-50059", "2026-10-22"));
	}

	@Test
	void keepsLotsOfTwoSuppliersWithTheSameLotCodeApart() throws Exception {
		// when: butter from V120 and peanut butter from V130, both lot L2301
		this.jobs.ingestSample("erp/RCV_20261005.csv:erp-receiving");

		// then
		assertThat(StoreQueries.rows(store,
				"SELECT lot_code, lot_assigner, product_code, internal_lot "
						+ "FROM kde_event WHERE lot_code = 'L2301' ORDER BY lot_assigner"))
			.containsExactly(List.of("L2301", "V120", "BUTTER-UNS-36", "R10203"),
					List.of("L2301", "V130", "PB-CREAMY-35", "R10209"));
		assertThat(StoreQueries.count(store,
				"SELECT count(DISTINCT (lot_code, lot_assigner)) FROM kde_event WHERE lot_code = 'L2301'"))
			.isEqualTo(2);
	}

	@Test
	void storesTheInternalLotOnTheReceiptAndTheScannedLotOnTheTicket() throws Exception {
		// when
		this.jobs.ingestSample("erp/RCV_20261005.csv:erp-receiving");
		this.jobs.ingestSample("scales/TICKETS_20261005.csv:scale-tickets");

		// then: the scale scanned R10203, the receiving lot of V120's lot L2301
		assertThat(StoreQueries.rows(store,
				"SELECT t.lot_code, t.lot_assigner, r.lot_code, r.lot_assigner "
						+ "FROM kde_event t JOIN kde_event r ON r.internal_lot = t.lot_code AND r.cte = 'receiving' "
						+ "WHERE t.record_key = 'scale-tickets|T-10003'"))
			.containsExactly(Arrays.asList("R10203", null, "L2301", "V120"));
		assertThat(StoreQueries.count(store,
				"SELECT count(*) FROM kde_event WHERE role = 'input' AND lot_assigner IS NOT NULL"))
			.isZero();
	}

	@Test
	void keepsEveryVersionOfACorrectedLineAndShowsTheNewest() throws Exception {
		// given
		this.jobs.ingestSample("shipping/BOL_20261019.txt:shipping");

		// when: a later export corrects BOL-50059 line 1 from 6 to 5 cases
		JobExecution correction = this.jobs.ingestSample("shipping/BOL_20261103.txt:shipping");

		// then
		assertThat(correction.getExecutionContext().getLong(SupersedeTasklet.SUPERSEDED)).isEqualTo(1);
		assertThat(StoreQueries.rows(store,
				"SELECT source_file, quantity FROM kde_event_all "
						+ "WHERE record_key = 'shipping|BOL-50059|1' ORDER BY ingested_at"))
			.containsExactly(List.of("BOL_20261019.txt", "6.000000"), List.of("BOL_20261103.txt", "5.000000"));
		assertThat(StoreQueries.rows(store,
				"SELECT source_file, quantity FROM kde_event WHERE record_key = 'shipping|BOL-50059|1'"))
			.containsExactly(List.of("BOL_20261103.txt", "5.000000"));
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event_all")).isEqualTo(37);
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event")).isEqualTo(36);
	}

	@Test
	void reportsProgressAndTheRowsReadWhenTheStepEnds() throws Exception {
		// given
		List<IngestProgress.Update> updates = new ArrayList<>();
		this.progress.listen(updates::add);
		Path file = SAMPLE_DATA.resolve("shipping/BOL_20261026.txt");

		// when
		this.jobs.ingestSample("shipping/BOL_20261026.txt:shipping");

		// then
		assertThat(updates).isNotEmpty();
		IngestProgress.Update last = updates.get(updates.size() - 1);
		assertThat(last.source()).isEqualTo("shipping");
		assertThat(last.file()).isEqualTo("BOL_20261026.txt");
		assertThat(last.rows()).isEqualTo(37);
		assertThat(last.bytes()).isEqualTo(Files.size(file));
		assertThat(last.fraction()).isEqualTo(1.0);
	}

	private List<String> rejects(Path file, String source) throws Exception {
		return Files.readAllLines(IngestJobs.rejectsFile(this.layout, file, source));
	}

	private List<String> pending(Path file, String source) throws Exception {
		return Files.readAllLines(IngestJobs.pendingFile(this.layout, file, source));
	}

	private static void assertCounts(StepExecution step, long read, long written, long rejected) {
		assertThat(step.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
		assertThat(step.getReadCount()).as("read").isEqualTo(read);
		assertThat(step.getWriteCount()).as("written").isEqualTo(written);
		assertThat(step.getFilterCount()).as("rejected").isEqualTo(rejected);
		assertThat(step.getSkipCount()).as("skipped").isZero();
	}

}
