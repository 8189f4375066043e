package org.lottrace.store;

/** The tables of the store. */
public enum StoreTable {

	/** KDE events, partitioned by CTE and month of the event date. */
	KDE_EVENT("kde", "kde_event", "record_key"),

	LOCATION("master/table=location", "location", "location_code"),

	PRODUCT("master/table=product", "product", "product_code"),

	/**
	 * Export rows that did not become records: rejected, or pending until the data they
	 * wait for arrives. One export line is one row.
	 */
	HELD_ROW("held", "held_row", "source_sha256 || ':' || source_line");

	private final String directory;

	private final String sqlName;

	private final String keyColumn;

	StoreTable(String directory, String sqlName, String keyColumn) {
		this.directory = directory;
		this.sqlName = sqlName;
		this.keyColumn = keyColumn;
	}

	/** Folder under the store root. */
	public String directory() {
		return this.directory;
	}

	/** The view name in DuckDB. */
	public String sqlName() {
		return this.sqlName;
	}

	/**
	 * The natural key (a column, or an expression over columns): among rows with the same
	 * key the newest ingested one is current.
	 */
	public String keyColumn() {
		return this.keyColumn;
	}

}
