package org.lottrace.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The setup a team would otherwise build: the lot links in a PostgreSQL table with B-tree
 * indexes on both columns, traced with {@code WITH RECURSIVE} (UNION, so rework cycles
 * end), JIT off. Used by the trace benchmark for comparison.
 */
public final class PostgresLinks implements AutoCloseable {

	private static final String BOTH_WAYS = "WITH RECURSIVE back(lot) AS (SELECT ?::int UNION SELECT l.input_lot "
			+ "FROM %1$s l JOIN back b ON l.output_lot = b.lot), fwd(lot) AS (SELECT lot FROM back UNION SELECT "
			+ "l.output_lot FROM %1$s l JOIN fwd f ON l.input_lot = f.lot) SELECT (SELECT count(*) FROM back) + "
			+ "(SELECT count(*) FROM fwd)";

	private final Connection connection;

	private final String table;

	private final PreparedStatement trace;

	private PostgresLinks(Connection connection, String table) throws SQLException {
		this.connection = connection;
		this.table = table;
		this.trace = connection.prepareStatement(String.format(BOTH_WAYS, table));
	}

	/**
	 * Connects and makes sure table {@code table} holds exactly the given links (loaded
	 * when it does not).
	 */
	public static PostgresLinks open(String url, String table, int[] inputs, int[] outputs)
			throws SQLException {
		Connection connection = DriverManager.getConnection(url);
		try (Statement statement = connection.createStatement()) {
			// PostgreSQL's JIT compiles this query for about 100 ms on each run, its cost
			// estimate of a recursive query being high: measured 95 ms with it, 1.5 ms
			// without, at 10M events. A team running this query would turn it off.
			statement.execute("SET jit = off");
			statement.execute("CREATE TABLE IF NOT EXISTS " + table + " (input_lot integer, output_lot integer)");
			long rows;
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
				rs.next();
				rows = rs.getLong(1);
			}
			if (rows != inputs.length) {
				statement.execute("TRUNCATE " + table);
				copy(connection, table, inputs, outputs);
				statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_in ON " + table + " (input_lot)");
				statement.execute("CREATE INDEX IF NOT EXISTS " + table + "_out ON " + table + " (output_lot)");
				statement.execute("ANALYZE " + table);
			}
		}
		return new PostgresLinks(connection, table);
	}

	/**
	 * Loads the links a million at a time, each batch as two integer arrays unnested by
	 * one INSERT (plain JDBC: the driver is needed only at run time).
	 */
	private static void copy(Connection connection, String table, int[] inputs, int[] outputs) throws SQLException {
		int batch = 1_000_000;
		try (PreparedStatement insert = connection
			.prepareStatement("INSERT INTO " + table + " SELECT * FROM unnest(?::integer[], ?::integer[])")) {
			for (int from = 0; from < inputs.length; from += batch) {
				int to = Math.min(inputs.length, from + batch);
				insert.setArray(1, connection.createArrayOf("integer", boxed(inputs, from, to)));
				insert.setArray(2, connection.createArrayOf("integer", boxed(outputs, from, to)));
				insert.executeUpdate();
			}
		}
	}

	private static Integer[] boxed(int[] values, int from, int to) {
		Integer[] boxed = new Integer[to - from];
		for (int i = from; i < to; i++) {
			boxed[i - from] = values[i];
		}
		return boxed;
	}

	/** Traces a lot both ways. @return lots reached (backward plus forward) */
	public long traceBothWays(int lot) throws SQLException {
		this.trace.setInt(1, lot);
		try (ResultSet rs = this.trace.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	public String table() {
		return this.table;
	}

	@Override
	public void close() throws SQLException {
		this.connection.close();
	}

}
