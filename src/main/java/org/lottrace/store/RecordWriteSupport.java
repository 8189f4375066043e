package org.lottrace.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.lottrace.kde.Quantity;

/**
 * Writes records of one {@link TableSchema} straight to Parquet's record consumer, column
 * by column.
 */
final class RecordWriteSupport<T> extends WriteSupport<T> {

	private final TableSchema<T> schema;

	private final List<Column<T>> columns;

	private final Map<String, String> metadata;

	private RecordConsumer consumer;

	RecordWriteSupport(TableSchema<T> schema, Map<String, String> metadata) {
		this.schema = schema;
		this.columns = schema.columns();
		this.metadata = metadata;
	}

	@Override
	public WriteContext init(Configuration configuration) {
		return new WriteContext(this.schema.messageType(), this.metadata);
	}

	@Override
	public WriteContext init(ParquetConfiguration configuration) {
		return new WriteContext(this.schema.messageType(), this.metadata);
	}

	@Override
	public void prepareForWrite(RecordConsumer recordConsumer) {
		this.consumer = recordConsumer;
	}

	@Override
	public void write(T record) {
		RecordConsumer out = this.consumer;
		out.startMessage();
		for (int i = 0; i < this.columns.size(); i++) {
			Column<T> column = this.columns.get(i);
			Object value = column.getter().apply(record);
			if (value != null) {
				out.startField(column.name(), i);
				writeValue(out, column.type(), value);
				out.endField(column.name(), i);
			}
		}
		out.endMessage();
	}

	private static void writeValue(RecordConsumer out, ColumnType type, Object value) {
		switch (type) {
			case STRING -> out.addBinary(Binary.fromString((String) value));
			case DATE -> out.addInteger((int) ((LocalDate) value).toEpochDay());
			case LOCAL_TIMESTAMP -> out.addLong(((LocalDateTime) value).toInstant(ZoneOffset.UTC).toEpochMilli());
			case INSTANT -> out.addLong(((Instant) value).toEpochMilli());
			case DECIMAL -> out.addLong(((BigDecimal) value).setScale(Quantity.SCALE).unscaledValue().longValueExact());
			case LONG -> out.addLong((Long) value);
			case BOOLEAN -> out.addBoolean((Boolean) value);
		}
	}

}
