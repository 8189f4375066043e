package org.lottrace.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceFindings;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * The trace and records runs, as the job repository and their report folders keep them: a
 * run is found by its run id (the identifying job parameter) in any later process, its
 * state from its job execution, its outcome from the folder the execution points to. The
 * one thing held in memory is who, in this process, waits for a running trace's answers
 * before its reports are written (the command line prints them then).
 */
@Component
public class TraceRuns {

	private final JobRepository jobRepository;

	private final Map<String, Consumer<TraceFindings>> answerListeners = new ConcurrentHashMap<>();

	public TraceRuns(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	/**
	 * A run as the job repository records it.
	 *
	 * @param kind {@code trace} or {@code records}
	 * @param outcome what it produced, once it completed
	 * @param error why it failed, if it did
	 */
	public record Run(String runId, String kind, BatchStatus status, @Nullable Instant started,
			@Nullable Instant finished, @Nullable TraceOutcome outcome, @Nullable String error) {

	}

	void listen(String runId, Consumer<TraceFindings> listener) {
		this.answerListeners.put(runId, listener);
	}

	void forget(String runId) {
		this.answerListeners.remove(runId);
	}

	/** Hands a run's answers to whoever waits for them, as soon as they are known. */
	void answered(String runId, TraceFindings findings) {
		Consumer<TraceFindings> listener = this.answerListeners.get(runId);
		if (listener != null) {
			listener.accept(findings);
		}
	}

	/** A run of this or any earlier process, by its run id. */
	public Optional<Run> find(String runId) {
		for (String job : List.of(TraceJobConfiguration.TRACE_JOB, TraceJobConfiguration.RECORDS_JOB)) {
			JobInstance instance = this.jobRepository.getJobInstance(job,
					new JobParametersBuilder().addString(TraceJobConfiguration.RUN, runId, true).toJobParameters());
			if (instance != null) {
				JobExecution execution = this.jobRepository.getLastJobExecution(instance);
				if (execution != null) {
					return Optional.of(run(runId, job, execution));
				}
			}
		}
		return Optional.empty();
	}

	/** The latest runs of both kinds, newest first. */
	public List<Run> latest(int count) {
		List<Run> runs = new ArrayList<>();
		for (String job : List.of(TraceJobConfiguration.TRACE_JOB, TraceJobConfiguration.RECORDS_JOB)) {
			for (JobInstance instance : this.jobRepository.getJobInstances(job, 0, count)) {
				JobExecution execution = this.jobRepository.getLastJobExecution(instance);
				String runId = (execution != null) ? execution.getJobParameters().getString(TraceJobConfiguration.RUN)
						: null;
				if (execution != null && runId != null) {
					runs.add(run(runId, job, execution));
				}
			}
		}
		runs.sort(Comparator.comparing((Run r) -> (r.started() != null) ? r.started() : Instant.EPOCH).reversed());
		return runs.subList(0, Math.min(count, runs.size()));
	}

	/** The outcome of a completed execution, read from its report folder. */
	static @Nullable TraceOutcome outcome(String runId, JobExecution execution) {
		String folder = (String) execution.getExecutionContext().get(TraceJobConfiguration.FOLDER);
		if (execution.getStatus() != BatchStatus.COMPLETED || folder == null || !Files.isDirectory(Path.of(folder))) {
			return null;
		}
		Instant started = instant(execution.getStartTime());
		Instant ended = instant(execution.getEndTime());
		return TraceOutcome.read(runId, execution.getId(), Path.of(folder),
				(started != null && ended != null) ? Duration.between(started, ended) : Duration.ZERO);
	}

	private static Run run(String runId, String job, JobExecution execution) {
		return new Run(runId, job.equals(TraceJobConfiguration.TRACE_JOB) ? "trace" : "records", execution.getStatus(),
				instant(execution.getStartTime()), instant(execution.getEndTime()), outcome(runId, execution),
				RunFailures.message(execution));
	}

	private static @Nullable Instant instant(@Nullable LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

}
