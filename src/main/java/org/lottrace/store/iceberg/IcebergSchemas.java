package org.lottrace.store.iceberg;

import java.util.ArrayList;
import java.util.List;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.lottrace.store.Column;
import org.lottrace.store.ColumnType;
import org.lottrace.store.StoreSchemas;
import org.lottrace.store.StoreTable;
import org.lottrace.store.TableSchema;

/**
 * The Iceberg schema and partitioning of each store table, from the store's own column
 * layout ({@link StoreSchemas}): same names, same order, every column optional (a mapping
 * may leave columns out of its files; readers see them as NULL).
 */
final class IcebergSchemas {

	/** The tables kept as Iceberg tables (rejected and pending rows are not, yet). */
	static final List<StoreTable> TABLES = List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION, StoreTable.PRODUCT);

	private IcebergSchemas() {
	}

	static Schema schema(StoreTable table) {
		TableSchema<?> layout = StoreSchemas.of(table);
		List<Types.NestedField> fields = new ArrayList<>();
		int id = 1;
		for (Column<?> column : layout.columns()) {
			fields.add(Types.NestedField.optional(id++, column.name(), type(column.type())));
		}
		return new Schema(fields);
	}

	/**
	 * KDE events by CTE and month of the event date, as the store's folders
	 * ({@code cte=shipping/month=2026-10}); master data unpartitioned.
	 */
	static PartitionSpec spec(StoreTable table, Schema schema) {
		if (table != StoreTable.KDE_EVENT) {
			return PartitionSpec.unpartitioned();
		}
		return PartitionSpec.builderFor(schema).identity("cte").month("event_date").build();
	}

	static Type type(ColumnType type) {
		return switch (type) {
			case STRING -> Types.StringType.get();
			case DATE -> Types.DateType.get();
			case LOCAL_TIMESTAMP -> Types.TimestampType.withoutZone();
			case INSTANT -> Types.TimestampType.withZone();
			case DECIMAL -> Types.DecimalType.of(18, org.lottrace.kde.Quantity.SCALE);
			case LONG -> Types.LongType.get();
			case BOOLEAN -> Types.BooleanType.get();
		};
	}

}
