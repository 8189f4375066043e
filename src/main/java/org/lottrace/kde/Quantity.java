package org.lottrace.kde;

import java.math.BigDecimal;

/**
 * A quantity and its unit of measure (§ 1.1310 "quantity and unit of measure").
 *
 * @param value the amount, with at most {@link #SCALE} decimal places
 * @param unit the canonical unit code, e.g. {@code lb}, {@code case}
 */
public record Quantity(BigDecimal value, String unit) {

	/** Decimal places kept in the store (Parquet DECIMAL(18,6)). */
	public static final int SCALE = 6;

	@Override
	public String toString() {
		return this.value.stripTrailingZeros().toPlainString() + " " + this.unit;
	}

}
