package org.lottrace.kde;

import org.jspecify.annotations.Nullable;

/**
 * A place in master data, with the parts of its location description (§ 1.1310: business
 * name, phone number, physical address, city, state, ZIP or comparable, country). A GLN
 * does not replace the description; it may serve as a TLC source reference.
 *
 * @param code the location code every event refers to
 * @param type site, supplier, customer, farm, cooler, packer or vessel
 * @param partnerCode the trading partner (supplier or customer number) this location
 * belongs to
 */
public record Location(String code, @Nullable String type, @Nullable String partnerCode, String businessName,
		@Nullable String phone, @Nullable String street, @Nullable String city, @Nullable String state,
		@Nullable String postalCode, @Nullable String country, @Nullable String gln, @Nullable String fdaRegistration,
		Provenance provenance) implements StoreRecord {

}
