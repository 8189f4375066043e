package org.lottrace.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.UnitConverter;
import org.lottrace.report.Manifest;
import org.lottrace.report.ReportFolder;
import org.lottrace.report.ReportProperties;
import org.lottrace.report.ReportWriter;
import org.lottrace.report.TraceFindings;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.iceberg.StoreSnapshot;
import org.lottrace.trace.Direction;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two jobs that answer requests and write their report folder. {@code traceJob}:
 * {@code traceStep} traces the lot or product, {@code reportStep} writes the reports and
 * the manifest. {@code recordsJob}: {@code selectStep} selects the records of foods and
 * dates or lot codes, {@code reportStep} writes them. Each run is its own job instance
 * (identified by a run id); the request travels as non-identifying parameters.
 */
@Configuration(proxyBeanMethods = false)
public class TraceJobConfiguration {

	public static final String TRACE_JOB = "traceJob";

	public static final String RECORDS_JOB = "recordsJob";

	/** Job parameter names. */
	public static final String RUN = "run", LOT = "lot", ASSIGNER = "assigner", PRODUCT = "product", FROM = "from",
			TO = "to", DIRECTION = "direction", REASON = "reason", PRODUCTS = "products", LOTS = "lots",
			ALL_FOODS = "allFoods", AS_OF = "asOf";

	/** Job execution context key of the report folder. */
	public static final String FOLDER = "folder";

	@Bean
	@Scope(value = "job", proxyMode = ScopedProxyMode.NO)
	TraceWork traceWork() {
		return new TraceWork();
	}

	@Bean
	@JobScope
	Step traceStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, TraceWork traceWork,
			TraceService traceService, PastStores pastStores, Supplier<UnitConverter> units, Clock clock,
			TraceRuns runs, @Value("#{jobParameters['run']}") @Nullable String runId,
			@Value("#{jobParameters['lot']}") @Nullable String lot,
			@Value("#{jobParameters['assigner']}") @Nullable String assigner,
			@Value("#{jobParameters['product']}") @Nullable String product,
			@Value("#{jobParameters['from']}") @Nullable String from,
			@Value("#{jobParameters['to']}") @Nullable String to,
			@Value("#{jobParameters['direction']}") String direction,
			@Value("#{jobParameters['reason']}") @Nullable String reason,
			@Value("#{jobParameters['asOf']}") @Nullable String asOf) {
		TraceRequest request = new TraceRequest(lot, assigner, product, date(from), date(to),
				Direction.valueOf(direction), reason);
		return new StepBuilder("traceStep", jobRepository).tasklet((contribution, chunk) -> {
			traceWork.started = clock.instant();
			long started = System.nanoTime();
			traceWork.findings = TraceFindings.of(TraceAnalysis
				.of(read(traceWork, traceService, pastStores, asOf, (s) -> s.trace(request)), units.get()));
			traceWork.queryMillis = (System.nanoTime() - started) / 1_000_000;
			if (runId != null) {
				runs.answered(runId, traceWork.findings);
			}
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	@JobScope
	Step selectStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, TraceWork traceWork,
			TraceService traceService, PastStores pastStores, Clock clock,
			@Value("#{jobParameters['products']}") @Nullable String products,
			@Value("#{jobParameters['lots']}") @Nullable String lots,
			@Value("#{jobParameters['from']}") @Nullable String from,
			@Value("#{jobParameters['to']}") @Nullable String to,
			@Value("#{jobParameters['assigner']}") @Nullable String assigner,
			@Value("#{jobParameters['allFoods']}") @Nullable String allFoods,
			@Value("#{jobParameters['asOf']}") @Nullable String asOf) {
		RecordRequest request = new RecordRequest(list(products), date(from), date(to), list(lots), assigner,
				Boolean.parseBoolean(allFoods));
		return new StepBuilder("selectStep", jobRepository).tasklet((contribution, chunk) -> {
			traceWork.started = clock.instant();
			long started = System.nanoTime();
			traceWork.records = read(traceWork, traceService, pastStores, asOf, (s) -> s.records(request));
			traceWork.queryMillis = (System.nanoTime() - started) / 1_000_000;
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	@JobScope
	Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, TraceWork traceWork,
			ReportWriter writer, ReportProperties properties, StoreCatalog catalog, Clock clock) {
		return new StepBuilder("reportStep", jobRepository).tasklet((contribution, chunk) -> {
			var execution = chunk.getStepContext().getStepExecution().getJobExecution();
			TraceFindings findings = traceWork.findings;
			Instant started = traceWork.started();
			String subject = (findings != null) ? findings.analysis().result().request().subject()
					: "records " + traceWork.records().request().subject();
			ReportFolder folder = ReportFolder.create(properties.root(), subject, started);
			Map<String, Long> timings = new LinkedHashMap<>();
			timings.put((findings != null) ? "trace" : "select", traceWork.queryMillis);
			timings.putAll((findings != null) ? writer.trace(findings, started, folder)
					: writer.records(traceWork.records(), folder));
			Instant finished = clock.instant();
			timings.put("total", Duration.between(started, finished).toMillis());
			StoreCatalog read = (traceWork.pastCatalog != null) ? traceWork.pastCatalog : catalog;
			Manifest manifest = Manifests.of(traceWork, execution.getJobParameters(), read, timings, folder, finished);
			manifest.write(folder.path());
			// the folder is the run's durable outcome; the job execution points to it
			execution.getExecutionContext().putString(FOLDER, folder.path().toString());
			return RepeatStatus.FINISHED;
		}, transactionManager).build();
	}

	@Bean
	Job traceJob(JobRepository jobRepository, Step traceStep, Step reportStep) {
		return new JobBuilder(TRACE_JOB, jobRepository).start(traceStep).next(reportStep).build();
	}

	@Bean
	Job recordsJob(JobRepository jobRepository, Step selectStep, Step reportStep) {
		return new JobBuilder(RECORDS_JOB, jobRepository).start(selectStep).next(reportStep).build();
	}

	/**
	 * Reads the answers from the store now, or as it stood at the snapshot {@code asOf}
	 * names; notes in {@code work} which snapshot that was.
	 */
	private static <T> T read(TraceWork work, TraceService now, PastStores pastStores, @Nullable String asOf,
			Function<TraceService, T> query) {
		if (asOf == null || asOf.isBlank()) {
			T answer = query.apply(now);
			work.snapshot = pastStores.current();
			return answer;
		}
		StoreSnapshot snapshot = pastStores.resolve(asOf);
		try (PastStores.Past past = pastStores.open(snapshot)) {
			work.snapshot = snapshot;
			work.pastCatalog = past.catalog();
			return query.apply(past.service());
		}
	}

	private static @Nullable LocalDate date(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : LocalDate.parse(text);
	}

	private static List<String> list(@Nullable String text) {
		return (text == null || text.isBlank()) ? List.of()
				: Arrays.stream(text.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
	}

}
