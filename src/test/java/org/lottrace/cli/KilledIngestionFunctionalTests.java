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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
 * Killed at each phase of the write path ({@link org.lottrace.store.FaultPoint}) and run
 * again, the ingestion of {@code sample-data/} leaves the store row for row as an
 * uninterrupted one does, and the job repository tells what happened.
 */
class KilledIngestionFunctionalTests {

	/**
	 * Where the ingestion of sample-data/ is killed. Master data comes first (four
	 * exports), so the sixth export is the second export of events.
	 */
	enum Phase {

		/** An export half-way through being read, mapped and written to staging. */
		READING("ingest.chunk@7"),

		/** An export staged whole (its manifest written), not committed. */
		STAGED("ingest.staged@6"),

		/** Between two file moves of a commit: some files in place, no commit. */
		MOVING(null),

		/**
		 * Between the store's commit and the Iceberg commit: the export is ingested, its
		 * Iceberg snapshot not made yet.
		 */
		LOGGED("commit.logged@6"),

		/** Right after a commit, before its job execution completed. */
		COMMITTED("commit.written@6"),

		/** Every export ingested, the trace index not refreshed yet. */
		INGESTED("ingest.done"),

		/** Inside the index refresh's transaction. */
		INDEXING("index.applying");

		private final String fault;

		Phase(String fault) {
			this.fault = fault;
		}

	}

	/** Where sample-data/ is ingested without interruption, once for the class. */
	@TempDir
	static Path reference;

	/**
	 * The part of sample-data/ the runs ingest: its master data and five exports of
	 * events (nine exports, so every phase is reached, in a third of the time the whole
	 * folder takes: the kill points are phases of a run, not sizes of data).
	 */
	@TempDir
	static Path sampleData;

	private static final List<String> EXPORTS = List.of("erp/ITEMS.csv", "erp/SITES.csv", "erp/VENDORS.csv",
			"shipping/CUSTOMERS.txt", "erp/PROD_20261005.csv", "erp/PROD_20261012.csv", "erp/RCV_20261005.csv",
			"scales/TICKETS_20261005.csv", "shipping/BOL_20261005.txt");

	private static StoreContent uninterrupted;

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

