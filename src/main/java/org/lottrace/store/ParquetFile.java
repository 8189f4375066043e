package org.lottrace.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.lottrace.kde.Quantity;

/**
 * One Parquet file being written, record by record, straight into parquet-java's column
 * writers. This is what {@code ParquetWriter} does through its record-consumer layer,
 * without that layer: for a flat schema the layer only adds work (field bookkeeping, null
 * tracking), and it measured as a third of the encoding time. Row groups are cut at the
 * configured size, as {@code ParquetWriter} does.
 */
final class ParquetFile<T> implements AutoCloseable {

	private static final int SIZE_CHECK_INTERVAL = 1000;

	private final MessageType schema;

	private final ParquetProperties properties;

	private final ParquetFileWriter file;

	private final CodecFactory codecs;

	private final BytesInputCompressor compressor;

	private final long rowGroupBytes;

	private final Map<String, String> metadata;

	private final List<Column<T>> columns;

	private final ColumnType[] types;

	private final Object[] lastString;

	private final Binary[] lastBinary;

	private ColumnChunkPageWriteStore pageStore;

	private ColumnWriteStore columnStore;

	private ColumnWriter[] writers;

	private long rowsInGroup;

	private long rows;

	ParquetFile(OutputFile output, TableSchema<T> table, PartitionedParquetWriter.WriterSettings settings,
			Map<String, String> metadata) throws IOException {
		this.schema = table.messageType();
		ParquetProperties.Builder builder = ParquetProperties.builder()
			.withDictionaryEncoding(true)
			.withSizeStatisticsEnabled(false)
			.withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0);
		for (Column<T> column : table.columns()) {
			if (column.distinct()) {
				builder.withDictionaryEncoding(column.name(), false);
			}
			if (!column.statistics()) {
				builder.withStatisticsEnabled(column.name(), false);
			}
		}
		this.properties = builder.build();
		this.rowGroupBytes = settings.rowGroupBytes();
		this.metadata = metadata;
		this.columns = table.columns();
		this.types = table.columns().stream().map(Column::type).toArray(ColumnType[]::new);
		this.lastString = new Object[this.types.length];
		this.lastBinary = new Binary[this.types.length];
		this.file = new ParquetFileWriter(output, this.schema, ParquetFileWriter.Mode.OVERWRITE, this.rowGroupBytes, 0,
				null, this.properties);
		this.file.start();
		this.codecs = new CodecFactory(new Configuration(false), this.properties.getPageSizeThreshold());
		this.compressor = this.codecs.getCompressor(settings.codec());
		startRowGroup();
	}

	private void startRowGroup() {
		this.pageStore = new ColumnChunkPageWriteStore(this.compressor, this.schema, this.properties.getAllocator(),
				this.properties.getColumnIndexTruncateLength(), this.properties.getPageWriteChecksumEnabled());
		this.columnStore = this.properties.newColumnWriteStore(this.schema, this.pageStore, this.pageStore);
		List<ColumnDescriptor> descriptors = this.schema.getColumns();
		this.writers = new ColumnWriter[descriptors.size()];
		for (int i = 0; i < descriptors.size(); i++) {
			this.writers[i] = this.columnStore.getColumnWriter(descriptors.get(i));
		}
	}

	void write(T record) throws IOException {
		for (int i = 0; i < this.writers.length; i++) {
			Object value = this.columns.get(i).getter().apply(record);
			ColumnWriter writer = this.writers[i];
			if (value == null) {
				writer.writeNull(0, 0);
				continue;
			}
			switch (this.types[i]) {
				case STRING -> writer.write(binary(i, value), 0, 1);
				case DATE -> writer.write((int) ((LocalDate) value).toEpochDay(), 0, 1);
				case LOCAL_TIMESTAMP -> writer.write(micros(((LocalDateTime) value).toInstant(ZoneOffset.UTC)), 0, 1);
				case INSTANT -> writer.write(micros((Instant) value), 0, 1);
				case DECIMAL -> writer.write(unscaled((BigDecimal) value), 0, 1);
				case LONG -> writer.write((Long) value, 0, 1);
				case BOOLEAN -> writer.write((Boolean) value, 0, 1);
			}
		}
		this.columnStore.endRecord();
		this.rows++;
		if (++this.rowsInGroup % SIZE_CHECK_INTERVAL == 0 && this.columnStore.getBufferedSize() >= this.rowGroupBytes) {
			flushRowGroup();
			startRowGroup();
		}
	}

	/**
	 * Strings repeat on consecutive rows (constants, provenance): reuse their UTF-8
	 * encoding.
	 */
	private Binary binary(int column, Object value) {
		if (this.lastString[column] == value) {
			return this.lastBinary[column];
		}
		Binary binary = Binary.fromString((String) value);
		this.lastString[column] = value;
		this.lastBinary[column] = binary;
		return binary;
	}

	private static long micros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	private static long unscaled(BigDecimal value) {
		return value.setScale(Quantity.SCALE).unscaledValue().longValueExact();
	}

	private void flushRowGroup() throws IOException {
		if (this.rowsInGroup > 0) {
			this.file.startBlock(this.rowsInGroup);
			this.columnStore.flush();
			this.pageStore.flushToFileWriter(this.file);
			this.file.endBlock();
			this.rowsInGroup = 0;
		}
		this.columnStore.close();
		this.pageStore.close();
	}

	long rows() {
		return this.rows;
	}

	/** Writes the last row group and the footer. */
	void finish() throws IOException {
		flushRowGroup();
		this.file.end(this.metadata);
		this.codecs.release();
	}

	/** Abandons the file without a footer. */
	@Override
	public void close() {
		this.codecs.release();
	}

}
