package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;

import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.InputFile;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.iceberg.util.SnapshotUtil;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.CommitLog;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreTable;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.support.ExecutorServiceAdapter;

/**
 * Commits ingested exports to the Iceberg tables: one snapshot per export and table, its
 * summary carrying the export's source, file name, SHA-256 and counts, exactly once by
 * source and SHA-256. The store's own commit ({@link CommitLog}) comes first and decides
 * what is ingested; the Iceberg commit follows it, and {@link #rollForward} makes up for
 * any that a crash cut off in between. Call both only under the store's write lock.
 */
public final class IcebergCommits {

	/** Snapshot summary keys. */
	public static final String SOURCE = "lottrace.source", FILE = "lottrace.file", SHA256 = "lottrace.sha256",
			COMMIT = "lottrace.commit", INGESTED_AT = "lottrace.ingested-at", READ = "lottrace.read",
			WRITTEN = "lottrace.written", REJECTED = "lottrace.rejected", PENDING = "lottrace.pending",
			ROWS = "lottrace.rows", RESOLVES = "lottrace.resolves";

	/** Runs what Iceberg would hand its worker pool on the calling thread. */
	private static final ExecutorService SAME_THREAD = new ExecutorServiceAdapter(new SyncTaskExecutor());

	private final IcebergTables tables;

	public IcebergCommits(IcebergTables tables) {
		this.tables = tables;
	}

	/**
	 * Commits an export's files, unless its snapshot is there already.
	 * @return the number of snapshots made (0 when it was committed before)
	 */
	public int commit(StoreCommit commit) {
		int made = 0;
		for (Map.Entry<StoreTable, List<WrittenFile>> entry : filesByTable(commit).entrySet()) {
			Table table = this.tables.table(entry.getKey());
			table.refresh();
			if (find(table, commit.source(), commit.sha256()) == null) {
				append(table, commit, entry.getValue());
				made++;
			}
		}
		return made;
	}

	/**
	 * Commits every export of the commit log that the Iceberg tables do not have yet,
	 * oldest first: those a crash cut off between the two commits, or a whole store from
	 * before the Iceberg tables. An export whose snapshot was expired is known by its
	 * files, which are still in the table.
	 * @return the number of exports committed
	 */
	public int rollForward(CommitLog log) {
		Map<StoreTable, Known> known = new LinkedHashMap<>();
		int committed = 0;
		for (StoreCommit commit : log.all()) {
			boolean missing = false;
			for (Map.Entry<StoreTable, List<WrittenFile>> entry : filesByTable(commit).entrySet()) {
				Known table = known.computeIfAbsent(entry.getKey(), (t) -> new Known(this.tables.table(t)));
				missing |= !table.has(commit, entry.getValue(), this);
			}
			if (missing && commit(commit) > 0) {
				committed++;
			}
		}
		return committed;
	}

