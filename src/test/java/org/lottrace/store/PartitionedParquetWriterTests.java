package org.lottrace.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Product;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** Parquet files written by the store's writer, read back with DuckDB. */
class PartitionedParquetWriterTests {

	private static final String FILE = "erp-receiving-cdcdcdcdcdcd.parquet";

	private final DuckDb duckDb = new DuckDb(new DuckDb.Settings("512MB", 1, null));

	@TempDir
	Path staging;

	@Test
	void writesOneFilePerCteAndMonthAndReadsEveryColumnBack() throws Exception {
		// given
		List<KdeEvent> events = List.of(StoreRecords.receipt("RC-5003", "L2301", LocalDate.of(2026, 10, 5)),
				StoreRecords.landing(), StoreRecords.receipt("RC-5011", "L2388", LocalDate.of(2026, 10, 12)),
				StoreRecords.receipt("RC-5030", "L2420", LocalDate.of(2026, 11, 2)));
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(StoreSchemas.KDE_EVENT, this.staging,
				FILE, StoreRecords.ZSTD, Map.of("lottrace.source", "erp-receiving"));

		// when
		events.forEach(writer::write);
		List<WrittenFile> files = writer.finish();

		// then
		assertThat(files).containsExactly(
				new WrittenFile("kde/cte=first-land-based-receiving/month=2026-09/" + FILE, 1),
				new WrittenFile("kde/cte=receiving/month=2026-10/" + FILE, 2),
				new WrittenFile("kde/cte=receiving/month=2026-11/" + FILE, 1));
		assertThat(readBack(StoreSchemas.KDE_EVENT, files)).containsExactlyElementsOf(expected(StoreSchemas.KDE_EVENT,
				events.stream().sorted((a, b) -> a.recordKey().compareTo(b.recordKey())).toList()));
	}

	@Test
	void storesDecimalsDatesAndTimestampsWithTheirSqlTypes() throws Exception {
		// given
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(StoreSchemas.KDE_EVENT, this.staging,
				FILE, StoreRecords.ZSTD, Map.of());
		writer.write(StoreRecords.landing());
		Path file = this.staging.resolve(writer.finish().get(0).path());

		// when
		List<String> row = query("SELECT typeof(quantity), quantity::VARCHAR, typeof(event_date), "
				+ "typeof(event_time), event_time::VARCHAR, typeof(ingested_at), epoch_ms(ingested_at)::VARCHAR, "
				+ "typeof(source_line), received_quantity::VARCHAR, internal_lot IS NULL FROM read_parquet('" + file
				+ "')")
			.get(0);

		// then
		assertThat(row).containsExactly("DECIMAL(18,6)", "1234.567891", "DATE", "TIMESTAMP", "2026-09-30 23:59:58.999",
				"TIMESTAMP WITH TIME ZONE", String.valueOf(StoreRecords.INGESTED_AT.toEpochMilli()), "BIGINT",
				"0.000001", "true");
	}

	@Test
	void keepsTheRowCountAndTheSourceInTheFooter() throws Exception {
		// given
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(StoreSchemas.KDE_EVENT, this.staging,
				FILE, new WriterSettings(CompressionCodecName.SNAPPY, 1),
				Map.of("lottrace.source", "erp-receiving", "lottrace.source_sha256", "cd".repeat(32)));
		for (int i = 0; i < 2500; i++) {
			writer.write(StoreRecords.receipt("RC-" + i, "L" + i, LocalDate.of(2026, 10, 5)));
		}

		// when
		Path file = this.staging.resolve(writer.finish().get(0).path());

		// then
		assertThat(
				query("SELECT num_rows::VARCHAR, num_row_groups::VARCHAR FROM parquet_file_metadata('" + file + "')"))
			.containsExactly(List.of("2500", "3"));
		assertThat(query("SELECT decode(key), decode(value) FROM parquet_kv_metadata('" + file + "') ORDER BY 1"))
			.containsExactly(List.of("lottrace.source", "erp-receiving"),
					List.of("lottrace.source_sha256", "cd".repeat(32)));
	}

