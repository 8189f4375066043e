package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.lottrace.store.Column;
import org.lottrace.store.ColumnType;
import org.lottrace.store.DuckDb;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;

/**
 * Compacts the small files of the Iceberg tables, for the engines that read them: each
 * partition's small files (one per export and month) are copied by DuckDB into one file
 * in the table's own {@code data/} folder, checked row for row (count and content hash),
 * and swapped in by one "replace" snapshot. Every record version is kept.
 * <p>
 * The store's own files are never touched: lottrace's commit log, trace index and
 * {@code --as-of} go on reading them, and expiring the snapshots that still name them
 * deletes nothing outside a table's folder ({@link IcebergMaintenance}). The compacted
 * copy costs the disk space of the rows it holds once more.
 */
final class IcebergCompaction {

	/** Files smaller than this are compacted. */
	static final long SMALL_FILE_BYTES = 32L << 20;

	/** A partition is compacted when it has at least this many small files. */
	static final int MIN_FILES = 8;

	/** A file written by compaction, with this name prefix. */
	static final String PREFIX = "compacted-";

	private final IcebergTables tables;

	private final Connection duckDb;

	private final long smallFileBytes;

	private final int minFiles;

	IcebergCompaction(IcebergTables tables, Connection duckDb, long smallFileBytes, int minFiles) {
		this.tables = tables;
		this.duckDb = duckDb;
		this.smallFileBytes = smallFileBytes;
		this.minFiles = Math.max(2, minFiles);
	}

	/** What compaction did to a table. */
	record Result(int filesReplaced, int filesWritten) {

	}

	Result compact(StoreTable name) {
		Table table = this.tables.table(name);
		table.refresh();
		Snapshot base = table.currentSnapshot();
		if (base == null) {
			return new Result(0, 0);
		}
		Map<String, List<DataFile>> small = new LinkedHashMap<>();
		try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(base.snapshotId()).planFiles()) {
			for (FileScanTask task : tasks) {
				if (task.file().fileSizeInBytes() < this.smallFileBytes) {
					small
						.computeIfAbsent(table.spec().partitionToPath(task.file().partition()),
								(k) -> new ArrayList<>())
						.add(task.file());
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<DataFile> replaced = new ArrayList<>();
		List<DataFile> written = new ArrayList<>();
		for (List<DataFile> group : small.values()) {
			if (group.size() >= this.minFiles) {
				replaced.addAll(group);
				written.add(copy(name, table, group));
			}
		}
		if (written.isEmpty()) {
			return new Result(0, 0);
		}
		try {
			RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(base.snapshotId());
			replaced.forEach(rewrite::deleteFile);
			written.forEach(rewrite::addFile);
			rewrite.set("lottrace.maintenance", "compact").commit();
		}
		catch (RuntimeException ex) {
			// the copies are named by nothing: delete them, the table is as it was
			written.forEach((file) -> deleteQuietly(IcebergTables.path(file.location())));
			throw ex;
		}
		return new Result(replaced.size(), written.size());
	}

	/**
	 * One partition's files copied into one, in the partition folder of the table's
	 * {@code data/}: every column in schema order, timestamps in microseconds, field ids
	 * as the table numbers them.
	 */
	private DataFile copy(StoreTable name, Table table, List<DataFile> files) {
		List<Path> paths = files.stream().map((f) -> IcebergTables.path(f.location())).sorted().toList();
		Path folder = IcebergTables.path(table.location()).resolve("data");
		// the partition folders the store writes (cte=.../month=...), as the files'
		for (Path part : paths.get(0)) {
			String folderName = part.toString();
			if (table.spec().isPartitioned() && (folderName.startsWith("cte=") || folderName.startsWith("month="))) {
				folder = folder.resolve(folderName);
			}
		}
		Path target = folder.resolve(PREFIX + UUID.randomUUID() + ".parquet");
		List<Column<?>> columns = new ArrayList<>(StoreSchemas.of(name).columns());
		String select = columns.stream()
			.map((c) -> "CAST(" + c.name() + " AS " + type(c.type()) + ") AS " + c.name())
			.collect(Collectors.joining(", "));
		String ids = columns.stream()
			.map((c) -> c.name() + ": " + (columns.indexOf(c) + 1))
			.collect(Collectors.joining(", ", "{", "}"));
		try {
			Files.createDirectories(folder);
			try (Statement statement = this.duckDb.createStatement()) {
				statement.execute("SET preserve_insertion_order = true");
				statement.execute("COPY (SELECT " + select + " FROM (" + DuckDb.scan(name, paths) + ") ORDER BY "
						+ name.keyColumn() + ") TO '" + DuckDb.sql(target.toString())
						+ "' (FORMAT parquet, COMPRESSION zstd, FIELD_IDS " + ids + ")");
			}
			StoreMigration.Content before = StoreMigration.content(this.duckDb, name, paths);
			StoreMigration.Content after = StoreMigration.content(this.duckDb, name, List.of(target));
			boolean micros;
			try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(target))) {
				micros = !StoreMigration.needsRewrite(reader.getFooter().getFileMetaData());
			}
			if (!before.equals(after) || !micros) {
				throw new IllegalStateException("The compacted copy of " + paths.size() + " files of " + name.sqlName()
						+ " differs from them (" + before + ", " + after + "); nothing was replaced");
			}
			try (FileChannel channel = FileChannel.open(target, StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			String relative = this.tables.layout().root().relativize(target).toString().replace('\\', '/');
			return new IcebergCommits(this.tables).dataFile(table, new WrittenFile(relative, before.rows()));
		}
		catch (SQLException | IOException | RuntimeException ex) {
			deleteQuietly(target);
			if (ex instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("Could not compact " + name.sqlName() + ": " + ex.getMessage(), ex);
		}
	}

	private static String type(ColumnType type) {
		return switch (type) {
			case LOCAL_TIMESTAMP -> "TIMESTAMP";
			default -> DuckDb.sqlType(type);
		};
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			// an unnamed file in a table's folder: the next upkeep deletes it as an
			// orphan
		}
	}

}
