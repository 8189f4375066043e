package org.lottrace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;

import javax.sql.DataSource;

import org.lottrace.ingest.IngestProgress;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that the service and the one-shot commands share and no feature owns. */
@Configuration(proxyBeanMethods = false)
public class ApplicationBeans {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	@Bean
	IngestProgress ingestProgress() {
		return new IngestProgress();
	}

	/**
	 * Creates the job repository's tables with Spring Batch's script when they are not
	 * there yet. Spring Boot's own initializer ({@code initialize-schema: always}) ran
	 * the script at every start, every statement of it failing on the tables that exist:
	 * a tenth of a second of every one-shot command.
	 */
	@Bean
	BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
			BatchJdbcProperties properties) {
		return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {

			@Override
			public boolean initializeDatabase() {
				return !jobTablesExist(dataSource) && super.initializeDatabase();
			}

		};
	}

	/**
	 * Whether the job repository has the last table and the last sequence Spring Batch's
	 * script creates (so a first start killed halfway through the script runs it again).
	 * A database whose catalog cannot say (one without sequences) gets the script at
	 * every start, as before.
	 */
	static boolean jobTablesExist(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.executeQuery("SELECT 1 FROM BATCH_JOB_EXECUTION_CONTEXT WHERE 1 = 0").close();
			try (ResultSet rs = sql.executeQuery("SELECT 1 FROM INFORMATION_SCHEMA.SEQUENCES "
					+ "WHERE UPPER(SEQUENCE_NAME) = 'BATCH_JOB_INSTANCE_SEQ'")) {
				return rs.next();
			}
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