	@Test
	void readsTheColumnsAFileLeavesOutAsNull() throws Exception {
		// given: a file with only the columns a receiving source fills
		TableSchema<KdeEvent> schema = StoreSchemas.KDE_EVENT
			.select((column) -> !column.startsWith("harvest") && !column.equals("catch_area"));
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(schema, this.staging, FILE,
				StoreRecords.ZSTD, Map.of());
		writer.write(StoreRecords.landing());
		List<WrittenFile> files = writer.finish();

		// when
		List<List<String>> rows;
		try (Connection connection = this.duckDb.inMemory()) {
			rows = rows(connection, "SELECT harvest_date IS NULL, harvest_location_code IS NULL, catch_area IS NULL, "
					+ "cooling_date::VARCHAR FROM (" + DuckDb.scan(StoreTable.KDE_EVENT, paths(files)) + ")");
		}

		// then
		assertThat(rows).containsExactly(List.of("true", "true", "true", "2026-09-28"));
	}

	@Test
	void writesMasterDataWithoutPartitions() throws Exception {
		// given
		Product eggs = new Product("EGG-SHELL-LG", "Shell eggs, large, grade A", "Prairie Eggs", "Shell eggs", "Large",
				"15 dozen", "Case", "00614141200046", "Shell eggs", true, "each",
				StoreRecords.provenance("erp-items", 5));
		Product filling = new Product("FILLING-PB", "Peanut butter cream filling", null, null, null, null, null, null,
				null, false, "kg", StoreRecords.provenance("erp-items", 9));
		PartitionedParquetWriter<Product> writer = new PartitionedParquetWriter<>(StoreSchemas.PRODUCT, this.staging,
				"erp-items-cdcdcdcdcdcd.parquet", StoreRecords.ZSTD, Map.of());

		// when
		writer.write(eggs);
		writer.write(filling);
		List<WrittenFile> files = writer.finish();

		// then
		assertThat(files).containsExactly(new WrittenFile("master/table=product/erp-items-cdcdcdcdcdcd.parquet", 2));
		assertThat(readBack(StoreSchemas.PRODUCT, files))
			.containsExactlyElementsOf(expected(StoreSchemas.PRODUCT, List.of(eggs, filling)));
	}

	@Test
	void leavesOnlyInProgressFilesWhenAbandoned() throws IOException {
		// given
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(StoreSchemas.KDE_EVENT, this.staging,
				FILE, StoreRecords.ZSTD, Map.of());
		writer.write(StoreRecords.receipt("RC-5003", "L2301", LocalDate.of(2026, 10, 5)));

		// when
		writer.close();

		// then
		try (Stream<Path> walk = Files.walk(this.staging)) {
			assertThat(walk.filter(Files::isRegularFile).map((p) -> p.getFileName().toString()))
				.containsExactly(FILE + ".inprogress");
		}
	}

	private <T> List<List<Object>> readBack(TableSchema<T> schema, List<WrittenFile> files) throws SQLException {
		List<List<Object>> rows = new ArrayList<>();
		try (Connection connection = this.duckDb.inMemory();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet(" + DuckDb.fileList(paths(files))
						+ ", hive_partitioning = false) ORDER BY " + schema.columns().get(0).name())) {
			assertThat(rs.getMetaData().getColumnCount()).isEqualTo(schema.columns().size());
			while (rs.next()) {
				List<Object> row = new ArrayList<>();
				for (Column<T> column : schema.columns()) {
					row.add(value(rs, column));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private static Object value(ResultSet rs, Column<?> column) throws SQLException {
		String name = column.name();
		if (rs.getObject(name) == null) {
			return "NULL";
		}
		return switch (column.type()) {
			case STRING -> rs.getString(name);
			case DATE -> rs.getObject(name, LocalDate.class);
			case LOCAL_TIMESTAMP -> rs.getObject(name, LocalDateTime.class);
			case INSTANT -> rs.getObject(name, OffsetDateTime.class).toInstant();
			case DECIMAL -> rs.getBigDecimal(name);
			case LONG -> rs.getLong(name);
			case BOOLEAN -> rs.getBoolean(name);
		};
	}

	private static <T> List<List<Object>> expected(TableSchema<T> schema, List<T> records) {
		return records.stream().map((record) -> schema.columns().stream().map((column) -> {
			Object value = column.getter().apply(record);
			return (value == null) ? "NULL"
					: (value instanceof BigDecimal decimal) ? decimal.setScale(6) : (Object) value;
		}).toList()).toList();
	}

	private List<List<String>> query(String sql) throws SQLException {
		try (Connection connection = this.duckDb.inMemory()) {
			return rows(connection, sql);
		}
	}

	static List<List<String>> rows(Connection connection, String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getString(i + 1);
				}
				rows.add(Arrays.asList(row));
			}
		}
		return rows;
	}

	private List<Path> paths(List<WrittenFile> files) {
		return files.stream().map((f) -> this.staging.resolve(f.path())).toList();
	}

}
