package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.ingest.IngestResult.Status;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.lottrace.ingest.IngestJobs.SAMPLE_DATA;

/**
 * Ingestion as the command line and the scheduler run it: the plan, re-ingestion,
 * corrections, and exports that fail part-way.
 */
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
class IngestServiceIntegrationTests {

	@TempDir
	static Path store;

	@TempDir
	Path exports;

	@DynamicPropertySource
	static void storeProperties(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> store.toString());
		registry.add("lottrace.ingest.jobs", MappingFiles.JOBS::toString);
		// chunks of one 500-row block, so that a failing export has written chunks before
		registry.add("lottrace.ingest.chunk-size", () -> "500");
	}

	@Autowired
	IngestService service;

	@Autowired
	JobRepositoryTestUtils jobRepositoryTestUtils;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	StoreLayout layout;

	static List<String> masterDataFiles;

	@BeforeEach
	void ingestMasterDataOnce() {
		if (masterDataFiles == null) {
			List<IngestResult> results = ingest(SAMPLE_DATA.resolve("erp/ITEMS.csv"),
					SAMPLE_DATA.resolve("erp/SITES.csv"), SAMPLE_DATA.resolve("erp/VENDORS.csv"),
					SAMPLE_DATA.resolve("shipping/CUSTOMERS.txt"));
			assertThat(results).extracting(IngestResult::status).containsOnly(Status.INGESTED);
			masterDataFiles = StoreQueries.files(store);
		}
	}

	@AfterEach
	void removeExecutionsAndStore() {
		this.jobRepositoryTestUtils.removeJobExecutions();
		StoreQueries.clearBut(store, masterDataFiles);
	}

	@Test
	void plansMasterDataFirstAndListsFilesNoMappingClaims() throws IOException {
		// given
		Files.writeString(this.exports.resolve("notes.txt"), "not an export");
		Files.writeString(this.exports.resolve("README.md"), "# not an export either");

		// when
		IngestPlan plan = this.service.plan(List.of(SAMPLE_DATA, this.exports), null);

		// then
		assertThat(plan.items()).hasSize(22);
		assertThat(plan.items().subList(0, 4)).extracting((item) -> item.mapping().source())
			.containsExactly("erp-items", "erp-sites", "erp-vendors", "shipping-customers");
		assertThat(plan.items().get(4).file()).isEqualTo(SAMPLE_DATA.resolve("erp/PROD_20261005.csv"));
		assertThat(plan.unmatched()).containsExactly(this.exports.resolve("notes.txt"));
	}

	@Test
	void refusesANamedFileNoMappingClaimsOrThatIsMissing() throws IOException {
		// given
		Path unclaimed = Files.writeString(this.exports.resolve("notes.txt"), "not an export");

		// when
		IngestException noMapping = catchThrowableOfType(IngestException.class,
				() -> this.service.plan(List.of(unclaimed), null));
		IngestException missing = catchThrowableOfType(IngestException.class,
				() -> this.service.plan(List.of(this.exports.resolve("RCV_missing.csv")), null));
		IngestException unknownSource = catchThrowableOfType(IngestException.class,
				() -> this.service.plan(List.of(unclaimed), "erp-recieving"));

		// then
		assertThat(noMapping).hasMessage(unclaimed + ": no mapping in " + MappingFiles.JOBS
				+ " claims this file name; add it to a mapping's files: patterns or pass --source");
		assertThat(missing).hasMessage(this.exports.resolve("RCV_missing.csv") + ": no such file or folder");
		assertThat(unknownSource).hasMessageStartingWith("no source 'erp-recieving' in " + MappingFiles.JOBS
				+ "; known: erp-items, erp-production, erp-receiving, erp-sites");
	}

	@Test
	void changesNothingWhenAnExportIsIngestedAgain() {
		// given
		Path file = SAMPLE_DATA.resolve("erp/RCV_20261012.csv");
		IngestResult first = ingest(file).get(0);
		List<String> files = StoreQueries.files(store);

		// when
		IngestResult again = ingest(file).get(0);

		// then
		assertThat(first.status()).isEqualTo(Status.INGESTED);
		assertThat(again.status()).isEqualTo(Status.ALREADY_INGESTED);
		assertThat(List.of(again.read(), again.written(), again.rejected()))
			.isEqualTo(List.of(first.read(), first.written(), first.rejected()));
		assertThat(again.rejectsFile()).isEqualTo(first.rejectsFile());
		assertThat(StoreQueries.files(store)).isEqualTo(files);
		assertThat(new StoreCommitCount(this.layout).value()).isEqualTo(5);
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event_all")).isEqualTo(7);
	}

	@Test
	void countsOnlyTheCurrentVersionAsSupersededByALaterCorrection() throws IOException {
		// given: BOL-50059 line 1 shipped as 6 cases, corrected to 5, then to 4
		Path third = Files.writeString(this.exports.resolve("BOL_20261104.txt"),
				"BOL|Line|Ship Date|Customer|Ship To|GTIN|Lot|Qty|UoM|Carrier\n"
						+ "BOL-50059|1|2026-10-22|C200|C200-01|00614141100012|C261021A|4|CS|Midwest Freight\n");
		ingest(SAMPLE_DATA.resolve("shipping/BOL_20261019.txt"));
		IngestResult second = ingest(SAMPLE_DATA.resolve("shipping/BOL_20261103.txt")).get(0);

		// when
		IngestResult last = ingest(third).get(0);

		// then
		assertThat(second.superseded()).isEqualTo(1);
		assertThat(last.superseded()).isEqualTo(1);
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event_all")
				- StoreQueries.count(store, "SELECT count(*) FROM kde_event"))
			.isEqualTo(2);
		assertThat(StoreQueries.rows(store,
				"SELECT quantity, source_file FROM kde_event WHERE record_key = 'shipping|BOL-50059|1'"))
			.containsExactly(List.of("4.000000", "BOL_20261104.txt"));
	}

	@Test
	void storesNothingOfAnExportThatFailsPartWayAndIngestsItOnceFixed() throws IOException {
		// given: 1,300 receipts, the 1,290th with a quote never closed
		Path broken = receipts("RCV_20261030.csv", 1300, 1290, "\"HM-unclosed");

		// when
		IngestResult failed = ingest(broken).get(0);

		// then
		assertThat(failed.status()).isEqualTo(Status.FAILED);
		assertThat(failed.error()).startsWith("RCV_20261030.csv: cannot read line 1291: ");
		assertThat(this.jobRepository.getJobExecution(failed.jobExecutionId()).getStatus())
			.isEqualTo(BatchStatus.FAILED);
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event_all")).isZero();
		assertThat(new StoreCommitCount(this.layout).value()).isEqualTo(4);
		assertThat(StoreQueries.files(store)).filteredOn((f) -> f.startsWith("_staging/erp-receiving-"))
			.isNotEmpty()
			.allMatch((f) -> f.endsWith(".parquet.inprogress"));

		// when: the same export again (a restart of the failed job instance)
		IngestResult failedAgain = ingest(broken).get(0);

		// then
		assertThat(failedAgain.status()).isEqualTo(Status.FAILED);
		assertThat(failedAgain.error()).isEqualTo(failed.error());
		assertThat(this.jobRepository.getJobExecution(failedAgain.jobExecutionId()).getJobInstanceId())
			.isEqualTo(this.jobRepository.getJobExecution(failed.jobExecutionId()).getJobInstanceId());

		// when: the export is written again, correctly
		IngestResult fixed = ingest(receipts("RCV_20261030.csv", 1300, 1290, "\"HM-closed\"")).get(0);

		// then
		assertThat(fixed.status()).isEqualTo(Status.INGESTED);
		assertThat(List.of(fixed.read(), fixed.written(), fixed.rejected())).isEqualTo(List.of(1300L, 1300L, 0L));
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event_all")).isEqualTo(1300);
		assertThat(StoreQueries.count(store, "SELECT count(DISTINCT record_key) FROM kde_event")).isEqualTo(1300);
	}

	@Test
	void failsAnExportWithBytesNotValidInItsEncoding() throws IOException {
		// given: a receipt written in Latin-1 where the ERP writes UTF-8
		Path file = receipts("RCV_20261031.csv", 800, 700, "HM-Peña");
		byte[] latin1 = Files.readString(file).getBytes(StandardCharsets.ISO_8859_1);
		Files.write(file, latin1);

		// when
		IngestResult result = ingest(file).get(0);

		// then
		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.error()).isEqualTo("RCV_20261031.csv: line 701: bytes that are not valid UTF-8; "
				+ "set csv.encoding in the mapping (e.g. windows-1252)");
		assertThat(StoreQueries.count(store, "SELECT count(*) FROM kde_event_all")).isZero();
	}

	@Test
	void commitsAnExportWithoutRowsSoThatItIsNotReadAgain() throws IOException {
		// given: a receiving export of a day without receipts
		Path file = Files.writeString(this.exports.resolve("RCV_20261101.csv"), RowMappers.RECEIVING_HEADER + "\r\n");

		// when
		IngestResult first = ingest(file).get(0);
		IngestResult again = ingest(file).get(0);

		// then
		assertThat(first.status()).isEqualTo(Status.INGESTED);
		assertThat(List.of(first.read(), first.written(), first.rejected(), first.superseded()))
			.isEqualTo(List.of(0L, 0L, 0L, 0L));
		assertThat(first.rejectsFile()).isNull();
		assertThat(again.status()).isEqualTo(Status.ALREADY_INGESTED);
		assertThat(new StoreCommitCount(this.layout).value()).isEqualTo(5);
	}

	@Test
	void failsAnExportWhoseHeaderLacksAMappedColumn() throws IOException {
		// given
		Path file = Files.writeString(this.exports.resolve("RCV_20261101.csv"),
				"Receipt No,Line,Rcv Date,Vendor No,Item No,Supplier Lot,Rcv Lot,Qty,UoM,PO No,Site\r\n"
						+ "RC-6001,1,11/1/2026,V100,FLOUR-AP-50,HM-2611-001,R10301,30,BAG,PO-88301,BAKERY-01\r\n");

		// when
		IngestResult result = ingest(file).get(0);

		// then
		assertThat(result.status()).isEqualTo(Status.FAILED);
		assertThat(result.error()).isEqualTo("RCV_20261101.csv: the header has no column 'Vendor Lot' that "
				+ "erp-receiving.yml maps; the header is: Receipt No, Line, Rcv Date, Vendor No, Item No, "
				+ "Supplier Lot, Rcv Lot, Qty, UoM, PO No, Site");
		assertThat(new StoreCommitCount(this.layout).value()).isEqualTo(4);
	}

	@Test
	void recoversARunThatWasCutOffAndIngestsTheExport() throws Exception {
		// given: the job repository still shows a run of this export as started
		Path file = SAMPLE_DATA.resolve("erp/RCV_20261019.csv");
		long cutOff = startedExecution(IngestJobConfiguration.JOB, "erp-receiving", IngestService.sha256(file), file);

		// when
		IngestResult result = ingest(file).get(0);

		// then: the cut-off run is closed as failed, saying why, and a new one ingests
		assertThat(result.status()).isEqualTo(Status.INGESTED);
		assertThat(result.written()).isEqualTo(7);
		JobExecution closed = this.jobRepository.getJobExecution(cutOff);
		assertThat(closed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(closed.getEndTime()).isNotNull();
		assertThat(closed.getExitStatus().getExitCode()).isEqualTo("FAILED");
		assertThat(closed.getExitStatus().getExitDescription())
			.startsWith(
					"interrupted (the process was stopped: a kill, a crash, a power cut) before its commit; found at ")
			.endsWith("; nothing of it is in the store, and ingesting " + file + " again runs it again");
		assertThat(result.jobExecutionId()).isNotEqualTo(cutOff);
	}

	@Test
	void closesARunThatWasCutOffAfterItsCommitAsAbandonedAndRunsNothingAgain() throws Exception {
		// given: an export in the store whose run the job repository shows as still
		// started,
		// as after a kill between the commit and the end of the job
		Path file = SAMPLE_DATA.resolve("erp/RCV_20261019.csv");
		IngestResult ingested = ingest(file).get(0);
		JobExecution run = this.jobRepository.getJobExecution(ingested.jobExecutionId());
		run.setStatus(BatchStatus.STARTED);
		run.setEndTime(null);
		run.setExitStatus(ExitStatus.EXECUTING);
		this.jobRepository.update(run);

		// when
		IngestResult again = ingest(file).get(0);

		// then
		assertThat(again.status()).isEqualTo(Status.ALREADY_INGESTED);
		JobExecution closed = this.jobRepository.getJobExecution(run.getId());
		assertThat(closed.getStatus()).isEqualTo(BatchStatus.ABANDONED);
		assertThat(closed.getExitStatus().getExitCode()).isEqualTo("ABANDONED");
		assertThat(closed.getExitStatus().getExitDescription())
			.startsWith("interrupted (the process was stopped: a kill, a crash, a power cut); its export " + file
					+ " was found committed at ")
			.endsWith(" by execution " + run.getId() + " (7 records, 0 rejected, 0 pending), so nothing was run again");
		assertThat(this.jobRepository.getJobInstances(IngestJobConfiguration.JOB, 0, 100)).hasSize(1);
		assertThat(this.jobRepository.getJobExecutions(closed.getJobInstance())).hasSize(1);
	}

	@Test
	void closesACutOffResolutionOfPendingRows() throws Exception {
		// given: a resolution the job repository shows as started, which never committed
		long cutOff = startedExecution(ResolveJobConfiguration.JOB, "erp-receiving", "cd".repeat(32),
				SAMPLE_DATA.resolve("erp/RCV_20261019.csv"));

		// when: any later ingestion
		ingest(SAMPLE_DATA.resolve("erp/ITEMS.csv"));

		// then
		JobExecution closed = this.jobRepository.getJobExecution(cutOff);
		assertThat(closed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(closed.getExitStatus().getExitDescription()).contains("before its commit");
	}

	/**
	 * An execution the job repository shows as started, as a kill leaves it, with the
	 * parameters of an ingestion of this store. @return its id (a method returning a
	 * JobExecution would be taken for the job scope's factory by Spring Batch Test)
	 */
	private long startedExecution(String job, String source, String sha256, Path file) throws IOException {
		JobParameters parameters = new JobParametersBuilder().addString(IngestRun.SOURCE, source, true)
			.addString(IngestRun.SHA256, sha256, true)
			.addString(IngestRun.STORE, Files.readString(store.resolve(".store-id")).trim(), true)
			.addString(IngestRun.FILE, file.toString(), false)
			.toJobParameters();
		JobInstance instance = this.jobRepository.createJobInstance(job, parameters);
		JobExecution cutOff = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		cutOff.setStatus(BatchStatus.STARTED);
		cutOff.setStartTime(java.time.LocalDateTime.now());
		this.jobRepository.update(cutOff);
		return cutOff.getId();
	}

	@Test
	void refusesToWriteWhileAnotherProcessHoldsTheStore() {
		// given
		IngestPlan plan = this.service.plan(List.of(SAMPLE_DATA.resolve("erp/RCV_20261026.csv")), null);

		// when
		StoreBusyException ex;
		try (StoreLock lock = StoreLock.tryAcquire(this.layout.lockFile()).orElseThrow()) {
			ex = catchThrowableOfType(StoreBusyException.class, () -> this.service.ingest(plan));
		}

		// then
		assertThat(ex).hasMessage("another lottrace process is writing to the store " + this.layout.root()
				+ "; try again when it has finished");
		assertThat(this.service.ingest(plan)).extracting(IngestResult::status).containsExactly(Status.INGESTED);
	}

	private List<IngestResult> ingest(Path... files) {
		return this.service.ingest(this.service.plan(List.of(files), null));
	}

	/**
	 * A receiving export of valid rows, one of which ({@code special}, 1-based) has
	 * {@code vendorLot} as its vendor lot.
	 */
	private Path receipts(String name, int rows, int special, String vendorLot) throws IOException {
		StringBuilder text = new StringBuilder(RowMappers.RECEIVING_HEADER).append("\r\n");
		for (int i = 1; i <= rows; i++) {
			text.append("RC-7")
				.append(i)
				.append(",1,10/30/2026,V100,FLOUR-AP-50,")
				.append((i == special) ? vendorLot : "HM-" + i)
				.append(",R7")
				.append(i)
				.append(",30,BAG,PO-9")
				.append(i)
				.append(",BAKERY-01\r\n");
		}
		return Files.writeString(this.exports.resolve(name), text);
	}

	/** The commits in the store. */
	private record StoreCommitCount(StoreLayout layout) {

		long value() {
			try (Stream<Path> files = Files.list(this.layout.commits())) {
				return files.filter((p) -> p.toString().endsWith(".json")).count();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
