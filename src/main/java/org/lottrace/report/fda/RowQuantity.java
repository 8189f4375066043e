package org.lottrace.report.fda;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Quantity;

/**
 * A quantity a row shows, the record it belongs to, and whether it is in doubt.
 *
 * @param doubt why the quantity is doubtful (a unit conversion that failed), or
 * {@code null}
 */
record RowQuantity(@Nullable Quantity quantity, @Nullable KdeEvent record, KdeRequirement need,
		@Nullable String doubt) {

	static final RowQuantity NONE = new RowQuantity(null, null, KdeRequirement.ABSENT, null);

	/**
	 * The quantity of a record, as recorded. Whether it converts to the product's base
	 * unit is a question of the mass balance, which a trace answers (through the lot's
	 * product and the conversions of the day), not of the KDE.
	 */
	static RowQuantity of(KdeEvent record) {
		return new RowQuantity(record.quantity(), record, KdeRequirement.REQUIRED, null);
	}

}