	/** The snapshot of an export in a table's history, or {@code null}. */
	public static @Nullable Snapshot find(Table table, String source, String sha256) {
		for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
			Map<String, String> summary = snapshot.summary();
			if (sha256.equals(summary.get(SHA256)) && source.equals(summary.get(SOURCE))) {
				return snapshot;
			}
		}
		return null;
	}

	private void append(Table table, StoreCommit commit, List<WrittenFile> files) {
		// written on this thread: handed to Iceberg's worker pool, the manifest of an
		// export's few files is waited for in steps of 10 ms (Tasks.waitFor)
		AppendFiles append = table.newAppend().scanManifestsWith(SAME_THREAD).writeManifestsWith(SAME_THREAD, 1);
		long rows = 0;
		for (WrittenFile file : files) {
			append.appendFile(dataFile(table, file));
			rows += file.rows();
		}
		append.set(SOURCE, commit.source())
			.set(FILE, commit.file())
			.set(SHA256, commit.sha256())
			.set(COMMIT, commit.fileId())
			.set(INGESTED_AT, commit.ingestedAt().toString())
			.set(READ, Long.toString(commit.read()))
			.set(WRITTEN, Long.toString(commit.written()))
			.set(REJECTED, Long.toString(commit.rejected()))
			.set(PENDING, Long.toString(commit.pending()))
			.set(ROWS, Long.toString(rows));
		if (commit.resolves() != null) {
			append.set(RESOLVES, commit.resolves());
		}
		append.commit();
	}

	/**
	 * A file lottrace wrote, described for Iceberg: its metrics from its footer, its
	 * partition from its folder. The footer is read as Iceberg's
	 * {@code ParquetUtil.fileMetrics} reads it, without the Hadoop configuration Parquet
	 * would make for it (Hadoop's default files parsed again: 50 ms of a small
	 * ingestion).
	 */
	DataFile dataFile(Table table, WrittenFile file) {
		Path path = this.tables.layout().root().resolve(file.path());
		String location = path.toUri().toString();
		InputFile input = table.io().newInputFile(location);
		var mapping = NameMappingParser.fromJson(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
		ParquetMetadata footer;
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(path),
				ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
			footer = reader.getFooter();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the footer of " + location, ex);
		}
		DataFiles.Builder builder = DataFiles.builder(table.spec())
			.withInputFile(input)
			.withFormat(FileFormat.PARQUET)
			.withMetrics(ParquetUtil.footerMetrics(footer, Stream.empty(), MetricsConfig.forTable(table), mapping));
		if (table.spec().isPartitioned()) {
			builder.withPartition(partition(table.spec(), file.path()));
		}
		DataFile dataFile = builder.build();
		if (dataFile.recordCount() != file.rows()) {
			throw new IllegalStateException(location + " holds " + dataFile.recordCount() + " rows, its commit says "
					+ file.rows() + "; nothing was committed to the Iceberg table");
		}
		return dataFile;
	}

	/** {@code kde/cte=shipping/month=2026-10/x.parquet}: cte and months since 1970-01. */
	static GenericRecord partition(PartitionSpec spec, String path) {
		String cte = null;
		YearMonth month = null;
		for (String part : path.split("/")) {
			if (part.startsWith("cte=")) {
				cte = part.substring("cte=".length());
			}
			else if (part.startsWith("month=")) {
				month = YearMonth.parse(part.substring("month=".length()));
			}
		}
		if (cte == null || month == null) {
			throw new IllegalStateException(path + " is not in a cte=.../month=... folder");
		}
		GenericRecord partition = GenericRecord.create(spec.partitionType());
		partition.set(0, cte);
		partition.set(1, (month.getYear() - 1970) * 12 + month.getMonthValue() - 1);
		return partition;
	}

	/**
	 * The tables an export's files go to. An export that brought no records still gets
	 * its snapshot (in {@code kde_event}), so that every ingested export is in a table's
	 * history.
	 */
	static Map<StoreTable, List<WrittenFile>> filesByTable(StoreCommit commit) {
		Map<StoreTable, List<WrittenFile>> byTable = new LinkedHashMap<>();
		for (WrittenFile file : commit.files()) {
			StoreTable table = IcebergSchemas.TABLES.stream()
				.filter((t) -> file.path().startsWith(t.directory() + "/"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(file.path() + " is in no table of the store"));
			byTable.computeIfAbsent(table, (t) -> new ArrayList<>()).add(file);
		}
		if (byTable.isEmpty()) {
			byTable.put(StoreTable.KDE_EVENT, List.of());
		}
		return byTable;
	}

	/** What a table has: its exports by snapshot summary, and (when asked) its files. */
	private static final class Known {

		private final Table table;

		private final Set<String> exports = new HashSet<>();

		private final long oldestSnapshot;

		/** Whether older snapshots were expired (the oldest kept has a parent). */
		private final boolean expired;

		private @Nullable Set<Path> files;

		Known(Table table) {
			this.table = table;
			table.refresh();
			long oldest = Long.MAX_VALUE;
			boolean truncated = false;
			for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
				this.exports.add(snapshot.summary().get(SOURCE) + "/" + snapshot.summary().get(SHA256));
				if (snapshot.timestampMillis() <= oldest) {
					oldest = snapshot.timestampMillis();
					truncated = snapshot.parentId() != null;
				}
			}
			this.oldestSnapshot = oldest;
			this.expired = truncated;
		}

		boolean has(StoreCommit commit, List<WrittenFile> files, IcebergCommits commits) {
			if (this.exports.contains(commit.source() + "/" + commit.sha256())) {
				return true;
			}
			if (this.expired && commit.ingestedAt().toEpochMilli() < this.oldestSnapshot) {
				// its snapshot expired; its files may since have been compacted into a
				// copy, so they need not be in the table by their own names
				return true;
			}
			if (files.isEmpty()) {
				// expired with its snapshot, if it was ingested before the oldest one
				// kept
				return commit.ingestedAt().toEpochMilli() < this.oldestSnapshot
						&& this.oldestSnapshot != Long.MAX_VALUE;
			}
			Set<Path> present = files();
			return files.stream().allMatch((f) -> present.contains(commits.tables.layout().root().resolve(f.path())));
		}

		private Set<Path> files() {
			if (this.files == null) {
				Set<Path> paths = new HashSet<>();
				if (this.table.currentSnapshot() != null) {
					try (CloseableIterable<FileScanTask> tasks = this.table.newScan().planFiles()) {
						tasks.forEach((task) -> paths.add(IcebergTables.path(task.file().location())));
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
				this.files = paths;
			}
			return this.files;
		}

	}

}
