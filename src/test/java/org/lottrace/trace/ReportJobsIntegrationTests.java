package org.lottrace.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.lottrace.report.Manifest;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.TraceAnswers;
import org.lottrace.runs.TraceJobConfiguration;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.runs.TraceRunner;
import org.lottrace.runs.TraceRuns;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The report jobs run for real, as the command line and the service run them: through
 * {@link TraceRunner} on the application's store ({@code trace/levels} ingested by the
 * ingestion job), with the JDBC job repository, writing report folders whose manifest can
 * be checked against the files.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ReportJobsIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	TraceStores stores;

	@Autowired
	TraceRunner runner;

	@Autowired
	JobRepository jobRepository;

	TraceStore store;

	@BeforeAll
	void ingestIntoTheApplicationsStore() {
		this.store = this.stores.scratch()
			.ingest("master/ITEMS.csv", "master/SITES.csv", "master/VENDORS.csv", "master/CUSTOMERS.txt",
					"levels/RCV_20261001.csv", "levels/PROD_20261001.csv", "levels/TICKETS_20261001.csv",
					"levels/BOL_20261004.txt");
	}

	@AfterAll
	void emptyTheApplicationsStore() {
		this.store.close();
	}

	@Test
	void traceJobTracesAndWritesEveryReportWithItsChecksums() throws Exception {
		// when
		TraceOutcome outcome = this.runner
			.trace(new TraceRequest("C261004A", null, null, null, null, Direction.BOTH, "Mock recall"));

		// then
		JobExecution execution = this.jobRepository.getJobExecution(outcome.jobExecutionId());
		assertThat(execution.getJobInstance().getJobName()).isEqualTo(TraceJobConfiguration.TRACE_JOB);
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName, StepExecution::getStatus)
			.containsExactly(tuple("traceStep", BatchStatus.COMPLETED), tuple("reportStep", BatchStatus.COMPLETED));
		Path folder = outcome.folder().path();
		assertThat(folder).startsWith(TraceStores.reportsRoot());
		assertThat(execution.getExecutionContext().getString(TraceJobConfiguration.FOLDER))
			.isEqualTo(folder.toString());
		assertThat(files(folder))
			.contains("trace.json", "trace-summary.html", "genealogy.svg", "fda-sortable-spreadsheet.xlsx",
					"mock-recall.html", "manifest.json", "SHA256SUMS")
			.anyMatch((f) -> f.startsWith("csv/fda-") && f.endsWith(".csv"));
		assertThatTheChecksumsMatch(folder);
		JsonNode answers = JSON.readTree(folder.resolve("trace.json").toFile());
		assertThat(answers.get("subject").asString()).isEqualTo("lot C261004A");
		assertThat(answers.get("reason").asString()).isEqualTo("Mock recall");
		assertThat(answers.get("batches").get(0).get("workOrder").asString()).isEqualTo("WO-2004-P");
		assertThat(answers.get("lots").asInt()).isEqualTo(outcome.answers().lots()).isEqualTo(10);
		Manifest manifest = Manifest.read(folder);
		assertThat(manifest.request()).containsEntry("lot", "C261004A").containsEntry("direction", "BOTH");
	}

	@Test
	void traceJobHandsOverTheAnswersBeforeWritingTheReports() throws Exception {
		// given
		List<TraceFindings> handed = new ArrayList<>();
		List<List<String>> reportFoldersThen = new ArrayList<>();

		// when
		TraceOutcome outcome = this.runner.trace(TraceRequest.lot("C261004A", Direction.BOTH), "handover-run",
				(findings) -> {
					handed.add(findings);
					reportFoldersThen.add(listing(TraceStores.reportsRoot()));
				});

		// then
		assertThat(handed).singleElement()
			.satisfies((findings) -> assertThat(TraceAnswers.of(findings).batches())
				.isEqualTo(outcome.answers().batches()));
		Path folder = outcome.folder().path();
		assertThat(reportFoldersThen.get(0)).noneMatch((f) -> f.startsWith(folder.getFileName().toString()));
		assertThat(folder.resolve("manifest.json")).exists();
	}

	@Test
	void recordsJobSelectsAndWritesTheSpreadsheetWithItsChecksums() throws Exception {
		// when
		TraceOutcome outcome = this.runner.records(new RecordRequest(List.of("COOKIE-PB-12"), LocalDate.of(2026, 10, 4),
				LocalDate.of(2026, 10, 5), List.of()));

		// then
		JobExecution execution = this.jobRepository.getJobExecution(outcome.jobExecutionId());
		assertThat(execution.getJobInstance().getJobName()).isEqualTo(TraceJobConfiguration.RECORDS_JOB);
		assertThat(execution.getStepExecutions()).extracting(StepExecution::getStepName, StepExecution::getStatus)
			.containsExactly(tuple("selectStep", BatchStatus.COMPLETED), tuple("reportStep", BatchStatus.COMPLETED));
		assertThat(outcome.records().records()).isEqualTo(6);
		assertThat(outcome.records().complete()).isTrue();
		Path folder = outcome.folder().path();
		assertThat(files(folder)).contains("records.json");
		assertThat(files(folder)).contains("fda-sortable-spreadsheet.xlsx", "manifest.json", "SHA256SUMS")
			.doesNotContain("trace.json", "mock-recall.html")
			.anyMatch((f) -> f.startsWith("csv/fda-") && f.endsWith(".csv"));
		assertThatTheChecksumsMatch(folder);
		assertThat(Files.readString(folder.resolve("csv/fda-transformation.csv"))).contains("HM-0101",
				"All-purpose wheat flour");
		assertThat(Files.readString(folder.resolve("csv/fda-gaps.csv"))).doesNotContain("HM-0101");
		assertThat(Manifest.read(folder).request()).containsEntry("products", "COOKIE-PB-12")
			.containsEntry("from", "2026-10-04")
			.containsEntry("to", "2026-10-05");
	}

	@Test
	void aRunIsFoundByItsIdFromTheJobRepositoryAndItsReportFolder() {
		// given
		TraceOutcome done = this.runner.trace(TraceRequest.lot("C261004A", Direction.BACKWARD), "run-to-find",
				(findings) -> {
				});

		// when: looked up as a later process does, from the job repository alone
		TraceRuns.Run found = new TraceRuns(this.jobRepository).find("run-to-find").orElseThrow();

		// then
		assertThat(found.kind()).isEqualTo("trace");
		assertThat(found.status()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(found.outcome()).isNotNull().satisfies((outcome) -> {
			assertThat(outcome.folder()).isEqualTo(done.folder());
			assertThat(outcome.manifest()).isEqualTo(done.manifest());
			assertThat(outcome.answers()).isEqualTo(done.answers());
		});
		assertThat(new TraceRuns(this.jobRepository).find("no-such-run")).isEmpty();
	}

	@Test
	void traceJobFailsWithTheReasonWhenTheLotIsUnknown() {
		// when, then
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.runner.trace(TraceRequest.lot("C999999Z", Direction.BOTH)))
			.withMessage("no lot has the code or internal number 'C999999Z' in the store")
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
		JobInstance last = this.jobRepository.getLastJobInstance(TraceJobConfiguration.TRACE_JOB);
		JobExecution failed = this.jobRepository.getLastJobExecution(last);
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getJobParameters().getString(TraceJobConfiguration.LOT)).isEqualTo("C999999Z");
		assertThat(failed.getStepExecutions()).extracting(StepExecution::getStepName).containsExactly("traceStep");
	}

	/**
	 * Every file but the manifest and checksums is listed once, with its size and the
	 * SHA-256 of its bytes, in {@code manifest.json} and in {@code SHA256SUMS}.
	 */
	private static void assertThatTheChecksumsMatch(Path folder) throws IOException {
		Manifest manifest = Manifest.read(folder);
		List<String> listed = manifest.files().stream().map(Manifest.FileEntry::path).toList();
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				files(folder).stream().filter((f) -> !f.equals("manifest.json") && !f.equals("SHA256SUMS")).toList());
		for (Manifest.FileEntry entry : manifest.files()) {
			Path file = folder.resolve(entry.path());
			assertThat(entry.bytes()).as(entry.path()).isEqualTo(Files.size(file)).isPositive();
			assertThat(entry.sha256()).as(entry.path()).isEqualTo(sha256(file));
		}
		assertThat(Files.readAllLines(folder.resolve("SHA256SUMS")))
			.containsExactlyElementsOf(manifest.files().stream().map((e) -> e.sha256() + "  " + e.path()).toList());
	}

	/** The files under a folder that may not exist yet. */
	private static List<String> listing(Path folder) {
		try {
			return Files.isDirectory(folder) ? files(folder) : List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> files(Path folder) throws IOException {
		try (Stream<Path> walk = Files.walk(folder)) {
			return walk.filter(Files::isRegularFile)
				.map((p) -> folder.relativize(p).toString().replace('\\', '/'))
				.sorted()
				.toList();
		}
	}

	private static String sha256(Path file) throws IOException {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
