package org.lottrace.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.CommitTasklet;
import org.lottrace.ingest.IngestJobConfiguration;
import org.lottrace.ingest.IngestRun;
import org.lottrace.ingest.SupersedeTasklet;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Service;

/** The ingestion runs the job repository remembers: when, which file, what came of it. */
@Service
public class IngestionHistory {

	private final JobRepository jobRepository;

	public IngestionHistory(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * One ingestion of one export.
	 *
	 * @param id the job execution id
	 * @param rejectsFile the rejects report, when rows were rejected
	 * @param pendingFile the report of the rows held as pending, when some were
	 */
	public record Run(long id, String source, String file, String sha256, String status,
			@Nullable LocalDateTime started, @Nullable LocalDateTime ended, long read, long written, long rejected,
			long pending, long superseded, @Nullable String rejectsFile, @Nullable String pendingFile,
			@Nullable String error) {

	}

	/** The latest runs, newest first. */
	public List<Run> latest(int count) {
		List<Run> runs = new ArrayList<>();
		for (JobInstance instance : this.jobRepository.getJobInstances(IngestJobConfiguration.JOB, 0, count)) {
			JobExecution execution = this.jobRepository.getLastJobExecution(instance);
			if (execution != null) {
				runs.add(run(execution));
			}
		}
		runs.sort(java.util.Comparator.comparing(Run::id).reversed());
		return runs;
	}

	public Optional<Run> find(long id) {
		JobExecution execution;
		try {
			execution = this.jobRepository.getJobExecution(id);
		}
		catch (EmptyResultDataAccessException ex) {
			// Spring Batch 6's JDBC repository throws for an id it does not have instead
			// of returning null (spring-batch#5389)
			return Optional.empty();
		}
		return (execution != null && IngestJobConfiguration.JOB.equals(execution.getJobInstance().getJobName()))
				? Optional.of(run(execution)) : Optional.empty();
	}

	private static Run run(JobExecution execution) {
		ExecutionContext context = execution.getExecutionContext();
		var parameters = execution.getJobParameters();
		String file = String.valueOf(parameters.getString(IngestRun.FILE));
		String rejects = existing((String) context.get(CommitTasklet.REJECTS_FILE));
		String pending = existing((String) context.get(CommitTasklet.PENDING_FILE));
		String error = execution.getAllFailureExceptions()
			.stream()
			.map(Throwable::getMessage)
			.findFirst()
			.orElseGet(() -> org.lottrace.runs.RunFailures.stored(execution));
		return new Run(execution.getId(), String.valueOf(parameters.getString(IngestRun.SOURCE)),
				Path.of(file).getFileName().toString(), String.valueOf(parameters.getString(IngestRun.SHA256)),
				execution.getStatus().name(), execution.getStartTime(), execution.getEndTime(),
				context.getLong(CommitTasklet.READ, 0), context.getLong(CommitTasklet.WRITTEN, 0),
				context.getLong(CommitTasklet.REJECTED, 0), context.getLong(CommitTasklet.PENDING, 0),
				context.getLong(SupersedeTasklet.SUPERSEDED, 0), rejects, pending, error);
	}

	private static @Nullable String existing(@Nullable String file) {
		return (file != null && Files.exists(Path.of(file))) ? file : null;
	}

}
