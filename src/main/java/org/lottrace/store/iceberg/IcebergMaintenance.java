package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ReachableFileUtil;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.lottrace.store.StoreTable;

/**
 * Upkeep of the Iceberg tables: snapshots older than the retention are expired (never
 * less than two years and a day: records are kept two years, 21 CFR 1.1455(d)), and
 * metadata files no snapshot or metadata version names (left by a commit a crash cut off)
 * are deleted. lottrace only appends, so expiring a snapshot never deletes a data file:
 * every record version stays in the current snapshot. The store's own files (data files,
 * the commit log, staging) are left alone. Run it under the store's write lock.
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
	public record TableResult(StoreTable table, int snapshotsBefore, int snapshotsAfter, List<Path> orphansDeleted) {

	}

	/**
	 * @param now the time the retention counts back from
	 * @param retention how long snapshots are kept
	 * @throws IllegalArgumentException when the retention is shorter than
	 * {@link #MIN_RETENTION}
	 */
	public List<TableResult> run(Instant now, Period retention) {
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
			if (table.currentSnapshot() != null) {
				table.expireSnapshots().expireOlderThan(cutoff.toEpochMilli()).retainLast(1).commit();
				table.refresh();
			}
			List<Path> orphans = orphans(table);
			for (Path orphan : orphans) {
				delete(orphan);
			}
			results.add(new TableResult(name, before, size(table.snapshots()), orphans));
		}
		return results;
	}

	/**
	 * Files in a table's folder that neither a metadata version kept nor a snapshot names
	 * (nor Hadoop's checksum of one).
	 */
	static List<Path> orphans(Table table) {
		Set<Path> reachable = new HashSet<>();
		ReachableFileUtil.metadataFileLocations(table, true).forEach((l) -> reachable.add(IcebergTables.path(l)));
		reachable.add(IcebergTables.path(ReachableFileUtil.versionHintLocation(table)));
		for (Snapshot snapshot : table.snapshots()) {
			reachable.add(IcebergTables.path(snapshot.manifestListLocation()));
			for (ManifestFile manifest : snapshot.allManifests(table.io())) {
				reachable.add(IcebergTables.path(manifest.path()));
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
