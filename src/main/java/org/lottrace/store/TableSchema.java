package org.lottrace.store;

import java.util.List;
import java.util.function.Function;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * The columns of a store table, and where in the table's folder a record goes.
 *
 * @param <T> the record type
 * @param table the table
 * @param columns the columns, in file order
 * @param partition the Hive-style partition path of a record, relative to the table
 * folder ({@code cte=shipping/
 * month=2026-10}), or the empty string for an unpartitioned table
 */
public record TableSchema<T>(StoreTable table, List<Column<T>> columns, Function<T, String> partition) {

	/**
	 * The same table with only the columns {@code keep} accepts (readers see the others
	 * as NULL).
	 */
	public TableSchema<T> select(java.util.function.Predicate<String> keep) {
		return new TableSchema<>(this.table, this.columns.stream().filter((c) -> keep.test(c.name())).toList(),
				this.partition);
	}

	/**
	 * The Parquet schema. Each column carries its field id: its position among all the
	 * table's columns, from 1, as in the Iceberg table's schema, so that Iceberg readers
	 * map the columns of a file that holds only some of them.
	 */
	public MessageType messageType() {
		List<String> all = StoreSchemas.of(this.table).columns().stream().map(Column::name).toList();
		List<Type> fields = this.columns.stream()
			.map((c) -> (Type) Types.optional(c.type().physical())
				.as(c.type().logical())
				.id(all.indexOf(c.name()) + 1)
				.named(c.name()))
			.toList();
		return new MessageType(this.table.sqlName(), fields);
	}

}
