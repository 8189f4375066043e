package org.lottrace.report.fda;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;

/**
 * A master-data code a row refers to (a location or a product), the record it comes from
 * and whether the row must show it.
 *
 * @param absent why the code is missing, for the gap list
 */
record Use(@Nullable String code, @Nullable KdeEvent record, Need need, String absent) {

	static final Use NONE = new Use(null, null, Need.ABSENT, "");

	static final String NOT_RECORDED = "not in the record";

	static Use required(@Nullable String code, KdeEvent record) {
		return new Use(code, record, Need.REQUIRED, NOT_RECORDED);
	}

	static Use of(@Nullable String code, KdeEvent record, Need need) {
		return new Use(code, record, need, NOT_RECORDED);
	}

}
