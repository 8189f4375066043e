package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.StoreTable;

/**
 * Upkeep of the Iceberg tables: snapshots older than the retention are expired (never
 * less than two years and a day: records are kept two years, 21 CFR 1.1455(d)), and
 * metadata files no snapshot or metadata version names (left by a commit a crash cut off)
 * are deleted; the small files of each partition are compacted into one
 * ({@link IcebergCompaction}). lottrace only appends, so every record version stays in
 * the current snapshot. Expiry deletes files only inside a table's folder (metadata,
 * compacted copies no kept snapshot names): the store's own files (data files, the commit
 * log, staging) are never deleted, also when a compaction replaced them in the tables.
 * Run it under the store's write lock.
 */
public final class IcebergMaintenance {

	/** The shortest retention: two years and a day. */
	public static final Period MIN_RETENTION = Period.ofYears(2).plusDays(1);

	/**
	 * The same in milliseconds, at its longest (a leap day in the two years): the tables'
	 * {@code history.expire.max-snapshot-age-ms}, the default of other engines' expiry.
	 */
	static final long MIN_RETENTION_MILLIS = java.time.Duration.ofDays(2 * 365 + 1 + 1).toMillis();

	private final IcebergTables tables;

	public IcebergMaintenance(IcebergTables tables) {
		this.tables = tables;
	}

	/** What was done to one table. */
	public record TableResult(StoreTable table, int snapshotsBefore, int snapshotsAfter, List<Path> orphansDeleted,
			int filesCompacted, int filesWritten) {

	}

	/**
	 * @param now the time the retention counts back from
	 * @param retention how long snapshots are kept
	 * @throws IllegalArgumentException when the retention is shorter than
	 * {@link #MIN_RETENTION}
	 */
	public List<TableResult> run(Instant now, Period retention) {
		return run(now, retention, null);
	}

	/**
	 * Expires, deletes orphans and, given a DuckDB connection, compacts small files.
	 * @param now the time the retention counts back from
	 * @param retention how long snapshots are kept
	 * @param duckDb the connection that copies small files into one, or {@code null} to
	 * compact nothing
	 * @throws IllegalArgumentException when the retention is shorter than
	 * {@link #MIN_RETENTION}
	 */
	public List<TableResult> run(Instant now, Period retention, @Nullable Connection duckDb) {
		Instant cutoff = now.atZone(ZoneOffset.UTC).minus(retention).toInstant();
		if (cutoff.isAfter(now.atZone(ZoneOffset.UTC).minus(MIN_RETENTION).toInstant())) {
			throw new IllegalArgumentException("a retention of " + retention + " is shorter than two years and a "
					+ "day (" + MIN_RETENTION + "): records are kept two years (21 CFR 1.1455(d))");
		}
		List<TableResult> results = new ArrayList<>();
		for (StoreTable name : IcebergSchemas.TABLES) {
			if (!this.tables.exists(name)) {
				continue;
			}
			Table table = this.tables.table(name);
			table.refresh();
			int before = size(table.snapshots());
			IcebergCompaction.Result compacted = (duckDb != null) ? new IcebergCompaction(this.tables, duckDb,
					IcebergCompaction.SMALL_FILE_BYTES, IcebergCompaction.MIN_FILES)
				.compact(name) : new IcebergCompaction.Result(0, 0);
			table.refresh();
			if (table.currentSnapshot() != null) {
				Path folder = IcebergTables.path(table.location());
				table.expireSnapshots()
					.expireOlderThan(cutoff.toEpochMilli())
					.retainLast(1)
					.deleteWith((location) -> deleteInside(folder, IcebergTables.path(location)))
					.commit();
				table.refresh();
			}
			List<Path> orphans = orphans(table);
			for (Path orphan : orphans) {
				delete(orphan);
			}
			results.add(new TableResult(name, before, size(table.snapshots()), orphans, compacted.filesReplaced(),
					compacted.filesWritten()));
		}
		return results;
	}

	/**
	 * Files in a table's folder that neither a metadata version kept nor a snapshot names
	 * (nor Hadoop's checksum of one): a snapshot names its manifest list, its manifests,
	 * and the data files they list (compacted copies live in the table's folder).
	 */
	static List<Path> orphans(Table table) {
		Set<Path> reachable = new HashSet<>();
		ReachableFileUtil.metadataFileLocations(table, true).forEach((l) -> reachable.add(IcebergTables.path(l)));
		reachable.add(IcebergTables.path(ReachableFileUtil.versionHintLocation(table)));
		for (Snapshot snapshot : table.snapshots()) {
			reachable.add(IcebergTables.path(snapshot.manifestListLocation()));
			for (ManifestFile manifest : snapshot.allManifests(table.io())) {
				if (reachable.add(IcebergTables.path(manifest.path()))
						&& manifest.content() == org.apache.iceberg.ManifestContent.DATA) {
					try (CloseableIterable<String> paths = ManifestFiles.readPaths(manifest, table.io(),
							table.specs())) {
						paths.forEach((p) -> reachable.add(IcebergTables.path(p)));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			}
		}
		Path root = IcebergTables.path(table.location());
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(Files::isRegularFile)
				.filter((p) -> !reachable.contains(p) && !reachable.contains(checksummed(p)))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + root, ex);
		}
	}

	/** {@code .x.crc} is Hadoop's checksum of {@code x}. */
	private static Path checksummed(Path file) {
		String name = file.getFileName().toString();
		if (name.startsWith(".") && name.endsWith(".crc")) {
			return file.resolveSibling(name.substring(1, name.length() - ".crc".length()));
		}
		return file;
	}

	/**
	 * Deletes a file expiry no longer needs, if it is in the table's folder: a data file
	 * of the store (which a compaction replaced in the table) is never deleted.
	 */
	private static void deleteInside(Path folder, Path file) {
		if (file.normalize().startsWith(folder.normalize())) {
			delete(file);
			// and Hadoop's checksum of it
			delete(file.resolveSibling("." + file.getFileName() + ".crc"));
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + file, ex);
		}
	}

	private static int size(Iterable<?> items) {
		int n = 0;
		for (Object item : items) {
			n++;
		}
		return n;
	}

}
