package org.lottrace.kde;

import java.util.Locale;

/**
 * Critical Tracking Events of 21 CFR Part 1 Subpart S (§ 1.1310), with the section that
 * lists the Key Data Elements each one must keep.
 */
public enum Cte {

	HARVESTING("Harvesting", "§ 1.1325(a)"),

	COOLING("Cooling", "§ 1.1325(b)"),

	INITIAL_PACKING("Initial packing", "§ 1.1330"),

	FIRST_LAND_BASED_RECEIVING("First land-based receiving", "§ 1.1335"),

	SHIPPING("Shipping", "§ 1.1340"),

	RECEIVING("Receiving", "§ 1.1345"),

	TRANSFORMATION("Transformation", "§ 1.1350");

	private final String title;

	private final String section;

	private final String code;

	Cte(String title, String section) {
		this.title = title;
		this.section = section;
		this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The name the regulation uses, for sheet tabs and reports. */
	public String title() {
		return this.title;
	}

	/** The section of 21 CFR Part 1 that lists this event's KDEs. */
	public String section() {
		return this.section;
	}

	/**
	 * The value used in store partitions and in the {@code cte} column:
	 * {@code first-land-based-receiving}.
	 */
	public String code() {
		return this.code;
	}

	public static Cte fromCode(String code) {
		return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
