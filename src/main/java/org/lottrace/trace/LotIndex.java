package org.lottrace.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.duckdb.DuckDBConnection;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreLayout;
import org.springframework.util.FileSystemUtils;

/**
 * The derived index: a DuckDB database file in {@code store/_index/} holding every KDE
 * event version with ART indexes on lot code, work order and record key, the current
 * master data, the lots (a code plus who assigned it) with their aliases, and the links
 * from each input lot to the lot it went into. Everything in it is derived from the
 * store's committed Parquet files; delete the folder and {@link IndexRefresher} rebuilds
 * it.
 * <p>
 * DuckDB lets one process write a database file; this class holds the process's one
 * instance and hands out a connection per caller ({@code duplicate()}), so ingestion, the
 * scheduler and traces in one process share it.
 */
public final class LotIndex implements AutoCloseable {

	/** Bump when the tables change: an index of another version is rebuilt. */
	static final String VERSION = "6";

	private final Path folder;

	private final DuckDb duckDb;

	private @Nullable DuckDBConnection connection;

	/** Connections for queries, kept open with their statements. */
	private QueryConnections queries = new QueryConnections(this::connect);

	public LotIndex(StoreLayout layout, DuckDb duckDb) {
		this(layout.index(), duckDb);
	}

	/**
	 * An index in another folder: the index of the store as it stood at an earlier
	 * snapshot is built beside the store's own.
	 */
	public LotIndex(Path folder, DuckDb duckDb) {
		this.folder = folder;
		this.duckDb = duckDb;
	}

	public Path file() {
		return this.folder.resolve("lottrace.duckdb");
	}

	/**
	 * How many records one refresh transaction may apply: about one per 400 bytes of
	 * DuckDB's memory limit (5.3 million at the default 2GB); a refresh with more fresh
	 * records applies them in several transactions of whole exports, without the tables'
	 * look-up indexes (DuckDB keeps what a transaction adds to one in memory), which it
	 * builds after the last.
	 */
	public long batchRows() {
		return Math.max(100_000, this.duckDb.memoryLimitBytes() / 400);
	}

	/**
	 * The link file: the links as arrays a fresh process maps ({@link MemoryLotGraph}).
	 */
	public Path linkFile() {
		return this.folder.resolve("links.bin");
	}

	/**
	 * The links of this index mapped from its link file.
	 * @return null when the link file is missing or not of the index's generation
	 */
	public @Nullable MemoryLotGraph mappedLinks(Connection connection) throws SQLException {
		String generation = IndexSchema.linkGeneration(connection);
		if (generation == null) {
			return null;
		}
		try {
			return MemoryLotGraph.map(linkFile(), generation);
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A connection to the index, opening the database on first use. Close it after use;
	 * the database stays open.
	 * @throws IndexBusyException when another process has the index open
	 */
	public synchronized Connection connect() throws SQLException {
		if (this.connection == null || this.connection.isClosed()) {
			this.connection = open();
		}
		return this.connection.duplicate();
	}

	/**
	 * A connection for queries that read the index: one kept open with the statements it
	 * prepared ({@link QueryConnections}). Close it after use to give it back; leave
	 * nothing on it (no transaction, no temporary table, no setting).
	 * @throws IndexBusyException when another process has the index open
	 */
	public Connection read() throws SQLException {
		QueryConnections pool;
		synchronized (this) {
			pool = this.queries;
		}
		return pool.take();
	}

	private void createFolder() {
		try {
			Files.createDirectories(file().getParent());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private DuckDBConnection open() throws SQLException {
		createFolder();
		DuckDBConnection opened = openFile();
		try (Statement statement = opened.createStatement()) {
			IndexSchema.ensure(statement);
			if (!VERSION.equals(IndexSchema.version(statement))) {
				opened.close();
				deleteFiles();
				createFolder();
				opened = (DuckDBConnection) this.duckDb.file(file(), false);
				try (Statement fresh = opened.createStatement()) {
					IndexSchema.create(fresh);
				}
			}
		}
		try (Statement statement = opened.createStatement()) {
			// row groups are merged by IndexRefresher's compaction only, not by every
			// checkpoint
			statement.execute("SET max_vacuum_tasks = 0");
		}
		return opened;
	}

	/**
	 * The database file, opened for writing: DuckDB locks it for this process.
	 * @throws IndexBusyException when another process has it open
	 */
	private DuckDBConnection openFile() throws SQLException {
		try {
			return (DuckDBConnection) this.duckDb.file(file(), false);
		}
		catch (SQLException ex) {
			if (String.valueOf(ex.getMessage()).contains("lock")) {
				throw new IndexBusyException("the trace index " + file()
						+ " is in use by another lottrace process (a running `lottrace serve`, or a trace); try again "
						+ "when it has finished, or use the service's page or HTTP API", ex);
			}
			throw ex;
		}
	}

	/**
	 * Deletes the index; the next refresh rebuilds it from the store. A process that has
	 * the index open would go on with a deleted file while the next refresh builds
	 * another: the index is deleted only when no other process has it open (or when it is
	 * too damaged to open at all).
	 * @throws IndexBusyException when another process has it open
	 */
	public synchronized void delete() {
		close();
		if (Files.exists(file())) {
			try {
				openFile().close();
			}
			catch (SQLException ex) {
				// damaged: nobody can have it open, and deleting it is the remedy
			}
		}
		deleteFiles();
	}

	private void deleteFiles() {
		try {
			FileSystemUtils.deleteRecursively(this.folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + this.folder, ex);
		}
	}

	@Override
	public synchronized void close() {
		this.queries.close();
		this.queries = new QueryConnections(this::connect);
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
			this.connection = null;
		}
	}

}
