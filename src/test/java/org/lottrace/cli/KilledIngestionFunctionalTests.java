package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.generate.SyntheticBakery;
import org.lottrace.ingest.IngestService;
import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ingestion killed part-way (a kill -9, a power cut) leaves the store as it was, and
 * running the same command again recovers the cut-off job and ingests the export once.
 */
class KilledIngestionFunctionalTests {

	/** Enough rows for a run that shows progress (every 2 s) well before it ends. */
	private static final int ROWS = 600_000;

	@TempDir
	Path store;

	@TempDir
	Path exports;

	@Test
	void leavesNothingOfAKilledRunAndIngestsTheExportOnceWhenRunAgain() throws Exception {
		// given: the synthetic bakery's master data in the store, and its bills of lading
		new SyntheticBakery(new SyntheticBakery.Options(ROWS, 7, LocalDate.of(2026, 10, 31), 730,
				SyntheticBakery.Export.SHIPPING, ""))
			.write(this.exports, (rows) -> {
			});
		Path bills = this.exports.resolve("shipping/BOL_synthetic.txt");
		Cli.Result masterData = Cli.run(ingest(this.exports.resolve("erp").toString(),
				this.exports.resolve("shipping/CUSTOMERS.txt").toString()));
		assertThat(masterData.exitCode()).as(masterData.toString()).isEqualTo(ExitCodes.OK);
		StoreLayout layout = new StoreLayout(this.store);
		List<StoreCommit> commitsBefore = new CommitLog(layout).all();

		// when: the ingestion is killed once it shows progress
		Cli.Running running = Cli.start(ingest(bills.toString()));
		String progress = running.awaitError("BOL_synthetic.txt:", 120);
		running.process().destroyForcibly();
		assertThat(running.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

		// then: nothing of it is committed or visible, and the store reads as before
		assertThat(progress).doesNotContain("100%");
		String sha256 = IngestService.sha256(bills);
		assertThat(new CommitLog(layout).find("shipping", sha256)).isEmpty();
		assertThat(new CommitLog(layout).all()).isEqualTo(commitsBefore);
		assertThat(new StoreCatalog(layout).files(StoreTable.KDE_EVENT)).isEmpty();
		assertThat(count("SELECT count(*) FROM kde_event_all")).isZero();
		assertThat(count("SELECT count(*) FROM location")).isEqualTo(1541);

		// when: the same command again
		Cli.Result again = Cli.run(ingest(bills.toString()));

		// then: the cut-off execution is recovered, and every row is in the store once
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.OK);
		assertThat(again.out()).filteredOn((line) -> line.startsWith("Summary: "))
			.singleElement()
			.asString()
			.startsWith("Summary: 1 file(s): 1 ingested, 0 already in the store, 0 failed; 600,000 rows read, "
					+ "600,000 written, 0 rejected, 0 superseded; ");
		assertThat(count("SELECT count(*) FROM kde_event")).isEqualTo(ROWS);
		assertThat(count("SELECT count(*) FROM kde_event_all")).isEqualTo(ROWS);
		assertThat(count("SELECT count(DISTINCT source_line) FROM kde_event_all")).isEqualTo(ROWS);
		assertThat(new CommitLog(layout).find("shipping", sha256)).isPresent();
		assertThat(executions(sha256)).containsExactly("FAILED", "COMPLETED");
		assertThat(Files.readString(this.store.resolve("_logs/lottrace.log"))).contains("Recovering ingestion ")
			.contains(" that was interrupted; it starts again");
	}

	private String[] ingest(String... files) {
		List<String> args = new ArrayList<>(
				List.of("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString()));
		args.addAll(List.of(files));
		return args.toArray(String[]::new);
	}

	private long count(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(this.store)));
			try (ResultSet rs = statement.executeQuery(sql)) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	/**
	 * The statuses of the export's job executions, in the job repository the CLI uses.
	 */
	private List<String> executions(String sha256) throws Exception {
		String url = "jdbc:h2:file:" + this.store.resolve("_batch/jobs");
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement statement = connection.prepareStatement("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e "
						+ "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
						+ "WHERE p.PARAMETER_NAME = 'sha256' AND p.PARAMETER_VALUE = ? ORDER BY e.JOB_EXECUTION_ID")) {
			statement.setString(1, sha256);
			List<String> statuses = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					statuses.add(rs.getString(1));
				}
			}
			return statuses;
		}
	}

}
