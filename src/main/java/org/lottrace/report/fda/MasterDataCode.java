package org.lottrace.report.fda;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;

/**
 * A master-data code a row refers to (a location or a product), the record it comes from
 * and whether the row must show it.
 *
 * @param absent why the code is missing, for the gap list
 */
record MasterDataCode(@Nullable String code, @Nullable KdeEvent record, KdeRequirement need, String absent) {

	static final MasterDataCode NONE = new MasterDataCode(null, null, KdeRequirement.ABSENT, "");

	static final String NOT_RECORDED = "not in the record";

	static MasterDataCode required(@Nullable String code, KdeEvent record) {
		return new MasterDataCode(code, record, KdeRequirement.REQUIRED, NOT_RECORDED);
	}

	static MasterDataCode of(@Nullable String code, KdeEvent record, KdeRequirement need) {
		return new MasterDataCode(code, record, need, NOT_RECORDED);
	}

}
