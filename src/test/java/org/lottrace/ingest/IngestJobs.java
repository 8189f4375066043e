package org.lottrace.ingest;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.lottrace.store.StoreLayout;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the ingestion job as {@link IngestService} does, with the parameters of one
 * export, each start unique.
 */
final class IngestJobs {

	static final Path SAMPLE_DATA = Path.of("sample-data").toAbsolutePath();

	/** The master data of the sample bakery, in the order the service ingests it. */
	static final List<String> SAMPLE_MASTER_DATA = List.of("erp/ITEMS.csv:erp-items", "erp/SITES.csv:erp-sites",
			"erp/VENDORS.csv:erp-vendors", "shipping/CUSTOMERS.txt:shipping-customers");

	private final JobOperatorTestUtils jobs;

	private final Path jobsDir;

	private long ingestions;

	/**
	 * The context holds several jobs (ingestion, trace, records), so the one to start is
	 * set rather than left to {@code JobOperatorTestUtils} to guess.
	 */
	IngestJobs(JobOperatorTestUtils jobs, Job ingestJob, Path jobsDir) {
		jobs.setJob(ingestJob);
		this.jobs = jobs;
		this.jobsDir = jobsDir;
	}

	/** Ingests an export with the mapping {@code <source>.yml} of the jobs folder. */
	JobExecution ingest(Path file, String source) throws Exception {
		// each ingestion a minute after the one before, as nightly runs are
		Instant ingestedAt = Instant.parse("2026-11-23T02:00:00Z").plusSeconds(60 * this.ingestions++);
		JobParameters parameters = this.jobs.getUniqueJobParametersBuilder()
			.addString(IngestRun.SOURCE, source, true)
			.addString(IngestRun.SHA256, IngestService.sha256(file), true)
			.addString(IngestRun.STORE, "test-store", true)
			.addString(IngestRun.FILE, file.toAbsolutePath().toString(), false)
			.addString(IngestRun.MAPPING, this.jobsDir.resolve(source + ".yml").toString(), false)
			.addString(IngestRun.INGESTED_AT, ingestedAt.toString(), false)
			.toJobParameters();
		return this.jobs.startJob(parameters);
	}

	/** Ingests an export and checks that it completed. */
	JobExecution ingestCompleted(Path file, String source) throws Exception {
		JobExecution execution = ingest(file, source);
		assertThat(execution.getStatus()).as(file.toString()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getExitStatus().getExitCode()).isEqualTo("COMPLETED");
		return execution;
	}

	/** Ingests a sample export, {@code path:source}, and checks that it completed. */
	JobExecution ingestSample(String fileAndSource) throws Exception {
		String[] parts = fileAndSource.split(":");
		return ingestCompleted(SAMPLE_DATA.resolve(parts[0]), parts[1]);
	}

	static StepExecution step(JobExecution execution, String name) {
		return execution.getStepExecutions()
			.stream()
			.filter((s) -> s.getStepName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no step " + name + " in " + execution.getStepExecutions()));
	}

	static Path rejectsFile(StoreLayout layout, Path file, String source) {
		return layout.rejects(source, StoreLayout.fileId(source, IngestService.sha256(file)));
	}

	static Path pendingFile(StoreLayout layout, Path file, String source) {
		return layout.pending(source, StoreLayout.fileId(source, IngestService.sha256(file)));
	}

}
