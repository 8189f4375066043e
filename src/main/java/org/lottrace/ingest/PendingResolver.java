package org.lottrace.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.lottrace.kde.MasterData;
import org.lottrace.kde.RecordKind;
import org.lottrace.store.DuckDb;
import org.lottrace.store.HeldRow;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreMasterData;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Tries the store's pending rows again, export by export, against the mappings, master
 * data and units of today, and runs {@code resolveJob} for each export that has rows that
 * are now good. Master data goes first, so that a product resolved now serves the events
 * that waited for it. The caller holds the store's write lock.
 */
@Component
public class PendingResolver {

	private final JobOperator jobOperator;

	private final Job resolveJob;

	private final StoreLayout layout;

	private final StoreCatalog catalog;

	private final DuckDb duckDb;

	private final IngestProperties properties;

	private final Clock clock;

	PendingResolver(JobOperator jobOperator, @Qualifier(ResolveJobConfiguration.JOB) Job resolveJob, StoreLayout layout,
			StoreCatalog catalog, DuckDb duckDb, IngestProperties properties, Clock clock) {
		this.jobOperator = jobOperator;
		this.resolveJob = resolveJob;
		this.layout = layout;
		this.catalog = catalog;
		this.duckDb = duckDb;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * @param storeId the store's identity (a job parameter)
	 * @return one result per export whose pending rows were tried: written is the rows
	 * that became records, pending those that still wait
	 */
	List<IngestResult> resolve(String storeId) {
		List<HeldRow> outstanding = PendingRows.outstanding(this.catalog, this.duckDb, null);
		if (outstanding.isEmpty()) {
			return List.of();
		}
		JobsDirectory jobs = JobsDirectory.read(this.properties.jobs());
		Map<String, List<HeldRow>> byExport = outstanding.stream()
			.sorted(Comparator.comparing((HeldRow h) -> RecordKind.fromCode(h.kind()).isEvent()))
			.collect(Collectors.groupingBy((h) -> h.provenance().source() + "\u001f" + h.provenance().sha256(),
					LinkedHashMap::new, Collectors.toList()));
		List<IngestResult> results = new ArrayList<>();
		MasterData masterData = null;
		boolean masterChanged = true;
		for (List<HeldRow> rows : byExport.values()) {
			HeldRow first = rows.get(0);
			Optional<SourceMapping> mapping = jobs.mapping(first.provenance().source());
			if (mapping.isEmpty()) {
				results.add(result(first, rows.size(), 0, 0, Duration.ZERO,
						"no mapping in " + jobs.dir() + " for source " + first.provenance().source(), List.of()));
				continue;
			}
			if (masterData == null || masterChanged) {
				masterData = StoreMasterData.load(this.catalog, this.duckDb);
				masterChanged = false;
			}
			List<Long> good = new ArrayList<>();
			List<IngestResult.HeldLine> waiting = new ArrayList<>();
			remap(rows, mapping.get(), jobs, masterData, good, waiting);
			if (good.isEmpty()) {
				results.add(result(first, rows.size(), 0, 0, Duration.ZERO, null, waiting));
				continue;
			}
			results.add(run(first, mapping.get(), good, rows.size(), storeId, waiting));
			masterChanged = !mapping.get().kind().isEvent();
		}
		return results;
	}

	/**
	 * Sorts an export's pending rows into the lines that map to a record now and the
	 * reasons of those that still wait.
	 */
	private void remap(List<HeldRow> rows, SourceMapping mapping, JobsDirectory jobs, MasterData masterData,
			List<Long> good, List<IngestResult.HeldLine> waiting) {
		RowMapper mapper = RowMapper.forTexts(mapping, masterData, jobs.units(),
				mapping.limits().validator(masterData, LocalDate.now(this.clock)));
		for (HeldRow row : rows) {
			MappedRow mapped = mapper.remap(Objects.requireNonNull(row.recordKey()), row.fieldTexts(), row.provenance(),
					row.raw());
			if (mapped instanceof MappedRow.Held held) {
				held.violations()
					.stream()
					.filter((v) -> waiting.size() < IngestResult.HELD_SHOWN)
					.forEach((v) -> waiting
						.add(new IngestResult.HeldLine(held.line(), v.field(), v.value(), v.reason(), v.waitsFor())));
			}
			else {
				good.add(row.provenance().line());
			}
		}
	}

	private IngestResult run(HeldRow first, SourceMapping mapping, List<Long> lines, int tried, String storeId,
			List<IngestResult.HeldLine> waiting) {
		String export = first.provenance().sha256();
		JobParameters parameters = new JobParametersBuilder().addString(IngestRun.SOURCE, mapping.source(), true)
			.addString(IngestRun.SHA256, identity(export, mapping, lines), true)
			.addString(IngestRun.STORE, storeId, true)
			.addString(IngestRun.FILE, first.provenance().file(), false)
			.addString(IngestRun.MAPPING, mapping.file().toAbsolutePath().toString(), false)
			.addString(IngestRun.INGESTED_AT, this.clock.instant().toString(), false)
			.addString(IngestRun.RESOLVES, export, false)
			.toJobParameters();
		long started = System.nanoTime();
		try {
			JobExecution execution = this.jobOperator.start(this.resolveJob, parameters);
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			if (execution.getStatus() != BatchStatus.COMPLETED) {
				return result(first, tried, 0, 0, took, "resolveJob " + execution.getId() + " failed: "
						+ execution.getExitStatus().getExitDescription(), waiting);
			}
			long written = execution.getExecutionContext().getLong(CommitTasklet.WRITTEN);
			return result(first, tried, written,
					execution.getExecutionContext().getLong(SupersedeTasklet.SUPERSEDED, 0), took, null, waiting);
		}
		catch (Exception ex) {
			return result(first, tried, 0, 0, Duration.ofNanos(System.nanoTime() - started),
					String.valueOf(ex.getMessage()), waiting);
		}
	}

	private IngestResult result(HeldRow first, int tried, long resolved, long superseded, Duration took,
			@Nullable String error, List<IngestResult.HeldLine> waiting) {
		String source = first.provenance().source();
		Path report = this.layout.pending(source, StoreLayout.fileId(source, first.provenance().sha256()));
		return new IngestResult(Path.of(first.provenance().file()), source, IngestResult.Status.RESOLVED, tried,
				resolved, 0, tried - resolved, superseded, took, null, Files.exists(report) ? report.toString() : null,
				error, null, Map.of(), List.copyOf(waiting));
	}

	/**
	 * A resolution's identity: the export, the mapping and the lines it makes records of.
	 * The same resolution tried again after a crash is the same job instance.
	 */
	private static String identity(String export, SourceMapping mapping, List<Long> lines) {
		String text = "resolves " + export + "\n" + mapping.sha256() + "\n"
				+ lines.stream().map(String::valueOf).collect(Collectors.joining(","));
		return DigestUtils.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

}
