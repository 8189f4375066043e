package org.lottrace.store;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One column of a store table: its snake_case name, its type and how to read it from a
 * record.
 *
 * @param <T> the record type
 */
public record Column<T>(String name, ColumnType type, Function<T, @Nullable Object> getter) {

	public static <T> Column<T> of(String name, ColumnType type, Function<T, @Nullable Object> getter) {
		return new Column<>(name, type, getter);
	}

}
