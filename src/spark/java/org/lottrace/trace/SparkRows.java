package org.lottrace.trace;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;

/**
 * A Spark {@link Row} seen through the few {@link ResultSet} getters lottrace's own row
 * readers call ({@code KdeEventRows}, the master data's columns), so that a record read
 * by Spark becomes the same {@code KdeEvent} as one read by DuckDB. Spark gives dates as
 * {@link LocalDate}, {@code timestamp_ntz} as {@link LocalDateTime} and
 * {@code timestamptz} as {@link Instant} (the session's Java 8 time API).
 */
final class SparkRows {

	private SparkRows() {
	}

	static ResultSet of(Row row) {
		return (ResultSet) Proxy.newProxyInstance(SparkRows.class.getClassLoader(), new Class<?>[] { ResultSet.class },
				(proxy, method, args) -> {
					String name = method.getName();
					if (args == null || args.length == 0) {
						return switch (name) {
							case "wasNull" -> false;
							case "close" -> null;
							case "hashCode" -> System.identityHashCode(proxy);
							case "toString" -> row.toString();
							case "getMetaData" -> metaData(row);
							default -> throw new SQLException("not supported on a Spark row: " + name);
						};
					}
					if (name.equals("equals")) {
						return proxy == args[0];
					}
					Object value = value(row, args[0]);
					return switch (name) {
						case "getString" -> (value != null) ? value.toString() : null;
						case "getBigDecimal" -> (BigDecimal) value;
						case "getLong" -> (value != null) ? ((Number) value).longValue() : 0L;
						case "getInt" -> (value != null) ? ((Number) value).intValue() : 0;
						case "getBoolean" -> Boolean.TRUE.equals(value);
						case "getObject" -> (args.length > 1) ? convert(value, (Class<?>) args[1]) : jdbc(value);
						default -> throw new SQLException("not supported on a Spark row: " + name);
					};
				});
	}

	/**
	 * The row's column names and count, which a reader of many rows asks once to read by
	 * position ({@code KdeEventRows.Reader}).
	 */
	private static ResultSetMetaData metaData(Row row) throws SQLException {
		if (row.schema() == null) {
			throw new SQLException("not supported on a Spark row without a schema: getMetaData");
		}
		String[] names = row.schema().fieldNames();
		return (ResultSetMetaData) Proxy.newProxyInstance(SparkRows.class.getClassLoader(),
				new Class<?>[] { ResultSetMetaData.class }, (proxy, method, args) -> switch (method.getName()) {
					case "getColumnCount" -> names.length;
					case "getColumnLabel", "getColumnName" -> names[(Integer) args[0] - 1];
					case "hashCode" -> System.identityHashCode(proxy);
					case "equals" -> proxy == args[0];
					case "toString" -> String.join(",", names);
					default -> throw new SQLException("not supported on a Spark row's columns: " + method.getName());
				});
	}

	private static @Nullable Object value(Row row, Object column) throws SQLException {
		int index;
		if (column instanceof Integer position) {
			index = position - 1;
		}
		else {
			try {
				index = row.fieldIndex((String) column);
			}
			catch (IllegalArgumentException ex) {
				throw new SQLException("no column " + column + " in the Spark row", ex);
			}
		}
		return row.isNullAt(index) ? null : row.get(index);
	}

	/** The types DuckDB's JDBC driver gives: a timestamptz as an OffsetDateTime. */
	private static @Nullable Object jdbc(@Nullable Object value) {
		if (value instanceof Instant instant) {
			return instant.atOffset(ZoneOffset.UTC);
		}
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		return value;
	}

	private static @Nullable Object convert(@Nullable Object value, Class<?> type) throws SQLException {
		Object jdbc = jdbc(value);
		if (jdbc == null || type.isInstance(jdbc)) {
			return jdbc;
		}
		if (type == LocalDateTime.class && jdbc instanceof java.sql.Timestamp ts) {
			return ts.toLocalDateTime();
		}
		throw new SQLException("cannot read " + jdbc.getClass().getName() + " as " + type.getName());
	}

}
