package org.lottrace.trace;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
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

	private SqlLists() {
	}

	/**
	 * The inside of an {@code IN (...)} for these strings: literals, or a sub-query on a
	 * temporary table.
	 */
	static String strings(Statement sql, String table, Collection<String> values) throws SQLException {
		if (values.isEmpty()) {
			return "NULL";
		}
		if (values.size() <= LITERAL_LIMIT) {
			return values.stream().map((v) -> "'" + DuckDb.sql(v) + "'").collect(Collectors.joining(","));
		}
		sql.execute("CREATE OR REPLACE TEMP TABLE " + table + " (v VARCHAR)");
		List<String> all = List.copyOf(values);
		for (int i = 0; i < all.size(); i += 1000) {
			sql.execute("INSERT INTO " + table + " VALUES "
					+ all.subList(i, Math.min(all.size(), i + 1000))
						.stream()
						.map((v) -> "('" + DuckDb.sql(v) + "')")
						.collect(Collectors.joining(",")));
		}
		return "SELECT v FROM " + table;
	}

	/** The inside of an {@code IN (...)} for these ints. */
	static String ints(Statement sql, String table, Collection<Integer> values) throws SQLException {
		if (values.isEmpty()) {
			return "NULL";
		}
		if (values.size() <= INT_LITERAL_LIMIT) {
			return values.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		sql.execute("CREATE OR REPLACE TEMP TABLE " + table + " (v INTEGER)");
		List<Integer> all = List.copyOf(values);
		for (int i = 0; i < all.size(); i += 5000) {
			sql.execute("INSERT INTO " + table + " VALUES "
					+ all.subList(i, Math.min(all.size(), i + 5000))
						.stream()
						.map((v) -> "(" + v + ")")
						.collect(Collectors.joining(",")));
		}
		return "SELECT v FROM " + table;
	}

}
