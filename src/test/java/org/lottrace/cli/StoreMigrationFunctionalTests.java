package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lottrace store migrate} gives a store from before the Iceberg tables
 * ({@code src/test/resources/stores/before-iceberg}, written by the code of that time)
 * its tables, losing nothing, and running it again changes nothing.
 */
class StoreMigrationFunctionalTests {

	private static final Path BEFORE_ICEBERG = Path.of("src/test/resources/stores/before-iceberg").toAbsolutePath();

	@TempDir
	Path store;

	@BeforeEach
	void copyTheStore() throws Exception {
		FileSystemUtils.copyRecursively(BEFORE_ICEBERG, this.store);
	}

	@Test
	void migratesEveryRecordAndExportIntoIcebergTablesAndChangesNothingTheSecondTime() throws Exception {
		// given
		List<String> before = rows();

		// when
		Cli.Result migrated = migrate();

		// then: every file rewritten, every export a snapshot, rows and hashes the same
		assertThat(migrated.exitCode()).as(migrated.toString()).isEqualTo(ExitCodes.OK);
		assertThat(migrated.out())
			.anySatisfy((line) -> assertThat(line).startsWith("  kde_event ")
				.contains(" rewritten; rows 512 -> 512, content hash ")
				.endsWith(": same"))
			.contains("22 export(s) committed to the Iceberg tables", "Nothing lost.");
		assertThat(rows()).isEqualTo(before);
		assertThat(committedFiles()).isNotEmpty().allSatisfy((file) -> assertThat(microsWithIds(file)).isTrue());
		assertThat(icebergRows("kde_event")).isEqualTo(512);
		assertThat(icebergRows("location") + icebergRows("product")).isEqualTo(count("location_all", "product_all"));
		assertThat(snapshots("kde_event") + snapshots("location") + snapshots("product")).isEqualTo(22);

		// when: again
		Cli.Result again = migrate();

		// then
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.OK);
		assertThat(again.out()).anySatisfy((line) -> assertThat(line).contains(" 0 rewritten; rows 512 -> 512"))
			.contains("0 export(s) committed to the Iceberg tables (every export had its snapshot already)");
		assertThat(snapshots("kde_event") + snapshots("location") + snapshots("product")).isEqualTo(22);
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void ingestionIntoAStoreNotMigratedMakesNoIcebergTablesAndSaysHowTo() throws Exception {
		// when
		Cli.Result ingested = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());

		// then
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(this.store.resolve("iceberg")).doesNotExist();
		assertThat(Files.readString(this.store.resolve("_logs/lottrace.log")))
			.contains("has no Iceberg tables yet (it predates them); 'lottrace store migrate' adds them");
	}

	private Cli.Result migrate() throws Exception {
		return Cli.run("store", "migrate", "--store", this.store.toString());
	}

	/** Every committed row of every table, as DuckDB reads the committed files. */
	private List<String> rows() throws Exception {
		List<String> rows = new ArrayList<>();
		for (String view : List.of("kde_event_all", "location_all", "product_all", "held_row_all")) {
			try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
					Statement statement = connection.createStatement()) {
				DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(this.store)));
				try (ResultSet rs = statement.executeQuery("SELECT * FROM " + view + " ORDER BY ALL")) {
					int columns = rs.getMetaData().getColumnCount();
					while (rs.next()) {
						StringBuilder row = new StringBuilder(view);
						for (int i = 1; i <= columns; i++) {
							row.append('|').append(rs.getString(i));
						}
						rows.add(row.toString());
					}
				}
			}
		}
		return rows;
	}

	private long count(String... views) throws Exception {
		long total = 0;
		for (String view : views) {
			try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
					Statement statement = connection.createStatement()) {
				DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(this.store)));
				try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + view)) {
					rs.next();
					total += rs.getLong(1);
				}
			}
		}
		return total;
	}

	private List<Path> committedFiles() {
		StoreCatalog catalog = new StoreCatalog(new StoreLayout(this.store));
		return Stream.of(StoreTable.KDE_EVENT, StoreTable.LOCATION, StoreTable.PRODUCT)
			.flatMap((t) -> catalog.files(t).stream())
			.toList();
	}

	private static boolean microsWithIds(Path file) throws Exception {
		try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
			for (Type field : reader.getFooter().getFileMetaData().getSchema().getFields()) {
				if (field.getId() == null || (field
					.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t
						&& t.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS)) {
					return false;
				}
			}
			return true;
		}
	}

	private Table table(String name) {
		return new HadoopTables(new Configuration())
			.load(this.store.resolve("iceberg/lottrace/" + name).toUri().toString());
	}

	private long icebergRows(String name) throws Exception {
		try (CloseableIterable<Record> records = IcebergGenerics.read(table(name)).build()) {
			return StreamSupport.stream(records.spliterator(), false).count();
		}
	}

	private long snapshots(String name) {
		return StreamSupport.stream(table(name).snapshots().spliterator(), false).count();
	}

}
