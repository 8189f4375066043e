package org.lottrace.trace;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's tables and look-up indexes, on a DuckDB database in memory. */
class IndexSchemaTests {

	@Test
	void dropsTheIndexesOfEarlierVersionsThatNoQueryUsed() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = connection.createStatement()) {
			// given: an index of the version before, with its indexes on record keys and
			// lot codes
			IndexSchema.create(sql);
			sql.execute("CREATE INDEX event_lot_code ON event (lot_code)");
			sql.execute("CREATE INDEX event_record_key ON event (record_key)");

			// when: it is opened again
			IndexSchema.ensure(sql);

			// then
			assertThat(indexes(sql)).doesNotContain("event_lot_code", "event_record_key").contains("event_work_order");
		}
	}

	@Test
	void dropsAndBuildsTheLookUpIndexesAroundABulkLoad() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = connection.createStatement()) {
			// given
			IndexSchema.create(sql);
			List<String> all = indexes(sql);

			// when
			IndexSchema.dropIndexes(sql);
			List<String> during = indexes(sql);
			IndexSchema.createIndexes(sql);

			// then
			assertThat(all).hasSize(11);
			assertThat(during).isEmpty();
			assertThat(indexes(sql)).isEqualTo(all);
		}
	}

	@Test
	void makesOnlyWhatIsMissingWhenTheIndexIsOpened() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = connection.createStatement()) {
			// a new index: nothing there
			assertThat(IndexSchema.complete(sql)).isFalse();
			IndexSchema.ensure(sql);
			assertThat(IndexSchema.complete(sql)).isTrue();
			List<String> all = indexes(sql);
			assertThat(all).hasSize(11);
			sql.execute("INSERT INTO lot VALUES (1, 'BAKERY-01|C1', 'C1', 'BAKERY-01')");

			// a look-up index that a bulk load dropped when the process was killed
			sql.execute("DROP INDEX lot_by_code");
			assertThat(IndexSchema.complete(sql)).isFalse();
			IndexSchema.ensure(sql);
			assertThat(indexes(sql)).isEqualTo(all);

			// a table missing
			sql.execute("DROP TABLE pending");
			assertThat(IndexSchema.complete(sql)).isFalse();
			IndexSchema.ensure(sql);
			assertThat(IndexSchema.complete(sql)).isTrue();

			// what was there is kept
			try (ResultSet rs = sql.executeQuery("SELECT lot_code FROM lot")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("C1");
			}
		}
	}

	@Test
	void seesOnlyTheIndexsOwnTablesAsComplete() throws SQLException {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = connection.createStatement()) {
			// another attached database with every table is not this one's schema
			sql.execute("ATTACH ':memory:' AS other");
			sql.execute("USE other");
			IndexSchema.create(sql);
			sql.execute("USE memory");
			assertThat(IndexSchema.complete(sql)).isFalse();
		}
	}

	private static List<String> indexes(Statement sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("SELECT index_name FROM duckdb_indexes() ORDER BY 1")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		return names;
	}

}
