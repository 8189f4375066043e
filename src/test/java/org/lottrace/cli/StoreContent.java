package org.lottrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;

/**
 * What a store holds, row for row, without what differs between two runs of the same
 * ingestion (ingestion times, job execution ids, the trace index's internal lot ids): two
 * stores with equal content answer every trace and request alike.
 *
 * @param events every committed version of every KDE event
 * @param locations every committed location row
 * @param products every committed product row
 * @param held every committed held row (rejected or pending)
 * @param commits the commit log, by export
 * @param reports the rejects and pending reports, by path
 * @param index the trace index: lots, aliases and links by lot key, inputs left pending
 * @param iceberg the Iceberg tables, opened by path: each snapshot's export and counts,
 * and each current data file with its row count
 */
record StoreContent(List<String> events, List<String> locations, List<String> products, List<String> held,
		List<StoreCommit> commits, Map<String, String> reports, List<String> index, List<String> iceberg) {

	static StoreContent of(Path store) throws SQLException, IOException {
		StoreLayout layout = new StoreLayout(store);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
			DuckDb.createViews(connection, new StoreCatalog(layout));
			return new StoreContent(rows(connection, "kde_event_all"), rows(connection, "location_all"),
					rows(connection, "product_all"), rows(connection, "held_row_all"), commits(layout),
					reports(store.resolve("rejects")), index(layout), iceberg(store));
		}
	}

	private static List<String> rows(Connection connection, String view) throws SQLException {
		return query(connection, "SELECT * EXCLUDE (ingested_at) FROM " + view + " ORDER BY ALL");
	}

	private static List<StoreCommit> commits(StoreLayout layout) {
		return new CommitLog(layout).all()
			.stream()
			.map((c) -> new StoreCommit(c.source(), c.file(), c.sha256(), c.mapping(), c.mappingSha256(), Instant.EPOCH,
					0, c.read(), c.written(), c.rejected(), c.pending(), c.files(), c.heldFiles(), c.rejectsFile(),
					c.pendingFile(), c.resolves(), c.superseded()))
			.sorted(Comparator.comparing(StoreCommit::fileId))
			.toList();
	}

	private static Map<String, String> reports(Path folder) throws IOException {
		Map<String, String> reports = new TreeMap<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.walk(folder)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					reports.put(folder.relativize(file).toString(), Files.readString(file));
				}
			}
		}
		return reports;
	}

	private static List<String> index(StoreLayout layout) throws SQLException {
		Properties readOnly = new Properties();
		readOnly.setProperty("duckdb.read_only", "true");
		try (Connection connection = DriverManager
			.getConnection("jdbc:duckdb:" + layout.index().resolve("lottrace.duckdb"), readOnly)) {
			List<String> content = new ArrayList<>();
			content.addAll(query(connection, "SELECT 'lot ' || lot_key FROM lot ORDER BY ALL"));
			content.addAll(query(connection, "SELECT 'alias ' || a.alias || ' ' || l.lot_key || ' ' || a.kind "
					+ "FROM alias a JOIN lot l USING (lot_id) ORDER BY ALL"));
			content.addAll(query(connection,
					"SELECT 'link ' || k.input_key || ' ' || i.lot_key || ' ' || o.lot_key "
							+ "|| ' ' || k.work_order FROM link k JOIN lot i ON i.lot_id = k.input_lot "
							+ "JOIN lot o ON o.lot_id = k.output_lot ORDER BY ALL"));
			content.addAll(query(connection, "SELECT 'pending ' || concat_ws(' ', input_key, lot_code, work_order, "
					+ "reason) FROM pending ORDER BY ALL"));
			content.addAll(query(connection, "SELECT 'event ' || count(*) || ' ' || count(*) FILTER (superseded) || "
					+ "' ' || count(lot_id) FROM event"));
			content
				.addAll(query(connection, "SELECT 'held ' || count(*) || ' ' || count(*) FILTER (resolved) FROM held"));
			return content;
		}
	}

	private static List<String> iceberg(Path store) throws IOException {
		List<String> content = new ArrayList<>();
		for (String name : List.of("kde_event", "location", "product")) {
			Path location = store.resolve("iceberg/lottrace/" + name);
			if (!Files.isDirectory(location)) {
				continue;
			}
			org.apache.iceberg.Table table = new org.apache.iceberg.hadoop.HadoopTables(
					new org.apache.hadoop.conf.Configuration())
				.load(location.toUri().toString());
			for (org.apache.iceberg.Snapshot snapshot : table.snapshots()) {
				Map<String, String> summary = snapshot.summary();
				content
					.add("snapshot " + name + " " + summary.get("lottrace.source") + " " + summary.get("lottrace.file")
							+ " " + summary.get("lottrace.sha256") + " " + summary.get("lottrace.written") + " "
							+ summary.get("lottrace.rows") + " " + summary.get("added-data-files"));
			}
			try (var tasks = table.newScan().planFiles()) {
				for (org.apache.iceberg.FileScanTask task : tasks) {
					content.add("file " + name + " "
							+ store.relativize(Path.of(java.net.URI.create(task.file().location()))) + " "
							+ task.file().recordCount());
				}
			}
		}
		content.sort(null);
		return content;
	}

	private static List<String> query(Connection connection, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			ResultSetMetaData meta = rs.getMetaData();
			while (rs.next()) {
				StringBuilder row = new StringBuilder();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					row.append((i > 1) ? " | " : "").append(rs.getString(i));
				}
				rows.add(row.toString());
			}
		}
		return rows;
	}

}