	@BeforeAll
	static void ingestSampleDataWithoutInterruption() throws Exception {
		for (String export : EXPORTS) {
			Path copy = sampleData.resolve(export);
			Files.createDirectories(copy.getParent());
			Files.copy(Cli.SAMPLE_DATA.resolve(export), copy);
		}
		Cli.Result result = Cli.run(ingest(reference, sampleData.toString()));
		assertThat(result.exitCode()).as(result.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		assertThat(result.out()).filteredOn((line) -> line.startsWith("Summary: "))
			.singleElement()
			.asString()
			.startsWith("Summary: " + EXPORTS.size() + " file(s): " + EXPORTS.size() + " ingested");
		uninterrupted = StoreContent.of(reference);
	}

	@ParameterizedTest(name = "killed {0}")
	@EnumSource(Phase.class)
	void recoversTheStoreAnUninterruptedIngestionMakes(Phase phase) throws Exception {
		// given: the ingestion of sample-data/ killed at the phase
		Cli.Result killed = Cli.startWithFault(fault(phase), ingest(this.store, sampleData.toString())).awaitHalted();

		// when: the same command again
		Cli.Result again = Cli.run(ingest(this.store, sampleData.toString()));

		// then: row for row the store of an uninterrupted ingestion, nothing left over
		assertThat(again.exitCode()).as(killed + "\n" + again).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		StoreContent recovered = StoreContent.of(this.store);
		assertThat(recovered.events()).containsExactlyElementsOf(uninterrupted.events());
		assertThat(recovered.locations()).containsExactlyElementsOf(uninterrupted.locations());
		assertThat(recovered.products()).containsExactlyElementsOf(uninterrupted.products());
		assertThat(recovered.held()).containsExactlyElementsOf(uninterrupted.held());
		assertThat(recovered.commits()).containsExactlyElementsOf(uninterrupted.commits());
		assertThat(recovered.reports()).isEqualTo(uninterrupted.reports());
		assertThat(recovered.index()).containsExactlyElementsOf(uninterrupted.index());
		assertThat(recovered.iceberg()).isNotEmpty().containsExactlyElementsOf(uninterrupted.iceberg());
		assertThat(new StoreCatalog(new StoreLayout(this.store)).orphans()).isEmpty();
		assertThat(this.store.resolve("_staging")).isEmptyDirectory();
		// and the history: nothing left running, each export completed once
		Map<String, List<String>> history = history(this.store);
		assertThat(history.values()).flatMap((statuses) -> statuses)
			.doesNotContain("STARTING", "STARTED", "STOPPING", "UNKNOWN");
		assertThat(history.values()).allSatisfy((statuses) -> assertThat(statuses)
			.filteredOn((status) -> status.startsWith("COMPLETED") || status.startsWith("ABANDONED"))
			.hasSize(1));
	}

	@Test
	void closesAnIngestionKilledRightAfterItsCommitAsAbandonedAndSaysWhy() throws Exception {
		// given: the sixth export (the second of events) killed right after its commit
		Path export = sampleData.resolve("erp/PROD_20261012.csv");
		Cli.startWithFault(Phase.COMMITTED.fault, ingest(this.store, sampleData.toString())).awaitHalted();
		String sha256 = IngestService.sha256(export);
		assertThat(new CommitLog(new StoreLayout(this.store)).find("erp-production", sha256)).isPresent();
		assertThat(history(this.store).get(sha256)).containsExactly("STARTED");

		// when
		Cli.Result again = Cli.run(ingest(this.store, sampleData.toString()));

		// then: the export is not ingested again; its execution is closed, saying why
		assertThat(again.out()).contains("  unchanged erp-production  PROD_20261012.csv: already in the store");
		List<String> closed = history(this.store).get(sha256);
		assertThat(closed).singleElement()
			.asString()
			.startsWith("ABANDONED ABANDONED interrupted (the process was stopped: a kill, a crash, a power cut); "
					+ "its export " + export + " was found committed at ")
			.contains(" by execution ")
			.endsWith(", so nothing was run again");
	}

	@Test
	void makesTheIcebergSnapshotOfAnExportKilledBetweenTheStoresCommitAndIcebergs() throws Exception {
		// given: the sixth export committed to the store, killed before its Iceberg
		// commit
		Path export = Cli.SAMPLE_DATA.resolve("erp/PROD_20261012.csv");
		String sha256 = IngestService.sha256(export);
		Cli.startWithFault(Phase.LOGGED.fault, ingest(this.store, Cli.SAMPLE_DATA.toString())).awaitHalted();
		assertThat(new CommitLog(new StoreLayout(this.store)).find("erp-production", sha256)).isPresent();
		assertThat(snapshots(sha256)).isZero();

		// when
		Cli.Result again = Cli.run(ingest(this.store, Cli.SAMPLE_DATA.toString()));

		// then: the next run makes its snapshot, once
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(snapshots(sha256)).isOne();
		assertThat(Files.readString(this.store.resolve("_logs/lottrace.log")))
			.contains("Committed 1 export(s) of the commit log to the Iceberg tables");
	}

	/** The snapshots of an export in the kde_event table, read by path. */
	private long snapshots(String sha256) {
		org.apache.iceberg.Table events = new org.apache.iceberg.hadoop.HadoopTables(
				new org.apache.hadoop.conf.Configuration())
			.load(this.store.resolve("iceberg/lottrace/kde_event").toUri().toString());
		return java.util.stream.StreamSupport.stream(events.snapshots().spliterator(), false)
			.filter((s) -> sha256.equals(s.summary().get("lottrace.sha256")))
			.count();
	}

	private static String fault(Phase phase) {
		if (phase.fault != null) {
			return phase.fault;
		}
		// the first commit of more than one file, killed after its first move
		int moves = 0;
		for (StoreCommit commit : new CommitLog(new StoreLayout(reference)).all()) {
			int files = commit.files().size() + commit.heldFiles().size() + ((commit.rejectsFile() != null) ? 1 : 0)
					+ ((commit.pendingFile() != null) ? 1 : 0);
			if (files > 1) {
				return "commit.moved@" + (moves + 1);
			}
			moves += files;
		}
		throw new IllegalStateException("no commit of sample-data/ moves more than one file");
	}

	/**
	 * The job executions of each export in the job repository, oldest first: status, exit
	 * code and exit description.
	 */
	private static Map<String, List<String>> history(Path store) throws Exception {
		String url = "jdbc:h2:file:" + store.resolve("_batch/jobs");
		try (Connection connection = DriverManager.getConnection(url, "sa", "");
				PreparedStatement statement = connection.prepareStatement("SELECT p.PARAMETER_VALUE, e.STATUS, "
						+ "e.EXIT_CODE, e.EXIT_MESSAGE FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p "
						+ "ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID JOIN BATCH_JOB_INSTANCE i ON "
						+ "i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID WHERE p.PARAMETER_NAME = 'sha256' AND i.JOB_NAME IN "
						+ "('ingestJob', 'resolveJob') ORDER BY e.JOB_EXECUTION_ID");
				ResultSet rs = statement.executeQuery()) {
			Map<String, List<String>> history = new LinkedHashMap<>();
			while (rs.next()) {
				String status = rs.getString(2) + (("STARTED".equals(rs.getString(2))) ? "" : " " + rs.getString(3)
						+ ((rs.getString(4) == null || rs.getString(4).isEmpty()) ? "" : " " + rs.getString(4)));
				history.computeIfAbsent(rs.getString(1), (k) -> new ArrayList<>()).add(status);
			}
			return history;
		}
	}

	private String[] ingest(String... files) {
		return ingest(this.store, files);
	}

	private static String[] ingest(Path store, String... files) {
		List<String> args = new ArrayList<>(
				List.of("ingest", "--store", store.toString(), "--jobs", Cli.JOBS.toString()));
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
