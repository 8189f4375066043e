package org.lottrace.trace;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.DuckDb;
import org.lottrace.store.FaultPoint;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreTable;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergTables;
import org.lottrace.store.iceberg.SnapshotFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the derived index up to date with the store's commit log, reading only the
 * Parquet files of commits it has not applied yet. Work orders touched by new events (or
 * by new aliases of the numbers their inputs scanned) have their links recomputed;
 * nothing else is rewritten. One transaction: a failed refresh leaves the index as it
 * was.
 */
public final class IndexRefresher {

	private static final Logger log = LoggerFactory.getLogger(IndexRefresher.class);

	/** How many refreshes leave their row groups unmerged ({@link #mergeOnIfDue}). */
	static final int COMPACT_AFTER = 8;

	private static final String APPLIED_ROW_GROUPS = "SELECT count(DISTINCT row_group_id) FROM "
			+ "pragma_storage_info('applied')";

	private final LotIndex index;

	private final StoreCatalog catalog;

	/** The Iceberg tables the files of fresh exports are read from, if any. */
	private final @Nullable IcebergCatalogs iceberg;

	/** The link generation whose link file this refresher last wrote or found whole. */
	private @Nullable String linkFileGeneration;

	/** How many records one transaction applies at most (whole exports). */
	private final long batchRows;

	/** Reads the files each commit of the commit log names. */
	public IndexRefresher(LotIndex index, StoreCatalog catalog) {
		this(index, catalog, null);
	}

	/**
	 * Reads the files the Iceberg snapshot of each fresh export added (the commit log's
	 * own list for an export without one: a store from before the tables, a snapshot
	 * expired, a catalog out of reach).
	 */
	public IndexRefresher(LotIndex index, StoreCatalog catalog, @Nullable IcebergCatalogs iceberg) {
		this(index, catalog, iceberg, index.batchRows());
	}

	/**
	 * @param batchRows how many records one transaction applies at most: fresh exports
	 * beyond it are applied in further transactions (each export whole), which bounds the
	 * transaction's own working memory (not the tables' ART indexes, which DuckDB keeps
	 * in memory whatever the batch)
	 */
	public IndexRefresher(LotIndex index, StoreCatalog catalog, @Nullable IcebergCatalogs iceberg, long batchRows) {
		this.index = index;
		this.catalog = catalog;
		this.iceberg = iceberg;
		this.batchRows = batchRows;
	}

