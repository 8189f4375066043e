package org.lottrace.kde;

/**
 * Which side of an event a record describes. A transformation is stored as one record per
 * input lot (with the quantity used from it, § 1.1350(a)(1)) and one per output lot (§
 * 1.1350(a)(2)), linked by the work order, so that no quantity is ever stored twice.
 * Every other CTE is one record per lot.
 */
public enum EventRole {

	EVENT, INPUT, OUTPUT;

	private final String code = name().toLowerCase(java.util.Locale.ROOT);

	public String code() {
		return this.code;
	}

}
