package org.lottrace.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestPlan.Item;
import org.lottrace.store.CommitLog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreWriteLock;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Ingests exports: finds the mapping of each file, skips what the store already has, and
 * runs the ingestion job for the rest, one file after another with master data first,
 * while holding the store's write lock. Executions that a kill or a crash left running
 * are closed first ({@link InterruptedRuns}).
 */
@Service
public class IngestService {

	private final JobOperator jobOperator;

	private final Job ingestJob;

	private final StoreLayout layout;

	private final IngestProperties properties;

	private final Clock clock;

	private final PendingResolver pending;

	private final StoreWriteLock writeLock;

	private final InterruptedRuns interrupted;

	IngestService(JobOperator jobOperator, @Qualifier(IngestJobConfiguration.JOB) Job ingestJob, StoreLayout layout,
			IngestProperties properties, Clock clock, PendingResolver pending, StoreWriteLock writeLock,
			InterruptedRuns interrupted) {
		this.jobOperator = jobOperator;
		this.ingestJob = ingestJob;
		this.layout = layout;
		this.properties = properties;
		this.clock = clock;
		this.pending = pending;
		this.writeLock = writeLock;
		this.interrupted = interrupted;
	}

	/**
	 * Works out which files to ingest with which mapping.
	 * @param paths files and folders (folders are searched recursively)
	 * @param source the source to use for every file, or {@code null} to pick each file's
	 * by its name
	 * @throws IngestException when a named file is missing or no mapping (or more than
	 * one) claims it
	 * @throws MappingException when a mapping file is invalid
	 */
	public IngestPlan plan(List<Path> paths, @Nullable String source) {
		JobsDirectory jobs = JobsDirectory.read(this.properties.jobs());
		SourceMapping forced = (source != null) ? jobs.mapping(source)
			.orElseThrow(() -> new IngestException("no source '" + source + "' in " + jobs.dir() + "; known: "
					+ String.join(", ", jobs.mappings().stream().map(SourceMapping::source).toList())))
				: null;
		List<Item> items = new ArrayList<>();
		List<Path> unmatched = new ArrayList<>();
		for (Path path : paths) {
			if (Files.isDirectory(path)) {
				for (Path file : filesUnder(path)) {
					match(jobs, forced, file, false).ifPresentOrElse(items::add, () -> {
						if (isExport(file)) {
							unmatched.add(file);
						}
					});
				}
			}
			else if (Files.isRegularFile(path)) {
				items.add(match(jobs, forced, path, true).orElseThrow());
			}
			else {
				throw new IngestException(path + ": no such file or folder");
			}
		}
		items.sort(Comparator.comparing((Item i) -> i.mapping().kind().isEvent()).thenComparing((i) -> i.file()));
		return new IngestPlan(jobs, List.copyOf(items), List.copyOf(unmatched));
	}

	private Optional<Item> match(JobsDirectory jobs, @Nullable SourceMapping forced, Path file, boolean named) {
		if (forced != null) {
			return Optional.of(new Item(file, forced));
		}
		List<SourceMapping> matches = jobs.matching(file);
		if (matches.size() > 1) {
			throw new IngestException(file + ": the file patterns of several sources match it ("
					+ String.join(", ", matches.stream().map(SourceMapping::source).toList()) + "); pass --source");
		}
		if (matches.isEmpty() && named) {
			throw new IngestException(file + ": no mapping in " + jobs.dir() + " claims this file name; add it to a "
					+ "mapping's files: patterns or pass --source");
		}
		return matches.stream().findFirst().map((m) -> new Item(file, m));
	}

	/**
	 * Ingests the master data written in mapping files ({@code rows:}, when it changed),
	 * then the planned files in order, then tries the store's pending rows again (the
	 * files may have brought what they waited for; so may a fixed {@code units.yml} or
	 * mapping). The results of those retries, one per export with pending rows, come
	 * after the files' ({@link IngestResult.Status#RESOLVED}).
	 * @throws StoreBusyException when another process holds the store's write lock
	 */
	public List<IngestResult> ingest(IngestPlan plan) {
		try (StoreWriteLock.Hold hold = this.writeLock.tryAcquire()
			.orElseThrow(() -> new StoreBusyException(this.writeLock.busyMessage()))) {
			String storeId = storeId();
			this.interrupted.close(storeId);
			this.interrupted.rollIcebergForward();
			List<IngestResult> results = new ArrayList<>();
			for (SourceMapping inline : plan.jobs().mappings()) {
				if (!inline.rows().isEmpty()) {
					results.add(ingestOne(new Item(InlineRows.write(inline, this.layout.inline()), inline), storeId));
				}
			}
			for (Item item : plan.items()) {
				results.add(ingestOne(item, storeId));
			}
			results.addAll(this.pending.resolve(storeId));
			return results;
		}
	}

