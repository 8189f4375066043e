package org.lottrace.cli;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
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
 * The packaged command line with the Iceberg tables in a JDBC catalog (an H2 database
 * file, as PostgreSQL would keep them): an ingestion of {@code sample-data/} commits one
 * snapshot per export to that catalog, a reader that is not lottrace finds them there and
 * reads exactly the committed records, and {@code maintain} works on the same catalog. A
 * setting lottrace cannot use ends the command with exit code 2, an unreachable catalog
 * with exit code 1, each in one line.
 */
class JdbcCatalogFunctionalTests {

	private static final List<StoreTable> TABLES = List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION,
			StoreTable.PRODUCT);

	@TempDir
	static Path dir;

	static Path store;

	static Path config;

	@BeforeAll
	static void ingestSampleDataIntoAJdbcCatalog() throws Exception {
		store = dir.resolve("store");
		Path password = dir.resolve("catalog.password");
		Files.writeString(password, "catalog-pw\n");
		config = write("catalog.yml", "lottrace:\n  store:\n    iceberg:\n      catalog: jdbc\n      uri: jdbc:h2:file:"
				+ dir.resolve("catalog") + "\n      user: sa\n      password-file: " + password + "\n");
		Cli.Result result = Cli.run("ingest", "--config", config.toString(), "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), Cli.SAMPLE_DATA.toString());
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REJECTS);
	}

	@Test
	void theCatalogHasOneSnapshotPerExportAndTheCommittedRecords() throws Exception {
		List<StoreCommit> commits = new CommitLog(new StoreLayout(store)).all();
		assertThat(commits).hasSize(22);
		StoreCatalog files = new StoreCatalog(new StoreLayout(store));
		List<Map<String, String>> summaries = new ArrayList<>();
		try (JdbcCatalog catalog = catalog()) {
			for (StoreTable table : TABLES) {
				Table iceberg = catalog.loadTable(TableIdentifier.of("lottrace", table.sqlName()));
				for (Snapshot snapshot : iceberg.snapshots()) {
					summaries.add(snapshot.summary());
				}
				// the table's files are in the store, and it reads what the store
				// committed
				assertThat(iceberg.location()).startsWith(store.resolve("iceberg").toUri().toString());
				long read;
				try (CloseableIterable<Record> records = IcebergGenerics.read(iceberg).build()) {
					read = StreamSupport.stream(records.spliterator(), false).count();
				}
				assertThat(read).as(table.sqlName()).isPositive().isEqualTo(committedRows(files, table));
			}
		}
		assertThat(summaries).hasSize(commits.size());
		for (StoreCommit commit : commits) {
			assertThat(summaries).filteredOn((s) -> commit.sha256().equals(s.get("lottrace.sha256")))
				.singleElement()
				.satisfies((s) -> assertThat(s).containsEntry("lottrace.file", commit.file())
					.containsEntry("added-records", Long.toString(commit.written())));
		}
		// no file-system catalog beside it: the JDBC catalog is the only pointer
		assertThat(store.resolve("iceberg/lottrace/kde_event/metadata/version-hint.text")).doesNotExist();
	}

	@Test
	void maintainWorksOnTheConfiguredCatalog() throws Exception {
		Cli.Result result = Cli.run("maintain", "--config", config.toString(), "--store", store.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
		assertThat(result.out()).anyMatch((l) -> l.matches(
				"\\s+kde_event\\s+snapshots 18 -> 19, 0 orphan file\\(s\\) deleted, 8 small file\\(s\\) compacted into 1"));
	}

	@Test
	void aSettingLottraceCannotUseEndsWithExitCode2AndAnUnreachableCatalogWithOneLine() throws Exception {
		Path noUri = write("no-uri.yml", "lottrace:\n  store:\n    iceberg:\n      catalog: rest\n");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path unreachable = write("unreachable.yml",
				"lottrace:\n  store:\n    iceberg:\n      catalog: rest\n      uri: http://127.0.0.1:" + port + "\n");

		Cli.Result refused = Cli.run("ingest", "--config", noUri.toString(), "--store", dir.resolve("other").toString(),
				"--jobs", Cli.JOBS.toString(), Cli.SAMPLE_DATA.toString());
		Cli.Result failed = Cli.run("ingest", "--config", unreachable.toString(), "--store",
				dir.resolve("other").toString(), "--jobs", Cli.JOBS.toString(), Cli.SAMPLE_DATA.toString());

		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(refused.err()).containsExactly("lottrace: setting lottrace.store.iceberg: the rest catalog needs "
				+ "uri: the catalog's address, such as https://catalog.example.com/api/catalog");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCodes.FAILED);
		assertThat(failed.err()).singleElement()
			.asString()
			.startsWith(
					"lottrace: failed: the Iceberg catalog (rest, http://127.0.0.1:" + port + ") could not be opened: ")
			.contains("Connection refused");
		assertThat(new CommitLog(new StoreLayout(dir.resolve("other"))).all()).isEmpty();
	}

	private static Path write(String name, String yaml) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, yaml);
		return file;
	}

	private static JdbcCatalog catalog() {
		JdbcCatalog catalog = new JdbcCatalog();
		catalog.setConf(new Configuration());
		catalog.initialize("lottrace",
				Map.of("uri", "jdbc:h2:file:" + dir.resolve("catalog") + ";DATABASE_TO_LOWER=TRUE", "jdbc.user", "sa",
						"jdbc.password", "catalog-pw", "warehouse", store.resolve("iceberg").toUri().toString()));
		return catalog;
	}

	private static long committedRows(StoreCatalog catalog, StoreTable table) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, catalog);
			try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table.sqlName() + "_all")) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

}
