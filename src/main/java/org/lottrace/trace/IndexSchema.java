package org.lottrace.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;
import org.lottrace.store.TableSchema;

/** The tables of the derived index. */
final class IndexSchema {

	private IndexSchema() {
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
		statement.execute("CREATE INDEX IF NOT EXISTS event_lot_code ON event (lot_code)");
		statement.execute("CREATE INDEX IF NOT EXISTS event_work_order ON event (work_order)");
		statement.execute("CREATE INDEX IF NOT EXISTS event_record_key ON event (record_key)");
		// lots: a traceability lot code together with who assigned it
		statement.execute("CREATE TABLE IF NOT EXISTS lot (lot_id INTEGER, lot_key VARCHAR, lot_code VARCHAR, "
				+ "lot_assigner VARCHAR)");
		statement.execute("CREATE INDEX IF NOT EXISTS lot_by_key ON lot (lot_key)");
		statement.execute("CREATE INDEX IF NOT EXISTS lot_by_code ON lot (lot_code)");
		statement.execute("CREATE INDEX IF NOT EXISTS lot_by_id ON lot (lot_id)");
		// local lot numbers (the ERP's receiving lot, our own lot codes) that scales and
		// shipping scan
		statement.execute("CREATE TABLE IF NOT EXISTS alias (alias VARCHAR, lot_id INTEGER, kind VARCHAR)");
		statement.execute("CREATE INDEX IF NOT EXISTS alias_by_name ON alias (alias)");
		statement.execute("CREATE INDEX IF NOT EXISTS alias_by_lot ON alias (lot_id)");
		// one row per transformation input event that could be linked: input lot ->
		// output lot
		statement.execute("CREATE TABLE IF NOT EXISTS link (input_key VARCHAR, input_lot INTEGER, output_lot INTEGER, "
				+ "work_order VARCHAR)");
		statement.execute("CREATE INDEX IF NOT EXISTS link_by_input ON link (input_lot)");
		statement.execute("CREATE INDEX IF NOT EXISTS link_by_output ON link (output_lot)");
		statement.execute("CREATE INDEX IF NOT EXISTS link_by_work_order ON link (work_order)");
		// inputs that could not be linked yet: a lot number nothing resolves, or a work
		// order without its output
		statement.execute("CREATE TABLE IF NOT EXISTS pending (input_key VARCHAR, lot_code VARCHAR, "
				+ "work_order VARCHAR, reason VARCHAR)");
		// export rows that did not become records: rejected, or pending until the data
		// they wait for arrives (resolved once a resolution commit made a record of them)
		statement.execute("CREATE TABLE IF NOT EXISTS held (" + columns(StoreSchemas.HELD_ROW) + ", resolved BOOLEAN)");
		statement.execute("CREATE INDEX IF NOT EXISTS held_by_work_order ON held (work_order)");
		statement.execute("CREATE INDEX IF NOT EXISTS held_by_lot_code ON held (lot_code)");
		// master data, replaced whole by each refresh that brings commits; empty (but
		// there)
		// before the store has any
		statement.execute("CREATE TABLE IF NOT EXISTS location (" + columns(StoreSchemas.LOCATION) + ")");
		statement.execute("CREATE TABLE IF NOT EXISTS product (" + columns(StoreSchemas.PRODUCT) + ")");
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