	private IngestResult ingestOne(Item item, String storeId) {
		String sha256 = sha256(item.file());
		String source = item.mapping().source();
		Optional<StoreCommit> existing = new CommitLog(this.layout).find(source, sha256);
		if (existing.isPresent()) {
			StoreCommit c = existing.get();
			return IngestResult.already(item.file(), source, c.read(), c.written(), c.rejected(), c.pending(),
					inStore(c.rejectsFile()), inStore(c.pendingFile()));
		}
		JobParameters parameters = new JobParametersBuilder().addString(IngestRun.SOURCE, source, true)
			.addString(IngestRun.SHA256, sha256, true)
			.addString(IngestRun.STORE, storeId, true)
			.addString(IngestRun.FILE, item.file().toAbsolutePath().toString(), false)
			.addString(IngestRun.MAPPING, item.mapping().file().toAbsolutePath().toString(), false)
			.addString(IngestRun.INGESTED_AT, this.clock.instant().toString(), false)
			.toJobParameters();
		long started = System.nanoTime();
		try {
			JobExecution execution = this.jobOperator.start(this.ingestJob, parameters);
			return result(item, execution, Duration.ofNanos(System.nanoTime() - started));
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return IngestResult.failed(item.file(), source, Duration.ofNanos(System.nanoTime() - started),
					"the job repository records this export as ingested, but the store has no commit for it; "
							+ "was the store's _commits folder changed by hand?",
					null);
		}
		catch (Exception ex) {
			return IngestResult.failed(item.file(), source, Duration.ofNanos(System.nanoTime() - started),
					String.valueOf(ex.getMessage()), null);
		}
	}

	private IngestResult result(Item item, JobExecution execution, Duration duration) {
		String source = item.mapping().source();
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			String error = execution.getAllFailureExceptions()
				.stream()
				.map(IngestService::rootMessage)
				.findFirst()
				.orElse(execution.getExitStatus().getExitDescription());
			return IngestResult.failed(item.file(), source, duration, error, execution.getId());
		}
		ExecutionContext context = execution.getExecutionContext();
		return new IngestResult(item.file(), source, IngestResult.Status.INGESTED, context.getLong(CommitTasklet.READ),
				context.getLong(CommitTasklet.WRITTEN), context.getLong(CommitTasklet.REJECTED),
				context.getLong(CommitTasklet.PENDING, 0), context.getLong(SupersedeTasklet.SUPERSEDED, 0), duration,
				(String) context.get(CommitTasklet.REJECTS_FILE), (String) context.get(CommitTasklet.PENDING_FILE),
				null, execution.getId(), stepDurations(execution),
				HeldReports.firstLines((String) context.get(CommitTasklet.REJECTS_FILE),
						(String) context.get(CommitTasklet.PENDING_FILE)));
	}

	private @Nullable String inStore(@Nullable String relative) {
		return (relative != null) ? this.layout.root().resolve(relative).toString() : null;
	}

	private static Map<String, Duration> stepDurations(JobExecution execution) {
		Map<String, Duration> steps = new LinkedHashMap<>();
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStartTime() != null && step.getEndTime() != null) {
				steps.put(step.getStepName(), Duration.between(step.getStartTime(), step.getEndTime()));
			}
		}
		return steps;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (!(cause instanceof SourceFileException) && !(cause instanceof MappingException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
	}

	/**
	 * What the first rows of each planned file would become, against the given master
	 * data and the units of the jobs folder, without writing anything.
	 * @throws SourceFileException when a file cannot be read with its mapping
	 */
	public List<IngestPreview> preview(IngestPlan plan, int rows, org.lottrace.kde.MasterData masterData) {
		java.time.LocalDate today = java.time.LocalDate.now(this.clock);
		return plan.items()
			.stream()
			.map((item) -> IngestPreview.of(item.file(), item.mapping(), rows, masterData, plan.jobs().units(), today))
			.toList();
	}

	/** The store's identity, so that one job repository can serve several stores. */
	private String storeId() {
		Path file = this.layout.root().resolve(".store-id");
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				Files.writeString(file, UUID.randomUUID().toString());
			}
			return Files.readString(file).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

	private static List<Path> filesUnder(Path dir) {
		try (Stream<Path> walk = Files.walk(dir)) {
			return walk.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + dir, ex);
		}
	}

	private static boolean isExport(Path file) {
		String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return name.endsWith(".csv") || name.endsWith(".txt") || name.endsWith(".tsv");
	}

	/** The SHA-256 of a file, hex. */
	public static String sha256(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return DigestUtils.sha256Hex(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + file, ex);
		}
	}

}