	/**
	 * The fresh exports in the order of the commit log, cut into runs of at most
	 * {@code rows} records (an export larger than that is a run of its own).
	 */
	static List<List<StoreCommit>> batches(List<StoreCommit> fresh, long rows) {
		List<List<StoreCommit>> batches = new ArrayList<>();
		List<StoreCommit> batch = new ArrayList<>();
		long inBatch = 0;
		for (StoreCommit commit : fresh) {
			if (!batch.isEmpty() && inBatch + commit.written() > rows) {
				batches.add(batch);
				batch = new ArrayList<>();
				inBatch = 0;
			}
			batch.add(commit);
			inBatch += commit.written();
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	/**
	 * What a refresh did.
	 *
	 * @param commits commits applied
	 * @param events event rows added
	 * @param superseded earlier versions those rows replace
	 * @param workOrders work orders whose links were recomputed
	 * @param rebuilt whether the index was rebuilt from scratch
	 */
	public record Result(int commits, long events, long superseded, long workOrders, boolean rebuilt, Duration elapsed,
			int filesFromSnapshots, int filesFromLog) {

		static Result none(boolean rebuilt) {
			return new Result(0, 0, 0, 0, rebuilt, Duration.ZERO, 0, 0);
		}

		/** This and what another transaction applied, counted together. */
		Result plus(Result other) {
			return new Result(this.commits + other.commits, this.events + other.events,
					this.superseded + other.superseded, this.workOrders + other.workOrders, this.rebuilt, this.elapsed,
					this.filesFromSnapshots + other.filesFromSnapshots, this.filesFromLog + other.filesFromLog);
		}

		Result took(Duration elapsed) {
			return new Result(this.commits, this.events, this.superseded, this.workOrders, this.rebuilt, elapsed,
					this.filesFromSnapshots, this.filesFromLog);
		}

	}

	public synchronized Result refresh() {
		long started = System.nanoTime();
		StepTimes steps = new StepTimes();
		Set<String> committed = this.catalog.commits().committedFileIds();
		steps.done("commit log");
		boolean rebuilt = false;
		try {
			Set<String> applied = applied();
			steps.done("applied exports");
			if (!committed.containsAll(applied)) {
				log.warn("The trace index has commits the store does not have; rebuilding it");
				this.index.delete();
				applied = Set.of();
				rebuilt = true;
			}
			Set<String> freshIds = new HashSet<>(committed);
			freshIds.removeAll(applied);
			if (freshIds.isEmpty()) {
				if (this.linkFileGeneration == null) {
					try (Connection connection = this.index.connect()) {
						writeLinkFile(connection, null);
					}
				}
				return Result.none(rebuilt).took(Duration.ofNanos(System.nanoTime() - started));
			}
			List<StoreCommit> fresh = this.catalog.commits().withFileIds(freshIds);
			try (Connection connection = this.index.connect()) {
				List<List<StoreCommit>> batches = batches(fresh, this.batchRows);
				// one transaction's link changes, made to the link file it started from
				LinkChanges changes = (batches.size() == 1) ? new LinkChanges(IndexSchema.linkGeneration(connection))
						: null;
				boolean merge = mergeOnIfDue(connection);
				Result total;
				try {
					total = applyAll(connection, batches, fresh.size(), rebuilt, changes, started);
					steps.done("applied");
					if (merge) {
						merge(connection, started);
						steps.done("merge");
					}
				}
				finally {
					if (merge) {
						mergeOff(connection);
					}
				}
				writeLinkFile(connection, changes);
				steps.done("link file");
				log.debug("Trace index refresh in all: {}", steps);
				return total.took(Duration.ofNanos(System.nanoTime() - started));
			}
		}
		catch (SQLException ex) {
			String hint = (String.valueOf(ex.getMessage()).contains("Out of Memory"))
					? " (raise lottrace.duckdb.memory-limit; the index of a 50-million-event store builds within the "
							+ "default 2GB)"
					: "";
			throw new IllegalStateException("Could not refresh the trace index: " + ex.getMessage() + hint, ex);
		}
	}

	/**
	 * Applies the batches, each in a transaction of its own; with more than one, without
	 * the look-up indexes, which are built after the last (and after a failed one: the
	 * transactions before it stay applied, and their look-ups need them).
	 */
	private Result applyAll(Connection connection, List<List<StoreCommit>> batches, int exports, boolean rebuilt,
			@Nullable LinkChanges changes, long started) throws SQLException {
		if (batches.size() == 1) {
			return apply(connection, batches.get(0), rebuilt, changes, false);
		}
		try (Statement sql = connection.createStatement()) {
			// first: a plan that fails leaves the index as it was
			planLots(sql, batches);
			IndexSchema.dropIndexes(sql);
		}
		Result total = Result.none(rebuilt);
		try {
			for (List<StoreCommit> batch : batches) {
				total = total.plus(apply(connection, batch, rebuilt, changes, true));
				log.info("Trace index: {} of {} export(s) applied, {} records, in {} s", total.commits(), exports,
						total.events(), (System.nanoTime() - started) / 1_000_000_000);
			}
		}
		catch (SQLException | RuntimeException ex) {
			try {
				buildIndexes(connection, started);
			}
			catch (SQLException | RuntimeException again) {
				ex.addSuppressed(again);
			}
			throw ex;
		}
		finally {
			// a temporary table: gone with the connection in any case
			try (Statement sql = connection.createStatement()) {
				sql.execute("DROP TABLE IF EXISTS lot_plan");
			}
			catch (SQLException ex) {
				log.debug("Could not drop the trace index's lot plan", ex);
			}
		}
		buildIndexes(connection, started);
		return total;
	}

	/**
	 * Numbers the lots that the records of all the batches name and the index does not
	 * know yet, in the order of their first records ({@link #numberedLots}), before the
	 * first batch: each batch then adds the lots it names with those ids. Numbered batch
	 * by batch instead, the lots of a store's first exports (two years of receipts, then
	 * two years of production) would be numbered by export, and the records of one day
	 * would name lots from far apart in the id space. A batch that fails leaves the ids
	 * of the lots it would have added unused.
	 */
	private void planLots(Statement sql, List<List<StoreCommit>> batches) throws SQLException {
		long started = System.nanoTime();
		List<StoreCommit> fresh = batches.stream().flatMap(List::stream).toList();
		List<Path> files = freshFiles(fresh).of(StoreTable.KDE_EVENT,
				fresh.stream().map(StoreCommit::fileId).collect(Collectors.toSet()));
		sql.execute("CREATE TEMP TABLE lot_plan AS " + numberedLots(DuckDb.scan(StoreTable.KDE_EVENT, files)));
		log.debug("Trace index: lots numbered in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The lots that {@code records} (a query with lot codes, assigners and event dates)
	 * name and the index does not know yet, with ids after the last one, in the order of
	 * their first event date, then of their keys. The records of a day name the lots of
	 * that day and of the days before it (ingredients received, batches shipped), so that
	 * a trace's lots are close together, and so are the ids of the rows of the event
	 * table that name them: DuckDB's row group statistics then skip most of the table (a
	 * trace's records at 50 million events read 27 row groups of 408 instead of 190,
	 * 33-40 ms instead of 113-347 in a fresh process, when lots were numbered by key).
	 * The known lots are left out by an explicit anti join: written as NOT EXISTS, DuckDB
	 * planned a mark join that hashed the whole lot table (1.1 s of a night's refresh at
	 * 50 million events; 0.2 s as an anti join, which hashes the night's lots).
	 */
	private static String numberedLots(String records) {
		return "SELECT (SELECT coalesce(max(lot_id), 0) FROM lot) + row_number() OVER (ORDER BY first_date, lot_key) "
				+ "AS lot_id, lot_key, lot_code, lot_assigner FROM (SELECT " + LotKeys.SQL_KEY
				+ " AS lot_key, lot_code, lot_assigner, min(event_date) AS first_date FROM (" + records
				+ ") WHERE lot_code IS NOT NULL AND lot_assigner IS NOT NULL GROUP BY ALL) n "
				+ "ANTI JOIN lot l ON l.lot_key = n.lot_key ORDER BY lot_id";
	}

	/**
	 * Turns DuckDB's merging of row groups on when this refresh is to merge the small row
	 * groups that the refreshes since the last merge left, once there would be
	 * {@value #COMPACT_AFTER} of them, and says whether it did. Every commit appends row
	 * groups of its own to each table it adds to (a night's records, lots, links, and a
	 * few rows to {@code applied}), and by default DuckDB merges them at the checkpoint
	 * of any commit that finds adjacent ones, rewriting up to three full row groups of
	 * every table (and rebuilding the ART indexes of the smaller tables). At a million
	 * events that was 1.2-1.8 s of a night's commit of 1.5-2.3 s; never merged, 730
	 * nights of a few rows each made the database file 7 times its size and a scan of the
	 * smallest table 100 times slower (a synthetic test). The index turns the merging off
	 * when it opens ({@link LotIndex}); when this returns true it is on until
	 * {@link #mergeOff}, so that the checkpoint of this refresh's commit merges (DuckDB
	 * merges only in the tables a checkpoint writes: a checkpoint after it, with nothing
	 * left to write, would not). The number of row groups of {@code applied}, which every
	 * transaction of a refresh adds to, counts the refreshes since the last merge.
	 */
	private static boolean mergeOnIfDue(Connection connection) {
		try (Statement sql = connection.createStatement()) {
			if (count(sql, APPLIED_ROW_GROUPS) < COMPACT_AFTER - 1) {
				return false;
			}
			sql.execute("RESET max_vacuum_tasks");
			return true;
		}
		catch (SQLException ex) {
			log.info("Trace index: could not ask whether its row groups are due for merging ({})", ex.getMessage());
			return false;
		}
	}

	/**
	 * Checkpoints with merging on, when the refresh's commit did not (a commit under
	 * DuckDB's threshold), and says whether the row groups were merged: a checkpoint that
	 * cannot merge (another connection of the service in a transaction) leaves them to
	 * the next refresh.
	 */
	private static void merge(Connection connection, long started) {
		try (Statement sql = connection.createStatement()) {
			try (Statement checkpoint = connection.createStatement()) {
				checkpoint.execute("CHECKPOINT");
			}
			long left = count(sql, APPLIED_ROW_GROUPS);
			if (left >= COMPACT_AFTER) {
				log.info("Trace index: its row groups were not merged now (another connection was in a transaction); "
						+ "the next refresh tries again");
				return;
			}
			log.info("Trace index: the row groups of the last refreshes merged ({} s since the refresh began)",
					(System.nanoTime() - started) / 1_000_000_000);
		}
		catch (SQLException ex) {
			log.info("Trace index: its row groups could not be merged now ({}); the next refresh tries again",
					ex.getMessage());
		}
	}

	/** Turns DuckDB's merging of row groups off again: a statement of its own. */
	private static void mergeOff(Connection connection) {
		try (Statement off = connection.createStatement()) {
			off.execute("SET max_vacuum_tasks = 0");
		}
		catch (SQLException ex) {
			log.warn("Trace index: could not turn DuckDB's merging of row groups off again ({})", ex.getMessage());
		}
	}

	/** Builds the indexes dropped for a bulk load, over what was loaded. */
	private static void buildIndexes(Connection connection, long started) throws SQLException {
		long building = System.nanoTime();
		try (Statement sql = connection.createStatement()) {
			IndexSchema.createIndexes(sql);
		}
		log.info("Trace index: look-up indexes built in {} s ({} s in all)",
				(System.nanoTime() - building) / 1_000_000_000, (System.nanoTime() - started) / 1_000_000_000);
	}

	/**
	 * Where the fresh commits' files are listed: their Iceberg snapshots when the store
	 * keeps the tables and the catalog answers, else (and for the held rows, which are no
	 * table) the commit log.
	 */
	private FreshFiles freshFiles(List<StoreCommit> fresh) {
		Map<String, StoreCommit> commits = new HashMap<>();
		fresh.forEach((c) -> commits.put(c.fileId(), c));
		Map<StoreTable, Map<String, List<Path>>> snapshots = Map.of();
		if (this.iceberg != null && IcebergTables.present(this.catalog.layout())) {
			try (IcebergTables tables = this.iceberg.open()) {
				snapshots = SnapshotFiles.added(tables, commits.keySet());
			}
			catch (RuntimeException ex) {
				log.warn("The Iceberg tables could not be read ({}); the trace index reads the files the commit log "
						+ "names", ex.getMessage());
			}
		}
		return new FreshFiles(this.catalog.layout().root(), commits, snapshots);
	}

	/** The files of the fresh commits, by table and commit. */
	private static final class FreshFiles {

		private final Path root;

		private final Map<String, StoreCommit> commits;

		private final Map<StoreTable, Map<String, List<Path>>> snapshots;

		int fromSnapshots;

		int fromLog;

		FreshFiles(Path root, Map<String, StoreCommit> commits, Map<StoreTable, Map<String, List<Path>>> snapshots) {
			this.root = root;
			this.commits = commits;
			this.snapshots = snapshots;
		}

		/** Whether the given commits added files to a table. */
		boolean bring(StoreTable table, Set<String> ids) {
			return !files(table, ids, false).isEmpty();
		}

		private static boolean inTable(WrittenFile file, StoreTable table) {
			return file.path().startsWith(table.directory() + "/");
		}

		/** The files of a table that the given commits added, sorted by path. */
		List<Path> of(StoreTable table, Set<String> ids) {
			return files(table, ids, true);
		}

		/**
		 * The files of a table that the given commits added.
		 * @param count whether to count them as read from snapshots or the log
		 */
		private List<Path> files(StoreTable table, Set<String> ids, boolean count) {
			List<Path> files = new ArrayList<>();
			Map<String, List<Path>> fromSnapshots = this.snapshots.getOrDefault(table, Map.of());
			for (String id : ids) {
				List<Path> added = fromSnapshots.get(id);
				StoreCommit commit = this.commits.get(id);
				if (added != null) {
					files.addAll(added);
					this.fromSnapshots += count ? added.size() : 0;
				}
				else if (commit != null) {
					List<WrittenFile> named = (table == StoreTable.HELD_ROW) ? commit.heldFiles() : commit.files();
					for (WrittenFile file : named) {
						if (inTable(file, table)) {
							files.add(this.root.resolve(file.path()));
							this.fromLog += (count && table != StoreTable.HELD_ROW) ? 1 : 0;
						}
					}
				}
			}
			files.sort(null);
			return files;
		}

	}

	/**
	 * Writes the link file of the index's current link generation, unless it is there
	 * already. It is derived, like the index: when it cannot be written, traces ask the
	 * index instead, and the refresh goes on.
	 */
	private void writeLinkFile(Connection connection, @Nullable LinkChanges changes) {
		try {
			String generation = IndexSchema.linkGeneration(connection);
			if (generation == null) {
				try (Statement sql = connection.createStatement()) {
					generation = IndexSchema.newLinkGeneration(sql);
				}
			}
			if (generation.equals(this.linkFileGeneration)) {
				return;
			}
			if (MemoryLotGraph.map(this.index.linkFile(), generation) == null) {
				long started = System.nanoTime();
				MemoryLotGraph graph = (changes != null) ? changes.madeTo(connection, this.index.linkFile()) : null;
				String how = (graph == null) ? "read whole"
						: graph.hasDelta() ? "the changes since its arrays written beside them" : "changed";
				if (graph == null) {
					graph = MemoryLotGraph.load(connection);
				}
				graph.write(this.index.linkFile(), generation);
				log.debug("Wrote the link file ({} links, {}) in {} ms", graph.links(), how,
						(System.nanoTime() - started) / 1_000_000);
			}
			this.linkFileGeneration = generation;
		}
		catch (SQLException | IOException | RuntimeException ex) {
			log.warn("The link file {} could not be written ({}); traces ask the index instead", this.index.linkFile(),
					ex.getMessage());
		}
	}

	private Set<String> applied() throws SQLException {
		Set<String> ids = new HashSet<>();
		try (Connection connection = this.index.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT file_id FROM applied")) {
			while (rs.next()) {
				ids.add(rs.getString(1));
			}
		}
		return ids;
	}

	/**
	 * Applies a batch in one transaction. @param planned whether its new lots are in
	 * {@code lot_plan} already, with their ids
	 */
	private Result apply(Connection connection, List<StoreCommit> fresh, boolean rebuilt, @Nullable LinkChanges changes,
			boolean planned) throws SQLException {
		Set<String> freshIds = fresh.stream().map(StoreCommit::fileId).collect(Collectors.toSet());
		StepTimes steps = new StepTimes();
		FreshFiles files = freshFiles(fresh);
		steps.done("files");
		// a batch of millions of records is read from its files by each step rather than
		// copied first (see viewEvents)
		boolean large = fresh.stream().mapToLong(StoreCommit::written).sum() > this.batchRows / 5;
		try (Statement sql = connection.createStatement()) {
			sql.execute("BEGIN TRANSACTION");
			try {
				replaceMasterData(sql, files, freshIds);
				loadHeldRows(sql, fresh, files);
				steps.done("master data and held rows");
				long events = large ? viewEvents(sql, freshIds, files) : loadEvents(connection, sql, freshIds, files);
				steps.done("load");
				FaultPoint.reach("index.applying");
				long superseded = 0;
				long workOrders = 0;
				if (events > 0) {
					addLots(sql, planned);
					steps.done("lots");
					addAliases(sql);
					steps.done("aliases");
					resolveLots(sql, events, large, freshIds);
					steps.done("resolve");
					superseded = findPrevious(sql, large, freshIds, nothingEarlier(fresh));
					steps.done("previous");
					workOrders = relink(connection, sql, changes);
					steps.done("relink");
				}
				for (String id : freshIds) {
					new SqlQuery(connection).sql("INSERT INTO applied VALUES (").value(id).sql(", now())").execute();
				}
				if (events > 0) {
					IndexSchema.newLinkGeneration(sql);
				}
				sql.execute("COMMIT");
				steps.done("commit");
				log.debug("Trace index refresh of {} record(s): {}", events, steps);
				return new Result(fresh.size(), events, superseded, workOrders, rebuilt, Duration.ZERO,
						files.fromSnapshots, files.fromLog);
			}
			catch (SQLException | RuntimeException ex) {
				log.warn("Trace index refresh of {} export(s) failed after {}", fresh.size(), steps);
				// after a fatal error (out of memory, say) DuckDB closes the statement:
				// keep
				// the error that says why, not the one of the rollback
				cleanUp(sql, ex, "ROLLBACK");
				throw ex;
			}
			finally {
				cleanUp(sql, null, large ? "DROP VIEW IF EXISTS incoming" : "DROP TABLE IF EXISTS incoming");
				for (String temp : List.of("repeated", "resolved_incoming", "previous", "new_alias", "alias_lots",
						"affected", "wo_event", "resolved", "wo_output")) {
					cleanUp(sql, null, "DROP TABLE IF EXISTS " + temp);
				}
			}
		}
	}

	private static void cleanUp(Statement sql, @Nullable Exception failure, String statement) {
		try {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			if (failure != null) {
				failure.addSuppressed(ex);
			}
			else {
				log.debug("Could not run {} on the trace index", statement, ex);
			}
		}
	}

	/**
	 * Master data is small: a table of it is replaced whole, with the current version of
	 * each code, when the fresh commits bring files of it (a night's exports of events
	 * alone leave it as it is: reading every file of it again cost 20-30 ms of each
	 * refresh).
	 */
	private void replaceMasterData(Statement sql, FreshFiles files, Set<String> freshIds) throws SQLException {
		for (StoreTable table : List.of(StoreTable.LOCATION, StoreTable.PRODUCT)) {
			if (!files.bring(table, freshIds)) {
				continue;
			}
			sql.execute("CREATE OR REPLACE TABLE " + table.sqlName() + " AS "
					+ DuckDb.current(table, "(" + DuckDb.scan(table, this.catalog.files(table)) + ")"));
		}
	}

	/**
	 * Rows the fresh commits held back (rejected or pending), and which pending rows the
	 * fresh resolution commits made records of: a trace reports the rows still held in
	 * its scope.
	 */
	private void loadHeldRows(Statement sql, List<StoreCommit> fresh, FreshFiles freshFiles) throws SQLException {
		Set<String> ids = fresh.stream().map(StoreCommit::fileId).collect(Collectors.toSet());
		List<Path> held = freshFiles.of(StoreTable.HELD_ROW, ids);
		if (!held.isEmpty()) {
			sql.execute("INSERT INTO held SELECT *, false FROM (" + DuckDb.scan(StoreTable.HELD_ROW, held) + ")");
		}
		Set<String> resolutions = fresh.stream()
			.filter((c) -> c.resolves() != null)
			.map(StoreCommit::fileId)
			.collect(Collectors.toSet());
		for (StoreTable table : List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION, StoreTable.PRODUCT)) {
			List<Path> files = freshFiles.of(table, resolutions);
			if (!files.isEmpty()) {
				sql.execute("UPDATE held SET resolved = true FROM (SELECT source AS s_, source_sha256 AS sha_, "
						+ "source_line AS line_ FROM read_parquet(" + DuckDb.fileList(files)
						+ ", union_by_name = true, hive_partitioning = false)) r WHERE held.status = 'pending' AND "
						+ "held.source = r.s_ AND held.source_sha256 = r.sha_ AND held.source_line = r.line_");
			}
		}
	}

	private long loadEvents(Connection connection, Statement sql, Set<String> freshIds, FreshFiles freshFiles)
			throws SQLException {
		sql.execute("CREATE TEMP TABLE incoming AS SELECT * FROM event WHERE false");
		for (String id : freshIds) {
			List<Path> ofCommit = freshFiles.of(StoreTable.KDE_EVENT, Set.of(id));
			if (!ofCommit.isEmpty()) {
				new SqlQuery(connection).sql("INSERT INTO incoming SELECT *, ")
					.value(id)
					.sql(", false, NULL FROM (" + DuckDb.scan(StoreTable.KDE_EVENT, ofCommit) + ")")
					.execute();
			}
		}
		// within the new rows, every version of a key but the newest is superseded
		// already
		sql.execute("UPDATE incoming SET superseded = true FROM (SELECT file_id AS file_, source_line AS line_ FROM "
				+ "incoming QUALIFY row_number() OVER (PARTITION BY record_key ORDER BY " + DuckDb.NEWEST_FIRST
				+ ") > 1) older WHERE incoming.file_id = older.file_ AND incoming.source_line = older.line_");
		return count(sql, "SELECT count(*) FROM incoming");
	}

	/**
	 * The records of a batch of millions as a view over their files rather than a copy:
	 * each step reads the columns it needs, and the event table is written from the files
	 * straight (at 50 million events the copy took 13 of the 25 s that loading the
	 * largest export took, most of it spilled to disk at the default 2GB, and read back
	 * by every step). The keys that come more than once in the batch ({@code repeated})
	 * are ordered newest first once the rows are in the event table
	 * ({@link #findPrevious}): a view cannot be updated. They are found by a hash of each
	 * key first (an aggregate of numbers, then of the few keys whose hash repeats: 9.6 s
	 * for the window over the largest export's 23.6 million keys).
	 */
	private long viewEvents(Statement sql, Set<String> freshIds, FreshFiles freshFiles) throws SQLException {
		List<String> parts = new ArrayList<>();
		for (String id : freshIds) {
			List<Path> ofCommit = freshFiles.of(StoreTable.KDE_EVENT, Set.of(id));
			if (!ofCommit.isEmpty()) {
				parts.add("SELECT *, '" + DuckDb.sql(id) + "' AS file_id, false AS superseded, "
						+ "CAST(NULL AS INTEGER) AS lot_id FROM (" + DuckDb.scan(StoreTable.KDE_EVENT, ofCommit) + ")");
			}
		}
		sql.execute("CREATE TEMP VIEW incoming AS "
				+ (parts.isEmpty() ? "SELECT * FROM event WHERE false" : String.join(" UNION ALL ", parts)));
		sql.execute("CREATE TEMP TABLE repeated AS SELECT record_key FROM incoming WHERE hash(record_key) IN ("
				+ "SELECT hash(record_key) FROM incoming GROUP BY 1 HAVING count(*) > 1) GROUP BY 1 HAVING count(*) > 1");
		return count(sql, "SELECT count(*) FROM incoming");
	}

	/**
	 * Adds the new rows (unless they are in the event table already: {@code inserted});
	 * earlier versions of their keys are counted, their work orders relinked, and every
	 * version of those keys ordered again, newest first (and of the keys that came more
	 * than once in a batch read as a view: {@link #viewEvents}).
	 */
	private long findPrevious(Statement sql, boolean inserted, Set<String> freshIds, boolean nothingEarlier)
			throws SQLException {
		// a record's key begins with its source's name: the event table's row groups of
		// other sources are skipped (each export is loaded whole, so most row groups hold
		// one source; a build's 20 million shipping records looked up among 30 million of
		// other sources took 5 s)
		// (not asked when the commits counted none: nothingEarlier)
		String older = nothingEarlier ? "false"
				: "source IN (" + literals(strings(sql, "SELECT DISTINCT source FROM incoming")) + ")"
						+ (inserted ? " AND file_id NOT IN (" + literals(freshIds) + ")" : "");
		// none at all when the table has no record of those sources (a build's first
		// export of each)
		boolean none = nothingEarlier
				|| count(sql, "SELECT count(*) FROM (SELECT 1 FROM event WHERE " + older + " LIMIT 1)") == 0;
		sql.execute("CREATE TEMP TABLE previous AS SELECT record_key, work_order FROM event WHERE "
				+ (none ? "false" : older + " AND record_key IN (SELECT record_key FROM incoming) AND NOT superseded"));
		long earlier = count(sql, "SELECT count(DISTINCT record_key) FROM previous");
		if (!inserted) {
			sql.execute("INSERT INTO event SELECT * FROM incoming");
		}
		boolean repeated = inserted && count(sql, "SELECT count(*) FROM repeated") > 0;
		if (earlier > 0 || repeated) {
			// the newest version wins whatever order the commits came in: the records of
			// pending rows resolved today keep the ingestion time of their export
			sql.execute("UPDATE event SET superseded = r.rn > 1 FROM (SELECT file_id AS file_, source_line AS line_, "
					+ "row_number() OVER (PARTITION BY record_key ORDER BY " + DuckDb.NEWEST_FIRST + ") AS rn "
					+ "FROM event WHERE record_key IN (SELECT record_key FROM previous"
					+ (repeated ? " UNION ALL SELECT record_key FROM repeated" : "") + ")) r "
					+ "WHERE event.file_id = r.file_ AND event.source_line = r.line_");
		}
		long inBatch = repeated
				? count(sql,
						"SELECT count(*) - count(DISTINCT record_key) FROM incoming WHERE record_key IN "
								+ "(SELECT record_key FROM repeated)")
				: count(sql, "SELECT count(*) FROM incoming WHERE superseded");
		return earlier + inBatch;
	}

	/**
	 * Whether the commits' records replace none stored before them, as each commit of
	 * records counted at its ingestion (against every file of its source committed before
	 * it; the store's write lock keeps any other commit out between that count and the
	 * commit): the event table then holds no earlier version of their keys, and the
	 * refresh need not look (at 50 million events, a semi-join of the night's keys
	 * against 40 million: 1.6-1.8 s). A commit from before the count was kept
	 * ({@code null}) is looked up as before.
	 */
	static boolean nothingEarlier(List<StoreCommit> commits) {
		return commits.stream()
			.filter((c) -> c.files().stream().anyMatch((f) -> FreshFiles.inTable(f, StoreTable.KDE_EVENT)))
			.allMatch((c) -> c.superseded() != null && c.superseded() == 0);
	}

	/** Texts as a list of SQL literals, sorted. */
	private static String literals(java.util.Collection<String> values) {
		return values.stream().sorted().map((v) -> "'" + DuckDb.sql(v) + "'").collect(Collectors.joining(", "));
	}

	private void addLots(Statement sql, boolean planned) throws SQLException {
		if (!planned) {
			sql.execute("INSERT INTO lot " + numberedLots("SELECT lot_code, lot_assigner, event_date FROM incoming"));
			return;
		}
		// in the order of their ids, as the lot table is kept: its row group statistics
		// then find a trace's lots (18-23 ms against 6 for the lots of a 10M-store trace
		// when a build added them as the join gave them)
		sql.execute("INSERT INTO lot SELECT p.* FROM lot_plan p ANTI JOIN lot l ON l.lot_key = p.lot_key "
				+ "WHERE p.lot_key IN (SELECT " + LotKeys.SQL_KEY + " FROM incoming) ORDER BY p.lot_id");
	}

	/**
	 * The numbers systems scan for a lot and that resolve to it when they name one lot
	 * only: its internal numbers (the ERP's receiving number), and its own code (a scale
	 * that scans the code printed on a supplier's bag, the plant's own lot code on a
	 * reworked case). A number that two lots share (two suppliers' {@code L2301}, or an
	 * internal number that is also another lot's code) resolves to neither: it is never
	 * guessed, and the inputs that scanned it are reported.
	 */
	private void addAliases(Statement sql) throws SQLException {
		sql.execute("CREATE TEMP TABLE new_alias AS SELECT DISTINCT a.alias, a.lot_id, a.kind FROM ("
				+ "SELECT i.internal_lot AS alias, l.lot_id, 'internal' AS kind FROM incoming i JOIN lot l ON l.lot_key = "
				+ LotKeys.sqlKey("i") + " WHERE i.internal_lot IS NOT NULL "
				+ "UNION ALL SELECT i.lot_code, l.lot_id, 'code' FROM incoming i JOIN lot l ON l.lot_key = "
				+ LotKeys.sqlKey("i") + ") a ANTI JOIN alias x ON x.alias = a.alias AND x.lot_id = a.lot_id");
		sql.execute("INSERT INTO alias SELECT * FROM new_alias");
	}

	/**
	 * Gives each new row its lot: by code and assigner, or through an alias that means
	 * one lot. Older rows whose local lot number gained an alias are resolved again: the
	 * number may only now resolve (the receipt arrived after the scale ticket), or now
	 * mean two lots (a receiving number given again), which leaves them without a lot, as
	 * a rebuilt index would.
	 * @param large whether the new rows are a batch of millions, inserted into the event
	 * table here with their lots (else {@code incoming} is given their lots, and
	 * {@link #findPrevious} inserts it)
	 */
	private void resolveLots(Statement sql, long rows, boolean large, Set<String> freshIds) throws SQLException {
		sql.execute("CREATE TEMP TABLE alias_lots AS " + LotKeys.aliasLots(
				"SELECT lot_code FROM incoming WHERE lot_assigner IS NULL UNION ALL SELECT alias FROM new_alias"));
		String resolvedLot = "CASE WHEN w.lot_assigner IS NOT NULL THEN l.lot_id WHEN a.lots = 1 THEN a.lot_id END";
		String lots = " FROM incoming w LEFT JOIN lot l ON w.lot_assigner IS NOT NULL AND l.lot_key = "
				+ LotKeys.sqlKey("w") + " LEFT JOIN alias_lots a ON w.lot_assigner IS NULL AND a.alias = w.lot_code";
		if (!large) {
			// a night's records: updated in place (a copy of 50,000 took 0.1 s more)
			sql.execute("UPDATE incoming SET lot_id = r.lot_id FROM (SELECT w.file_id AS file_, w.source_line AS "
					+ "line_, " + resolvedLot + " AS lot_id" + lots + ") r "
					+ "WHERE incoming.file_id = r.file_ AND incoming.source_line = r.line_");
		}
		else {
			// millions: inserted into the event table with their lots, as DuckDB keeps an
			// update in memory until the transaction commits (an export of 24 million
			// records did not fit the default 2GB) while it writes an insert as it goes,
			// and straight there rather than into a copy of incoming first (about 20 s of
			// a 50-million-event build)
			long resolved = sql
				.executeUpdate("INSERT INTO event SELECT w.* REPLACE (" + resolvedLot + " AS lot_id)" + lots);
			if (resolved != rows) {
				// a lot key or an alias twice in its table: never a record twice (the
				// transaction is rolled back)
				throw new IllegalStateException("The trace index's lots resolved " + rows + " new record(s) into "
						+ resolved + " rows; rebuild it (lottrace index --rebuild)");
			}
		}
		if (count(sql, "SELECT count(*) FROM new_alias") > 0) {
			// older rows only: the new ones have their lots from the same aliases
			sql.execute("UPDATE event SET lot_id = r.lot_id FROM (SELECT w.file_id AS file_, w.source_line AS line_, "
					+ "CASE WHEN a.lots = 1 THEN a.lot_id END AS lot_id FROM event w JOIN alias_lots a "
					+ "ON a.alias = w.lot_code WHERE w.lot_assigner IS NULL AND w.lot_code IN (SELECT alias FROM "
					+ "new_alias) AND w.file_id NOT IN (" + literals(freshIds) + ")) r "
					+ "WHERE event.file_id = r.file_ AND event.source_line = r.line_");
		}
	}

	/**
	 * Recomputes the links of every work order the new events touch. @return work orders
	 * relinked
	 */
	private long relink(Connection connection, Statement sql, @Nullable LinkChanges changes) throws SQLException {
		sql.execute("CREATE TEMP TABLE affected AS SELECT DISTINCT work_order FROM ("
				+ "SELECT work_order FROM incoming WHERE cte = 'transformation' "
				+ "UNION ALL SELECT work_order FROM previous "
				+ "UNION ALL SELECT work_order FROM pending WHERE lot_code IN (SELECT alias FROM new_alias) "
				+ "UNION ALL SELECT work_order FROM event WHERE cte = 'transformation' AND lot_assigner IS NULL "
				+ "AND lot_code IN (SELECT alias FROM new_alias)) WHERE work_order IS NOT NULL");
		long affected = count(sql, "SELECT count(*) FROM affected");
		if (affected == 0) {
			return 0;
		}
		// a few work orders as parameters let DuckDB look them up in its index; many are
		// joined from the table
		List<String> few = (affected <= SqlQuery.PARAMETER_LIMIT) ? strings(sql, "SELECT work_order FROM affected")
				: List.of();
		SqlQuery.Part workOrders = (q) -> {
			if (few.isEmpty()) {
				q.sql("SELECT work_order FROM affected");
			}
			else {
				q.strings(few);
			}
		};
		SqlQuery delete = new SqlQuery(connection).sql("DELETE FROM link WHERE work_order IN (")
			.append(workOrders)
			.sql(")");
		if (changes == null) {
			delete.execute();
		}
		else {
			try (ResultSet removed = delete.sql(LinkChanges.RETURNING).query()) {
				LinkChanges.read(removed, changes.removed);
			}
		}
		new SqlQuery(connection).sql("DELETE FROM pending WHERE work_order IN (").append(workOrders).sql(")").execute();
		// the current transformation records of those work orders, with only the columns
		// that link them: all columns cost several times as much
		new SqlQuery(connection)
			.sql("CREATE TEMP TABLE wo_event AS SELECT record_key, role, work_order, lot_code, lot_assigner, lot_id "
					+ "FROM event WHERE work_order IN (")
			.append(workOrders)
			.sql(") AND NOT superseded AND cte = 'transformation'")
			.execute();
		sql.execute("CREATE TEMP TABLE resolved AS SELECT w.record_key, w.role, w.work_order, w.lot_code, w.lot_id, "
				+ "CASE WHEN w.lot_id IS NOT NULL OR w.lot_assigner IS NOT NULL THEN 1 ELSE coalesce(c.lots, 0) END "
				+ "AS candidates FROM wo_event w LEFT JOIN ("
				+ LotKeys.aliasLots("SELECT lot_code FROM wo_event " + "WHERE lot_id IS NULL AND lot_assigner IS NULL")
				+ ") c ON w.lot_id IS NULL AND w.lot_assigner IS NULL " + "AND c.alias = w.lot_code");
		// the work orders' outputs that have a lot: every input of one is linked to it
		sql.execute("CREATE TEMP TABLE wo_output AS SELECT work_order, lot_id FROM resolved "
				+ "WHERE role = 'output' AND lot_id IS NOT NULL");
		String insert = "INSERT INTO link SELECT i.record_key, i.lot_id, o.lot_id, i.work_order FROM resolved i "
				+ "JOIN wo_output o ON o.work_order = i.work_order WHERE i.role = 'input' AND i.lot_id IS NOT NULL";
		if (changes == null) {
			// a build's transactions (the link file is written from the table after the
			// last): 23.6 million links of the 50M store's largest export handed back
			// through JDBC to be dropped took seconds
			sql.execute(insert);
		}
		else {
			try (ResultSet added = sql.executeQuery(insert + LinkChanges.RETURNING)) {
				LinkChanges.read(added, changes.added);
			}
		}
		sql.execute("INSERT INTO pending SELECT i.record_key, i.lot_code, i.work_order, CASE "
				+ "WHEN i.candidates > 1 THEN 'the lot number matches several lots' "
				+ "WHEN i.lot_id IS NULL THEN 'no lot is known by this lot number' "
				+ "ELSE 'the work order has no output lot yet' END FROM resolved i LEFT JOIN (SELECT DISTINCT "
				+ "work_order FROM wo_output) o ON o.work_order = i.work_order WHERE i.role = 'input' AND "
				+ "(i.lot_id IS NULL OR o.work_order IS NULL)");
		return affected;
	}

	private static long count(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static List<String> strings(Statement sql, String query) throws SQLException {
		List<String> values = new java.util.ArrayList<>();
		try (ResultSet rs = sql.executeQuery(query)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	/**
	 * The links one refresh took out of the index and put in, so that the link file is
	 * the one it started from with these changes ({@link MemoryLotGraph#changed}) rather
	 * than every link read again: the read grew with the store (two seconds at 50 million
	 * events), the changes with the night's exports.
	 */
	private static final class LinkChanges {

		/** The link generation the changes were made to; null: none (a new index). */
		private final @Nullable String base;

		final IntList[] removed = { new IntList(), new IntList() };

		final IntList[] added = { new IntList(), new IntList() };

		LinkChanges(@Nullable String base) {
			this.base = base;
		}

		/** What a change of the link table hands back for {@link #read}. */
		static final String RETURNING = " RETURNING input_lot, output_lot";

		/** Reads (input lot, output lot) rows to the end into the two lists. */
		static void read(ResultSet rs, IntList[] into) throws SQLException {
			while (rs.next()) {
				into[0].add(rs.getInt(1));
				into[1].add(rs.getInt(2));
			}
		}

		/**
		 * The link file of the base generation with these changes, checked against the
		 * index's count of links. @return null when there is no such file, or the changes
		 * do not fit it
		 */
		@Nullable MemoryLotGraph madeTo(Connection connection, Path linkFile) throws SQLException, IOException {
			MemoryLotGraph base = (this.base != null) ? MemoryLotGraph.map(linkFile, this.base) : null;
			if (base == null) {
				return null;
			}
			MemoryLotGraph changed = base.changed(MemoryLotGraph.lotCount(connection),
					new LotGraph.Edges(this.removed[0].toArray(), this.removed[1].toArray()),
					new LotGraph.Edges(this.added[0].toArray(), this.added[1].toArray()));
			try (Statement sql = connection.createStatement()) {
				if (changed != null && changed.links() == count(sql, "SELECT count(*) FROM link")) {
					return changed;
				}
			}
			log.warn("The link file did not match the trace index's links; it is read from the index again");
			return null;
		}

	}

}
