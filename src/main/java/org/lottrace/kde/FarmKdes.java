package org.lottrace.kde;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The Key Data Elements that only harvesting, cooling, initial packing and first
 * land-based receiving keep.
 *
 * @param harvestDate harvest date (§ 1.1325(a)(1)(vii), § 1.1330(a)(8)); for first
 * land-based receiving the first day of the trip's harvest date range (§ 1.1335(d))
 * @param harvestEndDate last day of the trip's harvest date range (§ 1.1335(d))
 * @param coolingDate cooling date (§ 1.1325(b)(1)(v), § 1.1330(a)(10))
 * @param receivedDate date the raw agricultural commodity was received by the initial
 * packer (§ 1.1330(a)(2))
 * @param receivedProductCode commodity and variety received (§ 1.1330(a)(1)), a product
 * code
 * @param receivedQuantity quantity and unit received (§ 1.1330(a)(3))
 * @param harvestLocation location description of the farm where harvested (§
 * 1.1325(b)(1)(vi), § 1.1330(a)(4))
 * @param coolingLocation location description of where cooled (§ 1.1330(a)(9))
 * @param growingArea field or growing-area name, or aquaculture container name (§
 * 1.1325(a)(1)(v)-(vi), § 1.1330(a)(5)-(6))
 * @param harvesterBusinessName business name of the harvester (§ 1.1330(a)(7))
 * @param harvesterPhone phone number of the harvester (§ 1.1330(a)(7))
 * @param catchArea catch locations of the trip, e.g. an FAO Major Fishing Area (§
 * 1.1335(d))
 */
public record FarmKdes(@Nullable LocalDate harvestDate, @Nullable LocalDate harvestEndDate,
		@Nullable LocalDate coolingDate, @Nullable LocalDate receivedDate, @Nullable String receivedProductCode,
		@Nullable Quantity receivedQuantity, @Nullable String harvestLocation, @Nullable String coolingLocation,
		@Nullable String growingArea, @Nullable String harvesterBusinessName, @Nullable String harvesterPhone,
		@Nullable String catchArea) {

	public static final FarmKdes NONE = new FarmKdes(null, null, null, null, null, null, null, null, null, null, null,
			null);

}
