package org.lottrace.trace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.DuckDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Connections kept open with their prepared statements, on a DuckDB database in memory
 * (and, for the lock, an index file).
 */
class QueryConnectionsTests {

	private DuckDBConnection database;

	private QueryConnections pool;

	private final List<Connection> opened = new ArrayList<>();

	@BeforeEach
	void open() throws SQLException {
		this.database = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
		try (Statement sql = this.database.createStatement()) {
			sql.execute("CREATE TABLE lot AS SELECT CAST(range AS INTEGER) AS lot_id, 'L' || range AS lot_code "
					+ "FROM range(100)");
		}
		this.pool = new QueryConnections(() -> {
			Connection connection = this.database.duplicate();
			this.opened.add(connection);
			return connection;
		});
	}

	@AfterEach
	void close() throws SQLException {
		this.pool.close();
		this.database.close();
	}

	@Test
	void aStatementIsPreparedOnceAndAnswersForEachQuerysValues() throws SQLException {
		try (Connection connection = this.pool.take(); Statement sql = connection.createStatement()) {
			// when
			List<String> first = codes(sql, Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17));
			String text = lookUp(sql, Set.of(1)).toString();
			List<String> second = codes(sql,
					Set.of(20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36));

			// then
			assertThat(first).hasSize(17).contains("L1", "L17").doesNotContain("L20");
			assertThat(second).hasSize(17).contains("L20", "L36").doesNotContain("L1");
			assertThat(sql.getConnection()).isSameAs(connection).isInstanceOf(QueryConnections.KeptStatements.class);
			QueryConnections.KeptStatements kept = (QueryConnections.KeptStatements) connection;
			assertThat(kept.kept(arrayText(sql))).isNotNull();
			// a few lot ids are written out: no other query has that text, none is kept
			assertThat(kept.kept(text)).isNull();
		}
	}

	@Test
	void aQueryOfTheSameTextWhileTheFirstsResultIsOpenGetsItsOwnStatement() throws SQLException {
		try (Connection connection = this.pool.take(); Statement sql = connection.createStatement()) {
			codes(sql, range(40, 60));

			// when
			List<String> outer = new ArrayList<>();
			List<String> inner = new ArrayList<>();
			try (ResultSet rs = lookUp(sql, range(0, 20)).query()) {
				while (rs.next()) {
					outer.add(rs.getString(1));
					if (inner.isEmpty()) {
						inner.addAll(codes(sql, range(60, 80)));
					}
				}
			}

			// then
			assertThat(outer).hasSize(20).contains("L0", "L19");
			assertThat(inner).hasSize(20).contains("L60", "L79");
		}
	}

	@Test
	void aConnectionGivenBackIsTakenAgainWithItsStatements() throws SQLException {
		// given
		Connection first = this.pool.take();
		String text;
		try (Statement sql = first.createStatement()) {
			codes(sql, range(0, 30));
			text = arrayText(sql);
		}
		first.close();

		// when
		try (Connection again = this.pool.take()) {
			// then
			assertThat(this.opened).hasSize(1);
			assertThat(((QueryConnections.KeptStatements) again).kept(text)).isNotNull();
		}
	}

	@Test
	void aKeptStatementReadsATableMadeAgain() throws SQLException {
		try (Connection connection = this.pool.take(); Statement sql = connection.createStatement()) {
			codes(sql, range(0, 30));

			// when: the table is made again, with other rows (a rebuild of the index)
			try (Statement other = this.database.createStatement()) {
				other.execute("DROP TABLE lot");
				other.execute("CREATE TABLE lot AS SELECT CAST(range AS INTEGER) AS lot_id, 'M' || range AS lot_code "
						+ "FROM range(50)");
			}

			// then
			assertThat(codes(sql, range(0, 30))).hasSize(30).allMatch((code) -> code.startsWith("M"));
			assertThat(codes(sql, range(40, 70))).hasSize(10);
		}
	}

	@Test
	void aConnectionLeftInATransactionIsNotKept() throws SQLException {
		// given
		Connection connection = this.pool.take();
		connection.setAutoCommit(false);

		// when
		connection.close();

		// then
		assertThat(this.opened.get(0).isClosed()).isTrue();
		try (Connection next = this.pool.take()) {
			assertThat(this.opened).hasSize(2);
			assertThat(next.getAutoCommit()).isTrue();
		}
	}

	@Test
	void closingThePoolClosesItsConnections() throws SQLException {
		// given
		Connection taken = this.pool.take();
		try (Connection idle = this.pool.take()) {
			assertThat(idle).isNotSameAs(taken);
		}

		// when
		this.pool.close();

		// then
		assertThat(this.opened.get(1).isClosed()).isTrue();
		assertThat(this.opened.get(0).isClosed()).isFalse();
		taken.close();
		assertThat(this.opened.get(0).isClosed()).isTrue();
		assertThatThrownBy(this.pool::take).isInstanceOf(SQLException.class);
	}

	@Test
	void closingTheIndexReleasesItsFileForAnotherProcess(@TempDir Path folder) throws SQLException {
		DuckDb duckDb = new DuckDb(new DuckDb.Settings("256MB", 1, null));
		LotIndex index = new LotIndex(folder.resolve("_index"), duckDb);
		try (Connection connection = index.read(); Statement sql = connection.createStatement()) {
			codesOfLots(sql);
		}

		// when
		index.close();

		// then: a connection kept open would keep the database, and its lock, open
		try (Connection other = duckDb.file(index.file(), false)) {
			assertThat(other.isClosed()).isFalse();
		}
	}

	private static void codesOfLots(Statement sql) throws SQLException {
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT count(*) FROM lot WHERE lot_id IN (")
			.ints(range(0, 30))
			.sql(")")
			.query()) {
			rs.next();
			assertThat(rs.getLong(1)).isZero();
		}
	}

	private static SqlQuery lookUp(Statement sql, Set<Integer> ids) throws SQLException {
		return new SqlQuery(sql).sql("SELECT lot_code FROM lot WHERE lot_id IN (").ints(ids).sql(") ORDER BY lot_id");
	}

	private static String arrayText(Statement sql) throws SQLException {
		return lookUp(sql, range(0, 30)).toString();
	}

	private static List<String> codes(Statement sql, Set<Integer> ids) throws SQLException {
		List<String> codes = new ArrayList<>();
		try (ResultSet rs = lookUp(sql, ids).query()) {
			while (rs.next()) {
				codes.add(rs.getString(1));
			}
		}
		return codes;
	}

	private static Set<Integer> range(int from, int to) {
		Set<Integer> ids = new java.util.TreeSet<>();
		for (int id = from; id < to; id++) {
			ids.add(id);
		}
		return ids;
	}

}
