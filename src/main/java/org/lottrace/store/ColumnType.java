package org.lottrace.store;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.jspecify.annotations.Nullable;

/** The value types of store columns and their Parquet physical and logical types. */
public enum ColumnType {

	STRING(PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType()),

	/** {@link java.time.LocalDate}. */
	DATE(PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType()),

	/**
	 * {@link java.time.LocalDateTime}: a wall-clock time at the site, no time zone. In
	 * microseconds, as Iceberg reads timestamps (stores written before 0.1.0's Iceberg
	 * tables hold milliseconds; {@code lottrace store migrate} rewrites them).
	 */
	LOCAL_TIMESTAMP(PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)),

	/** {@link java.time.Instant}, in microseconds. */
	INSTANT(PrimitiveTypeName.INT64, LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)),

	/**
	 * {@link java.math.BigDecimal} with {@link org.lottrace.kde.Quantity#SCALE} places:
	 * DECIMAL(18,6).
	 */
	DECIMAL(PrimitiveTypeName.INT64, LogicalTypeAnnotation.decimalType(org.lottrace.kde.Quantity.SCALE, 18)),

	/** {@link Long}. */
	LONG(PrimitiveTypeName.INT64, null),

	BOOLEAN(PrimitiveTypeName.BOOLEAN, null);

	private final PrimitiveTypeName physical;

	private final @Nullable LogicalTypeAnnotation logical;

	ColumnType(PrimitiveTypeName physical, @Nullable LogicalTypeAnnotation logical) {
		this.physical = physical;
		this.logical = logical;
	}

	PrimitiveTypeName physical() {
		return this.physical;
	}

	/** The logical type; {@code null} for a plain primitive (Parquet's own default). */
	@Nullable LogicalTypeAnnotation logical() {
		return this.logical;
	}

}
