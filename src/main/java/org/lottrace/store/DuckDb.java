package org.lottrace.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Opens DuckDB connections with the resource limits of this process (DuckDB otherwise
 * takes 80% of RAM and every core), and exposes the committed store as views. DuckDB is
 * never the Spring {@code DataSource}: the job repository lives elsewhere. One connection
 * per thread.
 */
public final class DuckDb {

	private final Settings settings;

	/**
	 * @param memoryLimit DuckDB's {@code memory_limit}, e.g. {@code 2GB}
	 * @param threads DuckDB's worker threads
	 * @param tempDirectory where DuckDB may spill
	 */
	public record Settings(String memoryLimit, int threads, @Nullable Path tempDirectory) {

	}

	public DuckDb(Settings settings) {
		this.settings = settings;
	}

	/** The memory limit in bytes ({@code 2GB}, {@code 512MB}). */
	public long memoryLimitBytes() {
		return org.springframework.util.unit.DataSize.parse(this.settings.memoryLimit()).toBytes();
	}

	/** A fresh in-memory database. */
	public Connection inMemory() throws SQLException {
		return open("jdbc:duckdb:", false);
	}

	/** A database file, created if missing. */
	public Connection file(Path path, boolean readOnly) throws SQLException {
		return open("jdbc:duckdb:" + path.toAbsolutePath(), readOnly);
	}

	private Connection open(String url, boolean readOnly) throws SQLException {
		Properties properties = new Properties();
		if (readOnly) {
			properties.setProperty("duckdb.read_only", "true");
		}
		Connection connection = DriverManager.getConnection(url, properties);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET memory_limit = '" + this.settings.memoryLimit() + "'");
			statement.execute("SET threads = " + this.settings.threads());
			statement.execute("SET preserve_insertion_order = false");
			if (this.settings.tempDirectory() != null) {
				statement.execute("SET temp_directory = '" + sql(this.settings.tempDirectory().toString()) + "'");
			}
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return connection;
	}

	/**
	 * Creates, on the connection, a view {@code
	 *
	<table>
	 * _all} with every committed version of every row of a table, and a view {@code
	 *
	<table>
	 * } with only the current version of each natural key: the newest ingested one.
	 */
	public static void createViews(Connection connection, StoreCatalog catalog) throws SQLException {
		for (StoreTable table : StoreTable.values()) {
			createViews(connection, table, catalog.files(table));
		}
	}

	public static void createViews(Connection connection, StoreTable table, List<Path> files) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE OR REPLACE VIEW " + table.sqlName() + "_all AS " + scan(table, files));
			statement.execute(
					"CREATE OR REPLACE VIEW " + table.sqlName() + " AS " + current(table, table.sqlName() + "_all"));
		}
	}

	/** The current version of each natural key among the rows of {@code relation}. */
	public static String current(StoreTable table, String relation) {
		return "SELECT * FROM " + relation + " QUALIFY row_number() OVER (PARTITION BY " + table.keyColumn()
				+ " ORDER BY " + NEWEST_FIRST + ") = 1";
	}

	/** The order that puts the current version of a natural key first. */
	public static final String NEWEST_FIRST = "ingested_at DESC, source_sha256 DESC, source_line DESC";

	/**
	 * A SELECT over the given files of a table, with every column of the table in schema
	 * order: files hold only the columns their source fills, and the others read as NULL.
	 * Partition folders are not read as columns: each file carries its own values.
	 */
	public static String scan(StoreTable table, List<Path> files) {
		TableSchema<?> schema = StoreSchemas.of(table);
		String columns = schema.columns().stream().map(Column::name).collect(Collectors.joining(", "));
		String empty = "SELECT " + schema.columns()
			.stream()
			.map((c) -> "CAST(NULL AS " + sqlType(c.type()) + ") AS " + c.name())
			.collect(Collectors.joining(", ")) + " WHERE false";
		if (files.isEmpty()) {
			return empty;
		}
		return "SELECT " + columns + " FROM (" + empty + " UNION ALL BY NAME SELECT * FROM read_parquet("
				+ fileList(files) + ", union_by_name = true, hive_partitioning = false))";
	}

	public static String fileList(List<Path> files) {
		return files.stream().map((p) -> "'" + sql(p.toString()) + "'").collect(Collectors.joining(", ", "[", "]"));
	}

	public static String sqlType(ColumnType type) {
		return switch (type) {
			case STRING -> "VARCHAR";
			case DATE -> "DATE";
			case LOCAL_TIMESTAMP -> "TIMESTAMP_MS";
			case INSTANT -> "TIMESTAMP WITH TIME ZONE";
			case DECIMAL -> "DECIMAL(18,6)";
			case LONG -> "BIGINT";
			case BOOLEAN -> "BOOLEAN";
		};
	}

	/** Escapes a value for a single-quoted SQL string literal. */
	public static String sql(String value) {
		return value.replace("'", "''");
	}

}
