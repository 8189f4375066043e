package org.lottrace.trace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A query over the index whose values (lot codes, work orders, product codes, dates) are
 * never part of its text: each is a parameter of a prepared statement, and a large set of
 * values is one array parameter that the query unnests. A value from an export or a
 * request (a lot code with a quote or a NUL in it) therefore cannot change or cut the
 * SQL.
 * <p>
 * Sets of values, measured on a 1-million-event index: up to a few dozen values,
 * parameters ({@code IN (?, ?)}) answer about as fast as the literals they replace
 * (DuckDB plans them with their values, and uses its indexes); from there a semi-join on
 * an unnested array is several times faster than either (25-35 ms against 90-190 ms for
 * 600 record keys), and as fast as a temporary table, without creating one. Lot ids are
 * numbers lottrace made, not values from outside: a handful is written out, more go into
 * an array too (a literal list of 200 lot ids made DuckDB read every column of every
 * event row: 2 s against 0.26 s for a join, at 10 million events).
 */
final class SqlQuery {

	/** Up to this many strings are parameters each; more are one array parameter. */
	static final int PARAMETER_LIMIT = 20;

	/** Up to this many ints are written out; more are one array parameter. */
	static final int INT_LITERAL_LIMIT = 16;

	private final Connection connection;

	private final StringBuilder text = new StringBuilder();

	private final List<Object> values = new ArrayList<>();

	/**
	 * Whether values are written out in the text (a few lot ids): a statement of such a
	 * text is not kept for reuse, as no other query would have the same text.
	 */
	private boolean literals;

	/** A query on the connection of {@code statement}. */
	SqlQuery(Statement statement) throws SQLException {
		this.connection = statement.getConnection();
	}

	SqlQuery(Connection connection) {
		this.connection = connection;
	}

	/** A part of a query, with its own values. */
	@FunctionalInterface
	interface Part {

		void appendTo(SqlQuery query) throws SQLException;

	}

	/** Appends a part. */
	SqlQuery append(Part part) throws SQLException {
		part.appendTo(this);
		return this;
	}

	/** Appends SQL text: never a value. */
	SqlQuery sql(String sql) {
		this.text.append(sql);
		return this;
	}

	/** Appends a parameter for the value. */
	SqlQuery value(Object value) {
		this.text.append('?');
		this.values.add(value);
		return this;
	}

	/** Appends a parameter for a date, typed as one. */
	SqlQuery date(LocalDate date) {
		this.text.append("CAST(? AS DATE)");
		this.values.add(date.toString());
		return this;
	}

	/**
	 * Appends the inside of an {@code IN (...)} for the strings: parameters, or a
	 * sub-query that unnests them from one array parameter. An empty set matches nothing.
	 */
	SqlQuery strings(Collection<String> strings) throws SQLException {
		if (strings.isEmpty()) {
			return sql("NULL");
		}
		if (strings.size() <= PARAMETER_LIMIT) {
			String separator = "";
			for (String value : strings) {
				sql(separator).value(value);
				separator = ",";
			}
			return this;
		}
		return array("VARCHAR", strings.toArray());
	}

	/** Appends the inside of an {@code IN (...)} for the ints. */
	SqlQuery ints(Collection<Integer> ints) throws SQLException {
		if (ints.isEmpty()) {
			return sql("NULL");
		}
		if (ints.size() <= INT_LITERAL_LIMIT) {
			this.literals = true;
			String separator = "";
			for (int value : ints) {
				sql(separator + value);
				separator = ",";
			}
			return this;
		}
		return array("INTEGER", ints.toArray());
	}

	private SqlQuery array(String type, Object[] elements) throws SQLException {
		this.text.append("SELECT unnest(CAST(? AS ").append(type).append("[]))");
		this.values.add(this.connection.createArrayOf(type, elements));
		return this;
	}

	/**
	 * Runs the query; closing the result set closes its statement, or gives it back to
	 * its connection ({@link QueryConnections}).
	 */
	ResultSet query() throws SQLException {
		Prepared prepared = prepare();
		try {
			if (!prepared.kept()) {
				prepared.statement().closeOnCompletion();
				return prepared.statement().executeQuery();
			}
			ResultSet result = prepared.statement().executeQuery();
			((QueryConnections.KeptStatements) this.connection).opened(prepared.statement(), result);
			// the values went to DuckDB with the query: a kept statement does not hold
			// them (an array of a records request's lots) until its text runs again
			prepared.statement().clearParameters();
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			prepared.close();
			throw ex;
		}
	}

	/** Runs a statement that returns no rows. */
	void execute() throws SQLException {
		Prepared prepared = prepare();
		try {
			prepared.statement().execute();
		}
		finally {
			prepared.close();
		}
	}

	/**
	 * A statement with the query's values set.
	 *
	 * @param kept whether its connection keeps it for the next query of the same text
	 */
	private record Prepared(PreparedStatement statement, boolean kept) {

		/** Closes the statement, or clears it when kept. */
		void close() throws SQLException {
			if (this.kept) {
				this.statement.clearParameters();
			}
			else {
				this.statement.close();
			}
		}

	}

	private Prepared prepare() throws SQLException {
		String sql = this.text.toString();
		QueryConnections.KeptStatements keeping = (!this.literals
				&& this.connection instanceof QueryConnections.KeptStatements statements) ? statements : null;
		PreparedStatement statement = (keeping != null) ? keeping.kept(sql) : null;
		boolean kept = statement != null;
		if (statement == null) {
			statement = this.connection.prepareStatement(sql);
			try {
				kept = keeping != null && keeping.keep(sql, statement);
			}
			catch (SQLException | RuntimeException ex) {
				statement.close();
				throw ex;
			}
		}
		Prepared prepared = new Prepared(statement, kept);
		try {
			for (int i = 0; i < this.values.size(); i++) {
				statement.setObject(i + 1, this.values.get(i));
			}
		}
		catch (SQLException | RuntimeException ex) {
			prepared.close();
			throw ex;
		}
		return prepared;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
