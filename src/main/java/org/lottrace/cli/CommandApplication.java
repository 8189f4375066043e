package org.lottrace.cli;

import org.lottrace.ApplicationBeans;
import org.lottrace.LottraceApplication;
import org.lottrace.completeness.KdeCompleteness;
import org.lottrace.fda.FdaRequestProperties;
import org.lottrace.fda.FdaRequests;
import org.lottrace.ingest.IngestJobConfiguration;
import org.lottrace.ingest.IngestProperties;
import org.lottrace.ingest.IngestService;
import org.lottrace.ingest.InterruptedRuns;
import org.lottrace.ingest.PendingResolver;
import org.lottrace.ingest.ResolveJobConfiguration;
import org.lottrace.ingest.UnitsProvider;
import org.lottrace.plan.PlanProperties;
import org.lottrace.plan.TraceabilityPlans;
import org.lottrace.report.ReportProperties;
import org.lottrace.report.ReportWriter;
import org.lottrace.runs.PastStores;
import org.lottrace.runs.TraceJobConfiguration;
import org.lottrace.runs.TraceRunner;
import org.lottrace.runs.TraceRuns;
import org.lottrace.serve.LaneProperties;
import org.lottrace.serve.LimitProperties;
import org.lottrace.serve.ServeProperties;
import org.lottrace.serve.access.AccessProperties;
import org.lottrace.store.DuckDbProperties;
import org.lottrace.store.StoreConfiguration;
import org.lottrace.store.StoreProperties;
import org.lottrace.store.iceberg.IcebergCatalogProperties;
import org.lottrace.trace.TraceConfiguration;
import org.lottrace.trace.TraceService;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The application as every command but {@code serve} runs it: the same components as
 * {@link LottraceApplication} without the service's ({@code org.lottrace.serve}), and
 * only the auto-configurations these commands use (the job repository on its data source,
 * transactions, properties) instead of the hundred-odd candidates the service weighs (web
 * server, actuator, metrics, security, OpenAPI). Deciding and parsing those took about
 * half of a short command's start. The components are listed, not scanned for: scanning
 * read every class file of the jar at each start (about a tenth of a second of a one-shot
 * trace); {@code CommandApplicationTests} fails when a component or a properties class is
 * added without being listed here.
 */
@Configuration(proxyBeanMethods = false)
@Import({ ApplicationBeans.class, KdeCompleteness.class, FdaRequests.class, IngestJobConfiguration.class,
		IngestService.class, InterruptedRuns.class, PendingResolver.class, ResolveJobConfiguration.class,
		UnitsProvider.class, TraceabilityPlans.class, ReportWriter.class, PastStores.class, TraceJobConfiguration.class,
		TraceRunner.class, TraceRuns.class, StoreConfiguration.class, TraceConfiguration.class, TraceService.class })
@EnableConfigurationProperties({ FdaRequestProperties.class, IngestProperties.class, PlanProperties.class,
		ReportProperties.class, LaneProperties.class, LimitProperties.class, ServeProperties.class,
		AccessProperties.class, DuckDbProperties.class, StoreProperties.class, IcebergCatalogProperties.class })
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		LifecycleAutoConfiguration.class, DataSourceAutoConfiguration.class,
		DataSourceTransactionManagerAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
		TransactionAutoConfiguration.class, BatchJdbcAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class })
public class CommandApplication {

	/**
	 * Starts the application as the commands do, without a command: the build's Spring
	 * AOT step ({@code process-aot}) runs it to write the bean definitions.
	 */
	public static void main(String[] args) {
		Launcher.application(false, java.util.Map.of()).run(args);
	}

}
