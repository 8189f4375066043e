package org.lottrace.report.fda;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Location;

/** The parts of a location description (§ 1.1310). */
enum LocationPart {

	BUSINESS_NAME("Business Name", "business name"), PHONE("Phone Number", "phone number"),
	STREET("Street Address", "street address (or geographic coordinates)"), CITY("City", "city"),
	STATE("State", "state"), ZIP("ZIP Code", "ZIP code"), COUNTRY("Country", "country");

	private static final Set<String> UNITED_STATES = Set.of("US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA");

	final String header;

	final String label;

	LocationPart(String header, String label) {
		this.header = header;
		this.label = label;
	}

	@Nullable String of(Location l) {
		return switch (this) {
			case BUSINESS_NAME -> l.businessName();
			case PHONE -> l.phone();
			case STREET -> l.street();
			case CITY -> l.city();
			case STATE -> l.state();
			case ZIP -> l.postalCode();
			case COUNTRY -> l.country();
		};
	}

	/** State and ZIP code are required for addresses in the United States only. */
	boolean required(Location l) {
		return (this != STATE && this != ZIP) || l.country() == null
				|| UNITED_STATES.contains(l.country().trim().toUpperCase(Locale.ROOT));
	}

}
