package org.lottrace.report;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Quantity;

/**
 * A quantity a row shows, the record it belongs to, and whether it is in doubt.
 *
 * @param doubt why the quantity is doubtful (a unit conversion that failed), or
 * {@code null}
 */
record Amount(@Nullable Quantity quantity, @Nullable KdeEvent record, Need need, @Nullable String doubt) {

	static final Amount NONE = new Amount(null, null, Need.ABSENT, null);

	static final String NOT_CONVERTED = "the quantity could not be converted to the product's base unit "
			+ "(no unit conversion), so a mass balance cannot count it";

	/** The quantity of a record, doubtful when it could not be normalized. */
	static Amount of(KdeEvent record) {
		return new Amount(record.quantity(), record, Need.REQUIRED,
				(record.normalizedQuantity() == null) ? NOT_CONVERTED : null);
	}

}
