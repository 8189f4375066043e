package org.lottrace.store;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One column of a store table: its snake_case name, its type, how to read it from a
 * record, and whether its values repeat (dictionary-encoded) or are nearly all distinct.
 *
 * @param <T> the record type
 * @param distinct nearly every row has its own value (a record key, a document number):
 * written without a dictionary, which would only be built and thrown away
 * @param statistics whether min/max statistics are kept (they let readers skip row
 * groups, e.g. by lot code)
 * @param required every record has a value: the trace index declares it {@code NOT NULL},
 * and a reader meeting a row without one reports a damaged store instead of making a
 * value up (the Parquet files keep every column optional, as the first stores wrote them)
 */
public record Column<T>(String name, ColumnType type, Function<T, @Nullable Object> getter, boolean distinct,
		boolean statistics, boolean required) {

	public Column(String name, ColumnType type, Function<T, @Nullable Object> getter, boolean distinct,
			boolean statistics) {
		this(name, type, getter, distinct, statistics, false);
	}

	/** This column, declared required. */
	public Column<T> notNull() {
		return new Column<>(this.name, this.type, this.getter, this.distinct, this.statistics, true);
	}

	/** A column whose values repeat; no min/max statistics. */
	public static <T> Column<T> of(String name, ColumnType type, Function<T, @Nullable Object> getter) {
		return new Column<>(name, type, getter, false, false);
	}

	/** A column whose values repeat, with min/max statistics: readers filter on it. */
	public static <T> Column<T> filtered(String name, ColumnType type, Function<T, @Nullable Object> getter) {
		return new Column<>(name, type, getter, false, true);
	}

	/**
	 * A column whose values are nearly all distinct; {@code statistics} says whether
	 * min/max are still kept.
	 */
	public static <T> Column<T> distinct(String name, ColumnType type, Function<T, @Nullable Object> getter,
			boolean statistics) {
		return new Column<>(name, type, getter, true, statistics);
	}

}
