package org.lottrace.kde;

/** How a mapped value is parsed and checked. */
public enum FieldType {

	/** Free text, trimmed; empty means absent. */
	TEXT,

	/** A calendar date. */
	DATE,

	/** A date and time of day, local to the site. */
	DATE_TIME,

	/** A decimal number with at most {@link Quantity#SCALE} decimal places. */
	DECIMAL,

	/** A unit of measure, translated to its canonical code through the unit aliases. */
	UNIT,

	/** A location code that must exist in master data. */
	LOCATION,

	/** A product code that must exist in master data. */
	PRODUCT,

	/** Yes or no. */
	BOOLEAN

}
