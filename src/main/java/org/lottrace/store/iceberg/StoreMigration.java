package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.lottrace.store.Column;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;

/**
 * Gives a store from before the Iceberg tables its tables, losing nothing. Files written
 * before them (timestamps in milliseconds, no field ids) are rewritten in place, row for
 * row, with microseconds and field ids, each checked against the original (row count and
 * content hash) before it replaces it; then every export of the commit log is committed
 * to the tables ({@link IcebergCommits#rollForward}); last, each table is read back
 * through Iceberg's file list and compared with the store's committed files as they were.
 * Running it again changes nothing. Run it under the store's write lock.
 */
public final class StoreMigration {

	private static final String MIGRATING = ".migrating";

	private final StoreCatalog catalog;

	private final DuckDb duckDb;

	private final IcebergCatalogs icebergCatalogs;

	/** A migration to the embedded file-system catalog under {@code store/iceberg/}. */
	public StoreMigration(StoreCatalog catalog, DuckDb duckDb) {
		this(catalog, duckDb, IcebergCatalogs.embedded(catalog.layout()));
	}

	public StoreMigration(StoreCatalog catalog, DuckDb duckDb, IcebergCatalogs icebergCatalogs) {
		this.catalog = catalog;
		this.duckDb = duckDb;
		this.icebergCatalogs = icebergCatalogs;
	}

	/** Rows and an order-independent hash of their content. */
	public record Content(long rows, String hash) {

	}

	/** What the migration found and did for one table. */
	public record TableResult(StoreTable table, int files, int rewritten, Content before, Content after) {

		public boolean same() {
			return this.before.equals(this.after);
		}

	}

	/** What it did: per table, and the exports committed to the Iceberg tables. */
	public record Result(List<TableResult> tables, int exportsCommitted) {

		public boolean lossless() {
			return this.tables.stream().allMatch(TableResult::same);
		}

	}

	public Result migrate() throws SQLException, IOException {
		List<Content> before = new ArrayList<>();
		List<Integer> rewritten = new ArrayList<>();
		try (Connection connection = this.duckDb.inMemory()) {
			for (StoreTable table : IcebergSchemas.TABLES) {
				List<Path> files = this.catalog.files(table);
				before.add(content(connection, table, files));
				int count = 0;
				for (Path file : files) {
					if (rewrite(connection, table, file)) {
						count++;
					}
				}
				rewritten.add(count);
			}
		}
		IcebergTables.prepare(this.catalog.layout());
		int committed;
		List<TableResult> results = new ArrayList<>();
		try (IcebergTables tables = this.icebergCatalogs.open(); Connection connection = this.duckDb.inMemory()) {
			committed = new IcebergCommits(tables).rollForward(this.catalog.commits());
			for (int i = 0; i < IcebergSchemas.TABLES.size(); i++) {
				StoreTable table = IcebergSchemas.TABLES.get(i);
				List<Path> files = tables.exists(table) ? icebergFiles(tables, table) : List.of();
				results.add(new TableResult(table, files.size(), rewritten.get(i), before.get(i),
						content(connection, table, files)));
			}
		}
		return new Result(results, committed);
	}

	/** The files of a table's current snapshot, as Iceberg lists them. */
	private static List<Path> icebergFiles(IcebergTables tables, StoreTable table) throws IOException {
		var iceberg = tables.table(table);
		iceberg.refresh();
		List<Path> files = new ArrayList<>();
		if (iceberg.currentSnapshot() != null) {
			try (CloseableIterable<FileScanTask> tasks = iceberg.newScan().planFiles()) {
				tasks.forEach((task) -> files.add(IcebergTables.path(task.file().location())));
			}
		}
		files.sort(null);
		return files;
	}

	/** Rows and content hash of a table's files, every column in schema order. */
	static Content content(Connection connection, StoreTable table, List<Path> files) throws SQLException {
		String columns = StoreSchemas.of(table).columns().stream().map(Column::name).collect(Collectors.joining(", "));
		String sql = "SELECT count(*), coalesce(sum(hash(row(" + columns + "))::HUGEINT), 0)::VARCHAR FROM ("
				+ DuckDb.scan(table, files) + ")";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return new Content(rs.getLong(1), rs.getString(2));
		}
	}

	/**
	 * Rewrites a file written before the Iceberg tables; leaves one written since alone.
	 * @return whether it was rewritten
	 */
	private boolean rewrite(Connection connection, StoreTable table, Path file) throws SQLException, IOException {
		FileMetaData footer = footer(file);
		if (!needsRewrite(footer)) {
			return false;
		}
		Path temp = file.resolveSibling(file.getFileName() + MIGRATING);
		Files.deleteIfExists(temp);
		List<String> columns = footer.getSchema().getFields().stream().map(Type::getName).toList();
		List<String> all = StoreSchemas.of(table).columns().stream().map(Column::name).toList();
		String ids = columns.stream()
			.map((c) -> c + ": " + (all.indexOf(c) + 1))
			.collect(Collectors.joining(", ", "{", "}"));
		String metadata = footer.getKeyValueMetaData()
			.entrySet()
			.stream()
			.filter((e) -> !e.getKey().startsWith("ARROW:") && !"duckdb".equals(e.getKey()))
			.map((e) -> "'" + DuckDb.sql(e.getKey()) + "': '" + DuckDb.sql(e.getValue()) + "'")
			.collect(Collectors.joining(", ", "{", "}"));
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET preserve_insertion_order = true");
			statement.execute("COPY (SELECT * FROM read_parquet('" + DuckDb.sql(file.toString())
					+ "', hive_partitioning = false)) TO '" + DuckDb.sql(temp.toString())
					+ "' (FORMAT parquet, COMPRESSION zstd, FIELD_IDS " + ids
					+ (metadata.equals("{}") ? "" : ", KV_METADATA " + metadata) + ")");
		}
		Content original = fileContent(connection, file, columns);
		Content copy = fileContent(connection, temp, columns);
		FileMetaData rewritten = footer(temp);
		if (!original.equals(copy) || needsRewrite(rewritten)) {
			Files.deleteIfExists(temp);
			throw new IllegalStateException("The rewrite of " + file + " differs from it (" + original + ", " + copy
					+ ", " + rewritten.getSchema() + "); it was left as it was");
		}
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
		Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		return true;
	}

	private static Content fileContent(Connection connection, Path file, List<String> columns) throws SQLException {
		String sql = "SELECT count(*), coalesce(sum(hash(row(" + String.join(", ", columns)
				+ "))::HUGEINT), 0)::VARCHAR FROM read_parquet('" + DuckDb.sql(file.toString())
				+ "', hive_partitioning = false)";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return new Content(rs.getLong(1), rs.getString(2));
		}
	}

	/**
	 * Timestamps in milliseconds, or columns without field ids: Iceberg misreads both.
	 */
	static boolean needsRewrite(FileMetaData footer) {
		for (Type field : footer.getSchema().getFields()) {
			LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
			if (field.getId() == null || (logical instanceof TimestampLogicalTypeAnnotation timestamp
					&& timestamp.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS)) {
				return true;
			}
		}
		return false;
	}

	private static FileMetaData footer(Path file) throws IOException {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			return reader.getFooter().getFileMetaData();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the footer of " + file, ex);
		}
	}

}
