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
			IndexSchema.create(sql);

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
