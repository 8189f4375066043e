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

import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.MasterData;
import org.lottrace.store.DuckDb;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreMasterData;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
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
 */
@Configuration(proxyBeanMethods = false)
public class IngestJobConfiguration {

	public static final String JOB = "ingestJob";

	public static final String INGEST_STEP = "ingestStep";

	public static final String COMMIT_STEP = "commitStep";

	public static final String SUPERSEDE_STEP = "supersedeStep";

	// ingestStep

	/**
	 * Not proxied (a record cannot be): only other step-scoped beans use it, inside the
	 * step.
	 */
	@Bean
	@Scope(value = "step", proxyMode = ScopedProxyMode.NO)
	IngestRun ingestRun(@Value("#{jobParameters['file']}") String file,
			@Value("#{jobParameters['sha256']}") String sha256, @Value("#{jobParameters['mapping']}") String mapping,
			@Value("#{jobParameters['ingestedAt']}") String ingestedAt) {
		return IngestRun.of(file, sha256, mapping, ingestedAt);
	}

	@Bean
	@StepScope
	CsvSourceReader ingestReader(IngestRun ingestRun, IngestProcessor ingestProcessor) {
		return new CsvSourceReader(ingestRun.file(), ingestRun.mapping().dialect(), ingestProcessor::onHeader);
	}

	@Bean
	@StepScope
	IngestProcessor ingestProcessor(IngestRun ingestRun, StagingWriter ingestWriter, StoreCatalog catalog,
			DuckDb duckDb, Clock clock) {
		return new IngestProcessor((header) -> {
			MasterData masterData = loadMasterData(catalog, duckDb);
			KdeValidator validator = new KdeValidator(masterData, LocalDate.now(clock));
			return new RowMapper(ingestRun.mapping(), header, masterData, ingestRun.units(), validator,
					ingestRun.fileName(), ingestRun.sha256(), ingestRun.ingestedAt());
		}, ingestWriter);
	}

	@Bean
	@StepScope
	StagingWriter ingestWriter(IngestRun ingestRun, StoreLayout layout, WriterSettings parquetWriterSettings) {
		Map<String, String> metadata = Map.of("lottrace.source", ingestRun.source(), "lottrace.source_file",
				ingestRun.fileName(), "lottrace.source_sha256", ingestRun.sha256(), "lottrace.mapping_sha256",
				ingestRun.mapping().sha256());
		return new StagingWriter(layout.staging(ingestRun.fileId()),
				StoreSchemas.of(SupersedeTasklet.table(ingestRun.mapping().kind())), ingestRun.fileId() + ".parquet",
				parquetWriterSettings, metadata, ingestRun.source(), ingestRun.fileName());
	}

	@Bean
	@StepScope
	IngestProgressListener ingestProgressListener(IngestProgress progress, IngestRun ingestRun,
			CsvSourceReader ingestReader) {
		return new IngestProgressListener(progress, ingestRun, ingestReader, size(ingestRun));
	}

	@Bean
	Step ingestStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IngestProperties properties, CsvSourceReader ingestReader, IngestProcessor ingestProcessor,
			StagingWriter ingestWriter, IngestProgressListener ingestProgressListener) {
		return new StepBuilder(INGEST_STEP, jobRepository).<SourceRow, Object>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(ingestReader)
			.processor(ingestProcessor)
			.writer(ingestWriter)
			.listener((Object) ingestWriter)
			.listener((Object) ingestProgressListener)
			.build();
	}

	// commitStep and supersedeStep

	@Bean
	@StepScope
	CommitTasklet commitTasklet(IngestRun ingestRun, StoreLayout layout) {
		return new CommitTasklet(ingestRun, layout);
	}

	@Bean
	Step commitStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			CommitTasklet commitTasklet) {
		return new StepBuilder(COMMIT_STEP, jobRepository).tasklet(commitTasklet, transactionManager).build();
	}

	@Bean
	@StepScope
	SupersedeTasklet supersedeTasklet(IngestRun ingestRun, StoreCatalog catalog, DuckDb duckDb) {
		return new SupersedeTasklet(ingestRun, catalog, duckDb);
	}

	@Bean
	Step supersedeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SupersedeTasklet supersedeTasklet) {
		return new StepBuilder(SUPERSEDE_STEP, jobRepository).tasklet(supersedeTasklet, transactionManager).build();
	}

	@Bean
	Job ingestJob(JobRepository jobRepository, Step ingestStep, Step commitStep, Step supersedeStep) {
		return new JobBuilder(JOB, jobRepository).start(ingestStep).next(commitStep).next(supersedeStep).build();
	}

	private static MasterData loadMasterData(StoreCatalog catalog, DuckDb duckDb) {
		try (Connection connection = duckDb.inMemory()) {
			for (StoreTable table : List.of(StoreTable.LOCATION, StoreTable.PRODUCT)) {
				DuckDb.createViews(connection, table, catalog.files(table));
			}
			return StoreMasterData.load(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read master data from the store: " + ex.getMessage(), ex);
		}
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
