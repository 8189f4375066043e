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

	public MessageType messageType() {
		List<Type> fields = this.columns.stream()
			.map((c) -> (Type) Types.optional(c.type().physical()).as(c.type().logical()).named(c.name()))
			.toList();
		return new MessageType(this.table.sqlName(), fields);
	}

}
