package org.lottrace.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestPlan;
import org.lottrace.ingest.IngestProperties;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.ingest.JobsDirectory;
import org.lottrace.ingest.SourceMapping;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.TraceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests what waits in the inbox: each source's folder ({@code inbox/<source>/}) is read
 * for files its mapping claims and that have not changed for the settle time; master data
 * goes first. An ingested file (or one the store already had) moves to the archive, a
 * failed one to the failed folder with its error beside it; a file still being written
 * stays for the next run. One run at a time: a run that finds another under way does
 * nothing.
 */
@Service
public class InboxIngestion {

	private static final Logger log = LoggerFactory.getLogger(InboxIngestion.class);

	private final IngestService ingest;

	private final IngestProperties ingestProperties;

	private final ServeProperties properties;

	private final IndexRefresher refresher;

	private final TraceService traces;

	private final Clock clock;

	private final MeterRegistry meters;

	private final ReentrantLock running = new ReentrantLock();

	private volatile @Nullable InboxRun last;

	public InboxIngestion(IngestService ingest, IngestProperties ingestProperties, ServeProperties properties,
			IndexRefresher refresher, TraceService traces, Clock clock, MeterRegistry meters) {
		this.ingest = ingest;
		this.ingestProperties = ingestProperties;
		this.properties = properties;
		this.refresher = refresher;
		this.traces = traces;
		this.clock = clock;
		this.meters = meters;
	}

	/** The latest run, or {@code null} before the first. */
	public @Nullable InboxRun last() {
		return this.last;
	}

	/**
	 * Runs an ingestion of the inbox now.
	 * @param trigger what asks for it, for the history
	 * @return what it did; a run refused because another is under way has that as its
	 * error
	 */
	public InboxRun run(String trigger) {
		Instant started = this.clock.instant();
		if (!this.running.tryLock()) {
			return new InboxRun(trigger, started, Duration.ZERO, List.of(), List.of(), List.of(),
					"another ingestion run is under way");
		}
		try {
			InboxRun run = ingestInbox(trigger, started);
			this.last = run;
			this.meters.counter("lottrace.ingest.runs", "result", run.succeeded() ? "succeeded" : "failed").increment();
			return run;
		}
		finally {
			this.running.unlock();
		}
	}

	private InboxRun ingestInbox(String trigger, Instant started) {
		List<String> waiting = new ArrayList<>();
		try {
			JobsDirectory jobs = JobsDirectory.read(this.ingestProperties.jobs());
			List<IngestPlan.Item> items = new ArrayList<>();
			for (SourceMapping mapping : jobs.mappings()) {
				collect(jobs, mapping, items, waiting);
			}
			items.sort(Comparator.comparing((IngestPlan.Item i) -> i.mapping().kind().isEvent())
				.thenComparing(IngestPlan.Item::file));
			// pending rows are tried again at every run, even one that finds the inbox
			// empty
			List<IngestResult> all = this.ingest.ingest(new IngestPlan(jobs, items, List.of()));
			List<IngestResult> results = all.stream()
				.filter((r) -> r.status() != IngestResult.Status.RESOLVED)
				.toList();
			List<IngestResult> resolutions = all.stream()
				.filter((r) -> r.status() == IngestResult.Status.RESOLVED)
				.toList();
			// only files taken from the inbox move (master data written in mappings does
			// not)
			results.stream()
				.filter((r) -> r.file().toAbsolutePath().startsWith(this.properties.inbox().toAbsolutePath()))
				.forEach(this::settle);
			if (all.stream().anyMatch((r) -> r.status() == IngestResult.Status.INGESTED || r.written() > 0)) {
				this.refresher.refresh();
				this.traces.useMemoryGraph();
			}
			return new InboxRun(trigger, started, Duration.between(started, this.clock.instant()), results, resolutions,
					waiting, null);
		}
		catch (IcebergCatalogs.IcebergCatalogException ex) {
			// a catalog that cannot be reached is told in one line; the inbox stays as
			// it is for the next run
			log.error("The {} ingestion run failed: {}", trigger, ex.getMessage());
			return new InboxRun(trigger, started, Duration.between(started, this.clock.instant()), List.of(), List.of(),
					waiting, String.valueOf(ex.getMessage()));
		}
		catch (RuntimeException | java.sql.SQLException ex) {
			log.error("The {} ingestion run failed", trigger, ex);
			return new InboxRun(trigger, started, Duration.between(started, this.clock.instant()), List.of(), List.of(),
					waiting, String.valueOf(ex.getMessage()));
		}
	}

	/**
	 * The files of one source's folder that are ready; the ones still changing are noted
	 * as waiting.
	 */
	private void collect(JobsDirectory jobs, SourceMapping mapping, List<IngestPlan.Item> items, List<String> waiting) {
		Path folder = this.properties.inbox().resolve(mapping.inbox());
		if (!Files.isDirectory(folder)) {
			return;
		}
		Instant settledBefore = this.clock.instant().minus(this.properties.settle());
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter(InboxIngestion::candidate).sorted().toList()) {
				if (!jobs.matching(file).contains(mapping)) {
					continue;
				}
				if (Files.getLastModifiedTime(file).toInstant().isAfter(settledBefore)) {
					waiting.add(file.toString());
				}
				else {
					items.add(new IngestPlan.Item(file, mapping));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + folder, ex);
		}
	}

	private static boolean candidate(Path file) {
		String name = file.getFileName().toString();
		return Files.isRegularFile(file) && !name.startsWith(".") && !name.endsWith(".tmp") && !name.endsWith(".part")
				&& !name.endsWith(".error.txt");
	}

	/** Moves a file out of the inbox according to what became of it, and counts it. */
	private void settle(IngestResult result) {
		this.meters.counter("lottrace.ingest.files", "source", result.source(), "status", result.status().name())
			.increment();
		this.meters.counter("lottrace.ingest.rows", "source", result.source(), "outcome", "written")
			.increment(result.written());
		this.meters.counter("lottrace.ingest.rows", "source", result.source(), "outcome", "rejected")
			.increment(result.rejected());
		this.meters.counter("lottrace.ingest.rows", "source", result.source(), "outcome", "pending")
			.increment(result.pending());
		try {
			if (result.status() == IngestResult.Status.FAILED) {
				Path target = free(this.properties.failed().resolve(result.source()), result.file().getFileName());
				Files.move(result.file(), target, StandardCopyOption.ATOMIC_MOVE);
				Files.writeString(target.resolveSibling(target.getFileName() + ".error.txt"),
						String.valueOf(result.error()) + System.lineSeparator());
			}
			else {
				Path day = this.properties.archive()
					.resolve(result.source())
					.resolve(LocalDate.ofInstant(this.clock.instant(), this.clock.getZone()).toString());
				Files.move(result.file(), free(day, result.file().getFileName()), StandardCopyOption.ATOMIC_MOVE);
			}
		}
		catch (IOException ex) {
			log.error("Could not move {} out of the inbox", result.file(), ex);
		}
	}

	/** A name in {@code folder} not taken yet: the file's own, or numbered. */
	private static Path free(Path folder, Path name) throws IOException {
		Files.createDirectories(folder);
		Path target = folder.resolve(name);
		for (int n = 2; Files.exists(target); n++) {
			target = folder.resolve(name + "." + n);
		}
		return target;
	}

}
