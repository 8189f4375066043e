package org.lottrace.kde;

import java.util.EnumSet;
import java.util.Set;

/**
 * The attributes of a location in master data: the parts of a location description (§
 * 1.1310).
 */
public enum LocationField implements Field {

	LOCATION_CODE(FieldType.TEXT, "Location code"),

	LOCATION_TYPE(FieldType.TEXT, "Kind of location: site, supplier, customer, farm, cooler, packer, vessel"),

	PARTNER_CODE(FieldType.TEXT, "Trading partner (supplier or customer number)"),

	BUSINESS_NAME(FieldType.TEXT, "Business name"),

	PHONE(FieldType.TEXT, "Phone number"),

	STREET(FieldType.TEXT, "Street address (or geographic coordinates)"),

	CITY(FieldType.TEXT, "City"),

	STATE(FieldType.TEXT, "State or region"),

	POSTAL_CODE(FieldType.TEXT, "ZIP or postal code"),

	COUNTRY(FieldType.TEXT, "Country"),

	GLN(FieldType.TEXT, "GS1 Global Location Number"),

	FDA_REGISTRATION(FieldType.TEXT, "FDA Food Facility Registration Number");

	private static final Set<LocationField> CODES = EnumSet.of(LOCATION_CODE, LOCATION_TYPE, PARTNER_CODE, GLN,
			FDA_REGISTRATION);

	private final FieldType type;

	private final String label;

	LocationField(FieldType type, String label) {
		this.type = type;
		this.label = label;
	}

	@Override
	public FieldType type() {
		return this.type;
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public boolean code() {
		return CODES.contains(this);
	}

}
