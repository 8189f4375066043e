package org.lottrace.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;
import org.lottrace.store.TableSchema;

/** The tables of the derived index. */
final class IndexSchema {

	/**
	 * The indexes, for look-ups of a few keys given as values (DuckDB never joins through
	 * one): of a lot by code, key, alias or id, of the records of up to
	 * {@link SqlQuery#PARAMETER_LIMIT} work orders, of the links of a lot when there is
	 * no link file.
	 */
	private static final List<String> INDEXES = List.of("event_work_order ON event (work_order)",
			"lot_by_key ON lot (lot_key)", "lot_by_code ON lot (lot_code)", "lot_by_id ON lot (lot_id)",
			"alias_by_name ON alias (alias)", "alias_by_lot ON alias (lot_id)", "link_by_input ON link (input_lot)",
			"link_by_output ON link (output_lot)", "link_by_work_order ON link (work_order)",
			"held_by_work_order ON held (work_order)", "held_by_lot_code ON held (lot_code)");

	/** The tables {@link #create} makes. */
	private static final List<String> TABLES = List.of("meta", "applied", "event", "lot", "alias", "link", "pending",
			"held", "location", "product");

	/** The indexes of earlier versions that {@link #create} drops. */
	private static final List<String> DROPPED = List.of("event_lot_code", "event_record_key");

	private IndexSchema() {
	}

	/**
	 * Makes what is missing of the schema, at every opening of the index: nothing when
	 * every table and look-up index is there and none that an earlier version had. One
	 * query instead of the 26 statements of {@link #create}: on the 50M benchmark's
	 * index, as a fresh process's first statement, 49-58 ms against 59-107 ms (README,
	 * Performance; most of either is DuckDB's first statement on the file).
	 */
	static void ensure(Statement statement) throws SQLException {
		if (!complete(statement)) {
			create(statement);
		}
	}

	/**
	 * Whether every table and look-up index is there, and no index of an earlier version.
	 */
	static boolean complete(Statement statement) throws SQLException {
		String here = "database_name = current_database() AND schema_name = current_schema()";
		String sql = "SELECT (SELECT count(*) FROM duckdb_tables() WHERE " + here + " AND table_name IN ("
				+ quoted(TABLES) + ")), (SELECT count(*) FROM duckdb_indexes() WHERE " + here + " AND index_name IN ("
				+ quoted(INDEXES.stream().map(IndexSchema::name).toList())
				+ ")), (SELECT count(*) FROM duckdb_indexes() WHERE " + here + " AND index_name IN (" + quoted(DROPPED)
				+ "))";
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1) == TABLES.size() && rs.getInt(2) == INDEXES.size() && rs.getInt(3) == 0;
		}
	}

	private static String quoted(List<String> names) {
		return names.stream().map((name) -> "'" + name + "'").collect(Collectors.joining(", "));
	}

	static void create(Statement statement) throws SQLException {
		statement.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)");
		statement.execute("INSERT OR IGNORE INTO meta VALUES ('version', '" + LotIndex.VERSION + "')");
		// every commit applied to the index, so a refresh reads only what is new
		statement.execute("CREATE TABLE IF NOT EXISTS applied (file_id VARCHAR, applied_at TIMESTAMP WITH TIME ZONE)");
		// every version of every KDE event, as in the store, plus the ingestion it came
		// from
		statement.execute("CREATE TABLE IF NOT EXISTS event (" + columns(StoreSchemas.KDE_EVENT)
				+ ", file_id VARCHAR, superseded BOOLEAN, lot_id INTEGER)");
		// lots: a traceability lot code together with who assigned it
		statement.execute("CREATE TABLE IF NOT EXISTS lot (lot_id INTEGER, lot_key VARCHAR, lot_code VARCHAR, "
				+ "lot_assigner VARCHAR)");
		// local lot numbers (the ERP's receiving lot, our own lot codes) that scales and
		// shipping scan
		statement.execute("CREATE TABLE IF NOT EXISTS alias (alias VARCHAR, lot_id INTEGER, kind VARCHAR)");
		// one row per transformation input event that could be linked: input lot ->
		// output lot
		statement.execute("CREATE TABLE IF NOT EXISTS link (input_key VARCHAR, input_lot INTEGER, output_lot INTEGER, "
				+ "work_order VARCHAR)");
		// inputs that could not be linked yet: a lot number nothing resolves, or a work
		// order without its output
		statement.execute("CREATE TABLE IF NOT EXISTS pending (input_key VARCHAR, lot_code VARCHAR, "
				+ "work_order VARCHAR, reason VARCHAR)");
		// export rows that did not become records: rejected, or pending until the data
		// they wait for arrives (resolved once a resolution commit made a record of them)
		statement.execute("CREATE TABLE IF NOT EXISTS held (" + columns(StoreSchemas.HELD_ROW) + ", resolved BOOLEAN)");
		// master data, replaced whole by each refresh that brings commits; empty (but
		// there)
		// before the store has any
		statement.execute("CREATE TABLE IF NOT EXISTS location (" + columns(StoreSchemas.LOCATION) + ")");
		statement.execute("CREATE TABLE IF NOT EXISTS product (" + columns(StoreSchemas.PRODUCT) + ")");
		// indexes of earlier versions that no query used (every lookup by record key or
		// lot code is a join, which DuckDB answers with a scan), while DuckDB held them
		// in memory for every insert
		for (String index : DROPPED) {
			statement.execute("DROP INDEX IF EXISTS " + index);
		}
		createIndexes(statement);
	}

	/** Creates the indexes that are not there. */
	static void createIndexes(Statement statement) throws SQLException {
		for (String index : INDEXES) {
			statement.execute("CREATE INDEX IF NOT EXISTS " + index);
		}
	}

	/**
	 * Drops the indexes, for a load of millions of rows: DuckDB keeps the changes to an
	 * index in memory until the transaction commits (at 50 million events more than the
	 * default 2GB). {@link #createIndexes} (and every opening of the index, after a
	 * crash) makes them again, over the rows loaded.
	 */
	static void dropIndexes(Statement statement) throws SQLException {
		for (String index : INDEXES) {
			statement.execute("DROP INDEX IF EXISTS " + name(index));
		}
	}

	/** The name of an index of {@link #INDEXES}: its definition's first word. */
	private static String name(String index) {
		return index.substring(0, index.indexOf(' '));
	}

	private static String columns(TableSchema<?> schema) {
		return schema.columns()
			.stream()
			.map((c) -> c.name() + " " + DuckDb.sqlType(c.type()) + (c.required() ? " NOT NULL" : ""))
			.collect(Collectors.joining(", "));
	}

	/**
	 * The generation of the index's links: a new one with each refresh that applies
	 * commits; the link file names the generation it was written for.
	 */
	static @Nullable String linkGeneration(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'links'")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

	/** Starts a new generation of the links (in the caller's transaction). */
	static String newLinkGeneration(Statement statement) throws SQLException {
		String generation = java.util.UUID.randomUUID().toString();
		statement.execute("INSERT OR REPLACE INTO meta VALUES ('links', '" + generation + "')");
		return generation;
	}

	static @Nullable String version(Statement statement) throws SQLException {
		try (ResultSet rs = statement.executeQuery("SELECT value FROM meta WHERE key = 'version'")) {
			return rs.next() ? rs.getString(1) : null;
		}
	}

}
