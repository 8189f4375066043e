package org.lottrace;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/** The job repository's script runs when its tables are missing, and only then. */
class ApplicationBeansTests {

	private final JdbcDataSource dataSource = new JdbcDataSource();

	ApplicationBeansTests() {
		this.dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	@Test
	void createsTheTablesOnceAndThenSkipsTheScript() throws SQLException {
		assertThat(ApplicationBeans.jobTablesExist(this.dataSource)).isFalse();
		assertThat(initializer().initializeDatabase()).isTrue();
		assertThat(ApplicationBeans.jobTablesExist(this.dataSource)).isTrue();
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO BATCH_JOB_INSTANCE (JOB_INSTANCE_ID, VERSION, JOB_NAME, JOB_KEY) "
					+ "VALUES (NEXT VALUE FOR BATCH_JOB_INSTANCE_SEQ, 0, 'job', 'key')");
		}
		assertThat(initializer().initializeDatabase()).isFalse();
	}

	@Test
	void runsTheScriptAgainWhenAFirstStartStoppedHalfway() throws SQLException {
		assertThat(initializer().initializeDatabase()).isTrue();
		try (Connection connection = this.dataSource.getConnection(); Statement sql = connection.createStatement()) {
			sql.execute("DROP SEQUENCE BATCH_JOB_INSTANCE_SEQ");
		}
		assertThat(ApplicationBeans.jobTablesExist(this.dataSource)).isFalse();
		assertThat(initializer().initializeDatabase()).isTrue();
		assertThat(ApplicationBeans.jobTablesExist(this.dataSource)).isTrue();
	}

	private BatchDataSourceScriptDatabaseInitializer initializer() {
		BatchJdbcProperties properties = new BatchJdbcProperties();
		properties.setInitializeSchema(DatabaseInitializationMode.ALWAYS);
		BatchDataSourceScriptDatabaseInitializer initializer = new ApplicationBeans()
			.batchDataSourceInitializer(this.dataSource, properties);
		initializer.setResourceLoader(new DefaultResourceLoader());
		return initializer;
	}

}
