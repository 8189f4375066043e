package org.lottrace.trace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lottrace.ingest.IngestResult;

/**
 * A real store of a trace test (Parquet files and commit log written by the ingestion
 * job) and the derived index it is traced through.
 */
public final class TraceStore implements AutoCloseable {

	private final TraceStores stores;

	private final Path root;

	private final LotIndex index;

	private final IndexRefresher refresher;

	private final TraceService traces;

	private final Runnable closer;

	TraceStore(TraceStores stores, Path root, LotIndex index, IndexRefresher refresher, TraceService traces,
			Runnable closer) {
		this.stores = stores;
		this.root = root;
		this.index = index;
		this.refresher = refresher;
		this.traces = traces;
		this.closer = closer;
	}

	public Path root() {
		return this.root;
	}

	/**
	 * Ingests fixtures (paths under {@code src/test/resources/trace}), one after another.
	 */
	public TraceStore ingest(String... fixtures) {
		ingest(Arrays.stream(fixtures).map(TraceStores.FIXTURES::resolve).toArray(Path[]::new));
		return this;
	}

	/** Ingests exports one after another, in this order. */
	public List<IngestResult> ingest(Path... exports) {
		return this.stores.ingest(this, List.of(exports));
	}

	public IndexRefresher.Result refresh() {
		return this.refresher.refresh();
	}

	public TraceService traces() {
		return this.traces;
	}

	public LotIndex index() {
		return this.index;
	}

	public TraceResult trace(TraceRequest request) {
		return this.traces.trace(request);
	}

	public TraceAnalysis analysis(TraceRequest request) {
		return TraceAnalysis.of(trace(request), this.stores.units());
	}

	/** Deletes the index; the next refresh rebuilds it from the store. */
	public void deleteIndex() {
		this.index.delete();
	}

	/** The rows of a query on the index, each as its values joined by {@code |}. */
	public List<String> query(String sql) {
		try (Connection connection = this.index.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			List<String> rows = new ArrayList<>();
			while (rs.next()) {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= columns; i++) {
					values.add(String.valueOf(rs.getObject(i)));
				}
				rows.add(String.join("|", values));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	/** What the index holds, with lots named by code and assigner rather than by id. */
	public IndexContent content() {
		String lot = "(%1$s.lot_code || '/' || %1$s.lot_assigner)";
		return new IndexContent(query("SELECT lot_code || '/' || lot_assigner FROM lot ORDER BY 1"),
				query("SELECT a.alias || ' -> ' || " + lot.formatted("l") + " || ' ' || a.kind FROM alias a "
						+ "JOIN lot l USING (lot_id) ORDER BY 1"),
				query("SELECT e.record_key || ' ' || e.file_id || ' superseded=' || e.superseded || ' lot=' || "
						+ "coalesce(" + lot.formatted("l") + ", '-') FROM event e LEFT JOIN lot l USING (lot_id) "
						+ "ORDER BY 1"),
				query("SELECT k.input_key || ': ' || " + lot.formatted("i") + " || ' -> ' || " + lot.formatted("o")
						+ " || ' ' || k.work_order FROM link k JOIN lot i ON i.lot_id = k.input_lot "
						+ "JOIN lot o ON o.lot_id = k.output_lot ORDER BY 1"),
				query("SELECT input_key || ' ' || lot_code || ' ' || work_order || ': ' || reason FROM pending "
						+ "ORDER BY 1"));
	}

	/** Deletes the index, rebuilds it from the store and says what it holds. */
	public IndexContent rebuiltContent() {
		deleteIndex();
		refresh();
		return content();
	}

	@Override
	public void close() {
		this.closer.run();
	}

	/** The index's tables, lots named by code and assigner. */
	public record IndexContent(List<String> lots, List<String> aliases, List<String> events, List<String> links,
			List<String> pending) {

	}

}
