package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Field;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.MasterData;
import org.lottrace.kde.StoreRecord;
import org.lottrace.store.DuckDb;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.StoreMasterData;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;
import org.lottrace.store.TableSchema;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.StepListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one ingestion job, for every source: {@code ingestStep} reads, maps, validates and
 * stages one export; {@code commitStep} makes it visible; {@code supersedeStep} counts
 * the corrections it brought. Identifying parameters are the source, the export's SHA-256
 * and the store, so the same export is one job instance.
 * <p>
 * The steps are job-scoped and build their reader, processor and writer as plain objects
 * from the job parameters. Step-scoped item beans would be called through a scoped proxy
 * for every row, which measured as a third of the ingestion thread's time.
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

	public static final String JOB = "ingestJob";

	public static final String INGEST_STEP = "ingestStep";

	public static final String COMMIT_STEP = "commitStep";

	public static final String SUPERSEDE_STEP = "supersedeStep";

	/**
	 * Rows per Spring Batch item (see {@link RowBlockReader}); a chunk is
	 * {@code chunk-size} rows.
	 */
	static final int BLOCK_ROWS = 500;

	/**
	 * Not proxied (a record cannot be): only the job-scoped steps use it, inside the job.
	 */
	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
	IngestRun ingestRun(@Value("#{jobParameters['file']}") String file,
			@Value("#{jobParameters['sha256']}") String sha256, @Value("#{jobParameters['mapping']}") String mapping,
			@Value("#{jobParameters['ingestedAt']}") String ingestedAt,
			@Value("#{jobParameters['resolves']}") @Nullable String resolves) {
		return IngestRun.of(file, sha256, mapping, ingestedAt, resolves);
	}

	// ingestStep

	@Bean
	@JobScope
	Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IngestProperties properties, IngestRun ingestRun, StoreLayout layout, WriterSettings parquetWriterSettings,
			StoreCatalog catalog, DuckDb duckDb, Clock clock, IngestProgress progress) {
		StagingWriter writer = stagingWriter(ingestRun, layout, parquetWriterSettings, properties.writerThreads());
		IngestProcessor processor = new IngestProcessor((header) -> {
			MasterData masterData = StoreMasterData.load(catalog, duckDb);
			KdeValidator validator = ingestRun.mapping().limits().validator(masterData, LocalDate.now(clock));
			return new RowMapper(ingestRun.mapping(), header, masterData, ingestRun.units(), validator,
					ingestRun.fileName(), ingestRun.sha256(), ingestRun.ingestedAt());
		}, writer);
		RowBlockReader reader = new RowBlockReader(
				SourceReader.of(ingestRun.file(), ingestRun.mapping(), processor::onHeader), BLOCK_ROWS);
		int blocksPerChunk = Math.max(1, properties.chunkSize() / BLOCK_ROWS);
		return new StepBuilder(INGEST_STEP, jobRepository).<List<SourceRow>, List<StoreRecord>>chunk(blocksPerChunk)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.listener((StepListener) new IngestProgressListener(progress, ingestRun, reader, size(ingestRun)))
			.build();
	}

	static StagingWriter stagingWriter(IngestRun run, StoreLayout layout, WriterSettings settings, int writerThreads) {
		Map<String, String> metadata = Map.of("lottrace.source", run.source(), "lottrace.source_file", run.fileName(),
				"lottrace.source_sha256", run.sha256(), "lottrace.mapping_sha256", run.mapping().sha256());
		TableSchema<?> schema = StoreSchemas.of(SupersedeTasklet.table(run.mapping().kind()))
			.select(storedColumns(run.mapping()));
		return new StagingWriter(layout.staging(run.fileId()), schema, run, settings, metadata, writerThreads);
	}

	// commitStep and supersedeStep

	@Bean
	@JobScope
	Step commitStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestRun ingestRun,
			StoreLayout layout, IcebergCatalogs icebergCatalogs, StoreCatalog catalog, DuckDb duckDb) {
		return new StepBuilder(COMMIT_STEP, jobRepository)
			.tasklet(new CommitTasklet(ingestRun, layout, icebergCatalogs, catalog, duckDb), transactionManager)
			.build();
	}

	@Bean
	@JobScope
	Step supersedeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestRun ingestRun,
			StoreCatalog catalog, DuckDb duckDb) {
		return new StepBuilder(SUPERSEDE_STEP, jobRepository)
			.tasklet(new SupersedeTasklet(ingestRun, catalog, duckDb), transactionManager)
			.build();
	}

	@Bean
	Job ingestJob(JobRepository jobRepository, Step ingestStep, Step commitStep, Step supersedeStep) {
		return new JobBuilder(JOB, jobRepository).start(ingestStep).next(commitStep).next(supersedeStep).build();
	}

	/**
	 * The columns a source can fill: computed ones, mapped ones, and the ones lottrace
	 * derives (who assigned the lot, the event date). Files leave out the rest; readers
	 * see them as NULL.
	 */
	static Predicate<String> storedColumns(SourceMapping mapping) {
		Set<String> fieldColumns = mapping.kind().fields().stream().map(Field::column).collect(Collectors.toSet());
		Set<String> mapped = mapping.fields().keySet().stream().map(Field::column).collect(Collectors.toSet());
		Set<String> derived = Set.of(KdeField.LOT_ASSIGNER.column(), KdeField.EVENT_DATE.column());
		return (column) -> !fieldColumns.contains(column) || mapped.contains(column)
				|| (mapping.kind().isEvent() && derived.contains(column));
	}

	private static long size(IngestRun run) {
		try {
			return Files.size(run.file());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
