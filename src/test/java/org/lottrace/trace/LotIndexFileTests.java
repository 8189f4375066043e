package org.lottrace.trace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.DuckDb;

import static org.assertj.core.api.Assertions.assertThat;

/** The index's database file: how its tables are laid out, across openings. */
class LotIndexFileTests {

	private final DuckDb duckDb = new DuckDb(new DuckDb.Settings("512MB", 2, null));

	@Test
	void theTablesKeepSmallRowGroupsAcrossOpeningsAndCheckpoints(@TempDir Path folder) throws SQLException {
		// given: 50,000 lots written and checkpointed
		try (LotIndex index = new LotIndex(folder.resolve("_index"), this.duckDb);
				Connection connection = index.connect();
				Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO lot SELECT CAST(range AS INTEGER), 'k' || range, 'c' || range, 'BAKERY-01' "
					+ "FROM range(50000)");
			sql.execute("CHECKPOINT");
		}

		// when: opened again, written to and checkpointed (DuckDB merges row groups
		// smaller than the size a database is attached with)
		try (LotIndex index = new LotIndex(folder.resolve("_index"), this.duckDb);
				Connection connection = index.connect();
				Statement sql = connection.createStatement()) {
			sql.execute("INSERT INTO lot SELECT CAST(range AS INTEGER), 'k' || range, 'c' || range, 'BAKERY-01' "
					+ "FROM range(50000, 60000)");
			sql.execute("CHECKPOINT");

			// then: groups of 16,384 rows (at DuckDB's default, one group of 60,000)
			assertThat(LotIndex.ROW_GROUP_SIZE).isEqualTo(16_384);
			assertThat(rowGroups(sql, "lot")).isGreaterThanOrEqualTo(4);
			try (ResultSet rs = sql.executeQuery("SELECT count(*), current_database() FROM lot")) {
				rs.next();
				assertThat(rs.getLong(1)).isEqualTo(60_000);
				assertThat(rs.getString(2)).isEqualTo(LotIndex.CATALOG);
			}
		}
	}

	@Test
	void everyConnectionReadsTheIndexsTablesByTheirNames(@TempDir Path folder) throws SQLException {
		try (LotIndex index = new LotIndex(folder.resolve("_index"), this.duckDb)) {
			try (Connection connection = index.connect(); Statement sql = connection.createStatement()) {
				sql.execute("INSERT INTO lot VALUES (1, 'k1', 'C1', 'BAKERY-01')");
			}
			for (Connection connection : new Connection[] { index.connect(), index.read() }) {
				try (connection;
						Statement sql = connection.createStatement();
						ResultSet rs = sql.executeQuery("SELECT lot_code FROM lot")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo("C1");
				}
			}
		}
	}

	private static long rowGroups(Statement sql, String table) throws SQLException {
		try (ResultSet rs = sql
			.executeQuery("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('" + table + "')")) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
