package org.lottrace.cli;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader that is not lottrace (Iceberg's own generic reader, opening the tables by
 * path) reads what an ingestion of {@code sample-data/} committed: one snapshot per
 * export with its source, file, SHA-256 and counts, and exactly the committed records.
 */
class IcebergReaderFunctionalTests {

	private static final List<StoreTable> TABLES = List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION,
			StoreTable.PRODUCT);

	@TempDir
	static Path store;

	@BeforeAll
	static void ingestSampleData() throws Exception {
		Cli.Result result = Cli.run("ingest", "--store", store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REJECTS);
	}

	@Test
	void listsOneSnapshotPerExportWithItsSourceFileSha256AndCounts() {
		// given: the exports the store committed
		List<StoreCommit> commits = new CommitLog(new StoreLayout(store)).all();
		assertThat(commits).hasSize(22);

		// when: every snapshot of every table, read by path
		List<Map<String, String>> summaries = new ArrayList<>();
		for (StoreTable table : TABLES) {
			for (Snapshot snapshot : open(table).snapshots()) {
				summaries.add(snapshot.summary());
			}
		}

		// then: each export has exactly one, saying what it brought
		assertThat(summaries).hasSize(commits.size());
		for (StoreCommit commit : commits) {
			assertThat(summaries).filteredOn((s) -> commit.sha256().equals(s.get("lottrace.sha256")))
				.singleElement()
				.satisfies((s) -> {
					assertThat(s).containsEntry("lottrace.source", commit.source())
						.containsEntry("lottrace.file", commit.file())
						.containsEntry("lottrace.read", Long.toString(commit.read()))
						.containsEntry("lottrace.written", Long.toString(commit.written()))
						.containsEntry("lottrace.rejected", Long.toString(commit.rejected()))
						.containsEntry("lottrace.pending", Long.toString(commit.pending()))
						.containsEntry("added-records", Long.toString(commit.written()));
				});
		}
	}

	@Test
	void readsExactlyTheCommittedRecordsOfEachTable() throws Exception {
		StoreCatalog catalog = new StoreCatalog(new StoreLayout(store));
		for (StoreTable table : TABLES) {
			// when: the table read by Iceberg's generic reader, and the committed files
			// by DuckDB
			Table iceberg = open(table);
			List<String> read = new ArrayList<>();
			try (CloseableIterable<Record> records = IcebergGenerics.read(iceberg).build()) {
				for (Record record : records) {
					read.add(row(record, iceberg.schema().columns()));
				}
			}
			List<String> committed = committed(catalog, table);

			// then: the same rows, and the table's files are the committed ones
			assertThat(read).as(table.sqlName()).isNotEmpty().containsExactlyInAnyOrderElementsOf(committed);
			assertThat(files(iceberg)).as(table.sqlName()).containsExactlyInAnyOrderElementsOf(catalog.files(table));
		}
	}

	@Test
	void filtersOnCteAndEventTimeAsTheCommittedFilesSay() throws Exception {
		// given
		Table events = open(StoreTable.KDE_EVENT);
		LocalDateTime from = LocalDateTime.of(2026, 10, 12, 0, 0);

		// when: a filter Iceberg answers from partitions and file and row-group
		// statistics
		long read = 0;
		try (CloseableIterable<Record> records = IcebergGenerics.read(events)
			.where(Expressions.and(Expressions.equal("cte", "transformation"),
					Expressions.greaterThanOrEqual("event_time", "2026-10-12T00:00:00")))
			.build()) {
			for (Record record : records) {
				if ("transformation".equals(record.getField("cte"))
						&& !((LocalDateTime) record.getField("event_time")).isBefore(from)) {
					read++;
				}
			}
		}

		// then: as many as DuckDB counts in the committed files, and not all of them
		assertThat(read).isPositive()
			.isEqualTo(Long.parseLong(query("SELECT count(*) FROM kde_event_all WHERE cte = 'transformation' "
					+ "AND event_time >= TIMESTAMP '2026-10-12 00:00:00'")))
			.isLessThan(Long.parseLong(query("SELECT count(*) FROM kde_event_all WHERE cte = 'transformation'")));
	}

	private static Table open(StoreTable table) {
		return new HadoopTables(new Configuration())
			.load(store.resolve("iceberg/lottrace/" + table.sqlName()).toUri().toString());
	}

	private static List<Path> files(Table table) throws Exception {
		try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
			return StreamSupport.stream(tasks.spliterator(), false)
				.map((t) -> Path.of(java.net.URI.create(t.file().location())))
				.toList();
		}
	}

	private static String row(Record record, List<Types.NestedField> columns) {
		List<String> values = new ArrayList<>();
		for (Types.NestedField column : columns) {
			values.add(value(record.getField(column.name())));
		}
		return String.join("|", values);
	}

	private static List<String> committed(StoreCatalog catalog, StoreTable table) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, catalog);
			List<String> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table.sqlName() + "_all")) {
				ResultSetMetaData meta = rs.getMetaData();
				while (rs.next()) {
					List<String> values = new ArrayList<>();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						values.add(value(rs.getObject(i)));
					}
					rows.add(String.join("|", values));
				}
			}
			return rows;
		}
	}

	private static String query(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(store)));
			try (ResultSet rs = statement.executeQuery(sql)) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	/** One value as both readers give it, in one spelling. */
	private static String value(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof OffsetDateTime time) {
			return time.toInstant().toString();
		}
		if (value instanceof java.sql.Timestamp time) {
			return time.toLocalDateTime().toString();
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate().toString();
		}
		if (value instanceof BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		if (value instanceof LocalDate || value instanceof LocalDateTime) {
			return value.toString();
		}
		return value.toString();
	}

}
