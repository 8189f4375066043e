package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.lottrace.store.CommitLog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the ingestions and resolutions of this store that the job repository still shows
 * as running although none can be: the caller holds the store's write lock, and only a
 * holder of it runs them. Such an execution was cut off (a kill -9, a power cut) and
 * would otherwise stay {@code STARTED} forever. Its export decides how it is closed:
 * <ul>
 * <li>committed (it was cut off after its commit, or a later run committed the export):
 * {@code ABANDONED}, with the commit it is in; nothing is run again;</li>
 * <li>not committed: {@code FAILED}; nothing of it is visible in the store, and the next
 * ingestion of the export runs it again.</li>
 * </ul>
 * Either way its exit description says what happened and when it was found. A staging
 * folder left by a run cut off after its commit (before it cleaned up) is deleted: its
 * files are in the store. Exports committed to the store but not to the Iceberg tables
 * are committed to them ({@link #rollIcebergForward}).
 */
@Component
public class InterruptedRuns {

	private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

	private final JobRepository jobRepository;

	private final StoreLayout layout;

	private final Clock clock;

	private final IcebergCatalogs icebergCatalogs;

	InterruptedRuns(JobRepository jobRepository, StoreLayout layout, Clock clock, IcebergCatalogs icebergCatalogs) {
		this.jobRepository = jobRepository;
		this.layout = layout;
		this.clock = clock;
		this.icebergCatalogs = icebergCatalogs;
	}

	/**
	 * Closes every ingestion and resolution of the store that is shown as running.
	 * @param storeId the store's identity (a job parameter)
	 * @return the executions closed, oldest first
	 */
	List<JobExecution> close(String storeId) {
		List<JobExecution> closed = new ArrayList<>();
		for (String job : List.of(IngestJobConfiguration.JOB, ResolveJobConfiguration.JOB)) {
			this.jobRepository.findRunningJobExecutions(job)
				.stream()
				.filter((e) -> storeId.equals(e.getJobParameters().getString(IngestRun.STORE)))
				.sorted(Comparator.comparing(JobExecution::getId))
				.forEach((e) -> closed.add(close(e)));
		}
		deleteCommittedStaging();
		return closed;
	}

	/**
	 * Commits to the Iceberg tables the exports of the commit log they do not have: a run
	 * cut off between the store's commit and the Iceberg commit, or a store written
	 * before the Iceberg tables.
	 */
	void rollIcebergForward() {
		CommitLog commits = new CommitLog(this.layout);
		if (!IcebergTables.present(this.layout)) {
			if (!commits.committedFileIds().isEmpty()) {
				log.warn("The store {} has no Iceberg tables yet (it predates them); 'lottrace store migrate' "
						+ "adds them", this.layout.root());
				return;
			}
			IcebergTables.prepare(this.layout);
		}
		try (IcebergTables tables = this.icebergCatalogs.open()) {
			int committed = new IcebergCommits(tables).rollForward(commits);
			if (committed > 0) {
				log.warn("Committed {} export(s) of the commit log to the Iceberg tables that a run had not "
						+ "committed to them (it was interrupted, or the store predates them)", committed);
			}
		}
	}

	private void deleteCommittedStaging() {
		Path staging = this.layout.staging();
		if (!Files.isDirectory(staging)) {
			return;
		}
		Set<String> committed = new CommitLog(this.layout).committedFileIds();
		try (Stream<Path> folders = Files.list(staging)) {
			for (Path folder : folders.toList()) {
				if (committed.contains(folder.getFileName().toString())) {
					StagingWriter.deleteRecursively(folder);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + staging, ex);
		}
	}

	private JobExecution close(JobExecution running) {
		JobExecution read = this.jobRepository.getJobExecution(running.getId());
		JobExecution execution = (read != null) ? read : running;
		String source = execution.getJobParameters().getString(IngestRun.SOURCE);
		String sha256 = execution.getJobParameters().getString(IngestRun.SHA256);
		String file = execution.getJobParameters().getString(IngestRun.FILE);
		Optional<StoreCommit> commit = (source != null && sha256 != null)
				? new CommitLog(this.layout).find(source, sha256) : Optional.empty();
		String found = " at " + this.clock.instant() + " (last seen " + lastUpdated(execution) + ")";
		if (commit.isPresent()) {
			StoreCommit c = commit.get();
			String what = ResolveJobConfiguration.JOB.equals(execution.getJobInstance().getJobName())
					? "the pending rows of " + file + " it resolved were" : "its export " + file + " was";
			finish(execution, BatchStatus.ABANDONED,
					"interrupted (the process was stopped: a kill, a crash, a power cut); " + what + " found committed"
							+ found + " by execution " + c.jobExecutionId() + " (" + c.written() + " records, "
							+ c.rejected() + " rejected, " + c.pending() + " pending), so nothing was run again");
			log.warn("{} {} of {} was interrupted after its export was committed; closed as ABANDONED",
					execution.getJobInstance().getJobName(), execution.getId(), file);
		}
		else {
			finish(execution, BatchStatus.FAILED,
					"interrupted (the process was stopped: a kill, a crash, a power " + "cut) before its commit; found"
							+ found + "; nothing of it is in the store, and ingesting " + file
							+ " again runs it again");
			log.warn("Recovering ingestion {} that was interrupted; it starts again when {} is ingested again",
					execution.getId(), file);
		}
		return execution;
	}

	private void finish(JobExecution execution, BatchStatus status, String why) {
		LocalDateTime now = LocalDateTime.now(this.clock);
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus().isRunning()) {
				step.setStatus(status);
				step.setExitStatus(new ExitStatus(status.name(), why));
				step.setEndTime(now);
				this.jobRepository.update(step);
			}
		}
		execution.setStatus(status);
		execution.setExitStatus(new ExitStatus(status.name(), why));
		execution.setEndTime(now);
		this.jobRepository.update(execution);
	}

	private static @Nullable Object lastUpdated(JobExecution execution) {
		return (execution.getLastUpdated() != null) ? execution.getLastUpdated() : execution.getStartTime();
	}

}
