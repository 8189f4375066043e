package org.lottrace.ingest;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.MasterData;
import org.lottrace.kde.StoreRecord;
import org.lottrace.store.DuckDb;
import org.lottrace.store.HeldRow;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreMasterData;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job that turns pending rows of one export into records once the data they waited
 * for has arrived: {@code resolveStep} maps the export's outstanding pending rows again,
 * with the mapping, master data and units of today, and stages those that are now good;
 * the ingestion's {@code commitStep} and {@code supersedeStep} make them visible. The
 * records keep the export line (and ingestion time) they were read from, so a correction
 * ingested meanwhile still supersedes them.
 */
@Configuration(proxyBeanMethods = false)
public class ResolveJobConfiguration {

	public static final String JOB = "resolveJob";

	public static final String RESOLVE_STEP = "resolveStep";

	@Bean
	@JobScope
	Step resolveStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, IngestRun ingestRun,
			StoreLayout layout, WriterSettings parquetWriterSettings, StoreCatalog catalog, DuckDb duckDb,
			Clock clock) {
		StagingWriter writer = IngestJobConfiguration.stagingWriter(ingestRun, layout, parquetWriterSettings, 1);
		ItemReader<List<HeldRow>> reader = new ItemReader<>() {

			private boolean read;

			@Override
			public @Nullable List<HeldRow> read() {
				if (this.read) {
					return null;
				}
				this.read = true;
				List<HeldRow> rows = PendingRows.outstanding(catalog, duckDb, ingestRun.resolves());
				return rows.isEmpty() ? null : rows;
			}

		};
		ItemProcessor<List<HeldRow>, List<StoreRecord>> processor = (rows) -> {
			MasterData masterData = StoreMasterData.load(catalog, duckDb);
			RowMapper mapper = RowMapper.forTexts(ingestRun.mapping(), masterData, ingestRun.units(),
					ingestRun.mapping().limits().validator(masterData, LocalDate.now(clock)));
			List<StoreRecord> records = new ArrayList<>();
			for (HeldRow row : rows) {
				if (mapper.remap(java.util.Objects.requireNonNull(row.recordKey()), row.fieldTexts(), row.provenance(),
						row.raw()) instanceof MappedRow.Accepted accepted) {
					records.add(accepted.record());
				}
			}
			return records;
		};
		return new StepBuilder(RESOLVE_STEP, jobRepository).<List<HeldRow>, List<StoreRecord>>chunk(1)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.build();
	}

	@Bean
	Job resolveJob(JobRepository jobRepository, Step resolveStep, Step commitStep, Step supersedeStep) {
		return new JobBuilder(JOB, jobRepository).start(resolveStep).next(commitStep).next(supersedeStep).build();
	}

}
