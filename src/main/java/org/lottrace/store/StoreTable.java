package org.lottrace.store;

/** The tables of the store. */
public enum StoreTable {

	/** KDE events, partitioned by CTE and month of the event date. */
	KDE_EVENT("kde", "kde_event", "record_key"),

	LOCATION("master/table=location", "location", "location_code"),

	PRODUCT("master/table=product", "product", "product_code");

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
	 * The natural key: among rows with the same key the newest ingested one is current.
	 */
	public String keyColumn() {
		return this.keyColumn;
	}

}
