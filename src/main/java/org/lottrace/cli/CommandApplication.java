package org.lottrace.cli;

import org.lottrace.LottraceApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The application as every command but {@code serve} runs it: the same components as
 * {@link LottraceApplication} without the service's ({@code org.lottrace.serve}), and
 * only the auto-configurations these commands use (the job repository on its data source,
 * transactions, properties) instead of the hundred-odd candidates the service weighs (web
 * server, actuator, metrics, security, OpenAPI). Deciding and parsing those took about
 * half of a short command's start.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = LottraceApplication.class,
		excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
				@Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LottraceApplication.class),
				@Filter(type = FilterType.REGEX, pattern = "org\\.lottrace\\.serve\\..*") })
@ConfigurationPropertiesScan(basePackageClasses = LottraceApplication.class)
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		LifecycleAutoConfiguration.class, DataSourceAutoConfiguration.class,
		DataSourceTransactionManagerAutoConfiguration.class, DataSourceInitializationAutoConfiguration.class,
		JdbcTemplateAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
		TransactionAutoConfiguration.class, BatchJdbcAutoConfiguration.class, BatchJobLauncherAutoConfiguration.class })
class CommandApplication {

}
