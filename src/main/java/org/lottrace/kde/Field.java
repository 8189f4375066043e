package org.lottrace.kde;

/**
 * A value a source mapping can fill: a Key Data Element or a master-data attribute. Its
 * {@link #column()} is the snake_case name used in mappings, in Parquet and in DuckDB.
 */
public interface Field {

	/** The snake_case name: the mapping's field name and the store's column. */
	default String column() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The constant's name (every field is an enum constant). */
	String name();

	FieldType type();

	/** What the value means, for error messages and the report's column glossary. */
	String label();

	/**
	 * Whether the value is a code or number that identifies something (a lot, a location,
	 * a document) rather than a name or a description: codes are held to a shorter length
	 * and may be held to a pattern.
	 */
	boolean code();

	int ordinal();

}
