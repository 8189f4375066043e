package org.lottrace.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.spark.SparkSessions;
import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;
import org.lottrace.trace.SparkIndex;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job on the store of {@code sample-data/} (ingested by the packaged command
 * line) answers as the embedded path does, file for file: the FDA CSVs and
 * {@code trace.json} of a two-way trace, the CSVs and {@code records.json} of a request
 * by foods and dates; and Spark, by path, reads exactly the committed records and lists
 * one snapshot per export.
 */
class SparkSampleStoreFunctionalTests {

	private static final List<StoreTable> TABLES = List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION,
			StoreTable.PRODUCT);

	@TempDir
	static Path dir;

	static Path store;

	@BeforeAll
	static void ingestSampleData() throws Exception {
		store = dir.resolve("store");
		Cli.Result result = Cli.run("ingest", "--store", store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REJECTS);
	}

	@Test
	void tracesALotBothWaysAsTheEmbeddedPathDoes() throws Exception {
		// given: the sample complaint traced by the embedded path
		Path embedded = dir.resolve("trace-embedded");
		Cli.Result expected = Cli.run("trace", "--lot", "C261014A", "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), "--reports", embedded.toString());
		assertThat(expected.exitCode()).as(expected.toString()).isEqualTo(ExitCodes.INCOMPLETE);

		// when: Spark traces it
		Path spark = dir.resolve("trace-spark");
		SparkOutputs.Run run = SparkOutputs.spark("trace", "--lot", "C261014A", "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), "--reports", spark.toString());

		// then: the same exit code, trace.json and FDA CSVs, row for row (gaps included:
		// the held rows of its scope, read from the store's Parquet files)
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.INCOMPLETE);
		assertThat(run.out()).contains("rejected row C261020A").contains("pending row K261020A");
		SparkOutputs.assertSameReports(SparkOutputs.folder(embedded), SparkOutputs.folder(spark), "trace.json");
		assertThat(SparkOutputs.counts(SparkOutputs.folder(spark)).get("lots").asInt()).isGreaterThan(10);
	}

	@Test
	void answersARecordsRequestByFoodsAndDatesAsTheEmbeddedPathDoes() throws Exception {
		// given
		Path embedded = dir.resolve("records-embedded");
		Cli.Result expected = Cli.run("report", "--product", "PB-CREAMY-35", "--from", "2026-10-01", "--to",
				"2026-10-31", "--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports",
				embedded.toString());

		// when
		Path spark = dir.resolve("records-spark");
		SparkOutputs.Run run = SparkOutputs.spark("records", "--product", "PB-CREAMY-35", "--from", "2026-10-01",
				"--to", "2026-10-31", "--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports",
				spark.toString());

		// then
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(expected.exitCode());
		SparkOutputs.assertSameReports(SparkOutputs.folder(embedded), SparkOutputs.folder(spark), "records.json");
	}

	@Test
	void tracesAProductAndSelectsByLotCodeAsTheEmbeddedPathDoes() throws Exception {
		// every lot of a product in a date range, traced both ways
		Path embedded = dir.resolve("product-embedded");
		Cli.Result expected = Cli.run("trace", "--product", "COOKIE-PB-12", "--from", "2026-10-12", "--to",
				"2026-10-16", "--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports",
				embedded.toString());
		Path spark = dir.resolve("product-spark");
		SparkOutputs.Run run = SparkOutputs.spark("trace", "--product", "COOKIE-PB-12", "--from", "2026-10-12", "--to",
				"2026-10-16", "--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports",
				spark.toString());
		assertThat(run.exitCode()).as(run.toString()).isEqualTo(expected.exitCode());
		SparkOutputs.assertSameReports(SparkOutputs.folder(embedded), SparkOutputs.folder(spark), "trace.json");

		// a records request by a lot code two suppliers use, with the assigner that says
		// whose
		Path byLotEmbedded = dir.resolve("lot-embedded");
		Cli.Result byLot = Cli.run("report", "--lot", "L2301", "--assigner", "V130", "--store", store.toString(),
				"--jobs", Cli.JOBS.toString(), "--reports", byLotEmbedded.toString());
		Path byLotSpark = dir.resolve("lot-spark");
		SparkOutputs.Run byLotRun = SparkOutputs.spark("records", "--lot", "L2301", "--assigner", "V130", "--store",
				store.toString(), "--jobs", Cli.JOBS.toString(), "--reports", byLotSpark.toString());
		assertThat(byLotRun.exitCode()).as(byLotRun.toString()).isEqualTo(byLot.exitCode());
		SparkOutputs.assertSameReports(SparkOutputs.folder(byLotEmbedded), SparkOutputs.folder(byLotSpark),
				"records.json");
	}

	@Test
	void readsExactlyTheCommittedRecordsByPathAndListsOneSnapshotPerExport() throws Exception {
		List<StoreCommit> commits = new CommitLog(new StoreLayout(store)).all();
		SparkSession spark = SparkSessions.start("local[2]");
		try {
			// when: each table's snapshots and rows, read by path
			List<String> snapshotShas = new ArrayList<>();
			for (StoreTable table : TABLES) {
				String path = SparkIndex.tablePath(store, table.sqlName()).toUri() + "#snapshots";
				for (Row row : spark.read()
					.format("iceberg")
					.load(path)
					.selectExpr("summary['lottrace.sha256']")
					.collectAsList()) {
					snapshotShas.add(row.getString(0));
				}
				Set<String> read = new HashSet<>();
				long rows = 0;
				for (Row row : SparkIndex.read(spark, store, table.sqlName(), null)
					.selectExpr("concat_ws('|', " + table.keyColumn() + ", source_sha256, source_line)")
					.collectAsList()) {
					read.add(row.getString(0));
					rows++;
				}

				// then: exactly the rows of the committed files
				List<String> committed = committed(table);
				assertThat(rows).as(table.sqlName()).isEqualTo(committed.size());
				assertThat(read).as(table.sqlName()).containsExactlyInAnyOrderElementsOf(new HashSet<>(committed));
			}
			// and one snapshot per export, named by its SHA-256
			assertThat(snapshotShas)
				.containsExactlyInAnyOrderElementsOf(commits.stream().map(StoreCommit::sha256).toList());
		}
		finally {
			spark.stop();
		}
	}

	@Test
	void saysWhatIsWrongWithOneLineAndItsExitCode() throws Exception {
		SparkOutputs.Run usage = SparkOutputs.spark("trace", "--store", store.toString());
		assertThat(usage.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(usage.err()).startsWith("lottrace spark: trace: give either --lot or --product");

		SparkOutputs.Run date = SparkOutputs.spark("records", "--from", "2026-13-01", "--store", store.toString());
		assertThat(date.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(date.err()).contains("--from: '2026-13-01' is not a date");

		SparkOutputs.Run noStore = SparkOutputs.spark("trace", "--lot", "C261014A", "--store",
				dir.resolve("no-store").toString());
		assertThat(noStore.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(noStore.err()).startsWith("lottrace spark: no store at");

		SparkOutputs.Run unknown = SparkOutputs.spark("trace", "--lot", "NO-SUCH-LOT", "--store", store.toString(),
				"--jobs", Cli.JOBS.toString(), "--reports", dir.resolve("unknown").toString());
		assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(unknown.err().strip())
			.isEqualTo("lottrace spark: no lot has the code or internal number " + "'NO-SUCH-LOT' in the store");
	}

	/** The key, SHA-256 and line of every row of the committed files, read by DuckDB. */
	private static List<String> committed(StoreTable table) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(store)));
			List<String> rows = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT concat_ws('|', " + table.keyColumn()
					+ ", source_sha256, source_line) FROM " + table.sqlName() + "_all")) {
				while (rs.next()) {
					rows.add(rs.getString(1));
				}
			}
			return rows;
		}
	}

}
