package org.lottrace.kde;

import org.jspecify.annotations.Nullable;

/**
 * The location descriptions an event refers to, by location code (full descriptions live
 * in master data).
 *
 * @param location the event's own location: receiving location (§ 1.1345(a)(5)),
 * ship-from location (§ 1.1340(a)(5)), transformation site (§ 1.1350(a)(2)(ii)), farm (§
 * 1.1325(a)(1)(iv)), cooling site (§ 1.1325(b)(1)(iv)), packing site (§ 1.1330(a)(14)) or
 * first land-based receiver (§ 1.1335(e))
 * @param partner the immediate previous source (§ 1.1345(a)(4)) or the immediate
 * subsequent recipient (§ 1.1340(a)(4), § 1.1325(a)(1)(i), § 1.1325(b)(1)(i))
 * @param tlcSource the TLC source's location description (§ 1.1340(a)(7), § 1.1345(a)(7))
 * @param tlcSourceReference the TLC source reference, e.g. a GLN, FDA registration number
 * or web address, given instead of or beside {@code tlcSource}
 * @param tlcSourceAssumed why the TLC source is assumed (by the source's mapping) rather
 * than recorded in the export, or {@code null} when it is recorded
 */
public record EventLocations(@Nullable String location, @Nullable String partner, @Nullable String tlcSource,
		@Nullable String tlcSourceReference, @Nullable String tlcSourceAssumed) {

	/** Locations whose TLC source, if any, is recorded. */
	public EventLocations(@Nullable String location, @Nullable String partner, @Nullable String tlcSource,
			@Nullable String tlcSourceReference) {
		this(location, partner, tlcSource, tlcSourceReference, null);
	}

}
