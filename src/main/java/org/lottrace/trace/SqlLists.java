package org.lottrace.trace;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lottrace.store.DuckDb;

/**
 * Sets of values in queries. Strings, up to a few thousand, are written as SQL literals,
 * which DuckDB answers from its ART indexes (lot codes, work orders); larger sets go into
 * a temporary table and are joined. Lot ids go into the temporary table from a handful
 * on: measured on a 10-million-event index, DuckDB turns a literal list of 200 ints into
 * a mark join after reading every column of every row (2 s for the events of 200 lots),
 * where the join on a temporary table pushes the filter into the scan (0.26 s).
 */
final class SqlLists {

	static final int LITERAL_LIMIT = 2000;

	static final int INT_LITERAL_LIMIT = 16;

	private static final int INSERT_BATCH = 1000;

	private SqlLists() {
	}

	/**
	 * The inside of an {@code IN (...)} for these strings: literals, or a sub-query on a
	 * temporary table.
	 */
	static String strings(Statement sql, String table, Collection<String> values) throws SQLException {
		return inside(sql, table, values, LITERAL_LIMIT, "VARCHAR", (v) -> "'" + DuckDb.sql(v) + "'");
	}

	/** The inside of an {@code IN (...)} for these ints. */
	static String ints(Statement sql, String table, Collection<Integer> values) throws SQLException {
		return inside(sql, table, values, INT_LITERAL_LIMIT, "INTEGER", String::valueOf);
	}

	/** Literals for the values, comma-separated ({@code NULL} for none). */
	static <T> String literals(Collection<T> values, Function<T, String> literal) {
		return values.isEmpty() ? "NULL" : values.stream().map(literal).collect(Collectors.joining(","));
	}

	private static <T> String inside(Statement sql, String table, Collection<T> values, int literalLimit, String type,
			Function<T, String> literal) throws SQLException {
		if (values.size() <= literalLimit) {
			return literals(values, literal);
		}
		sql.execute("CREATE OR REPLACE TEMP TABLE " + table + " (v " + type + ")");
		List<T> all = List.copyOf(values);
		for (int i = 0; i < all.size(); i += INSERT_BATCH) {
			sql.execute("INSERT INTO " + table + " VALUES " + literals(
					all.subList(i, Math.min(all.size(), i + INSERT_BATCH)), (v) -> "(" + literal.apply(v) + ")"));
		}
		return "SELECT v FROM " + table;
	}

}
