package org.lottrace.trace;

/**
 * How a lot is identified in the index's SQL. A lot is its code together with whoever
 * assigned it ({@link org.lottrace.kde.TraceabilityLot#key()}); a record that names a lot
 * only by a local number (no assigner) resolves through the aliases when exactly one lot
 * has that number.
 */
final class LotKeys {

	/**
	 * The key expression over a relation with {@code lot_code} and {@code lot_assigner}.
	 */
	static final String SQL_KEY = sqlKey("");

	/**
	 * The lot id a record of relation {@code w} refers to: its identified lot, or the one
	 * lot its local number is an alias of; NULL when none or several.
	 */
	static final String RESOLVE = "CASE WHEN w.lot_assigner IS NOT NULL THEN (SELECT l.lot_id FROM lot l WHERE "
			+ "l.lot_key = " + sqlKey("w") + ") ELSE (SELECT CASE WHEN count(DISTINCT a.lot_id) = 1 THEN "
			+ "min(a.lot_id) END FROM alias a WHERE a.alias = w.lot_code) END";

	/** How many lots a local lot number could mean. */
	static final String CANDIDATES = "CASE WHEN w.lot_assigner IS NOT NULL THEN 1 ELSE (SELECT count(DISTINCT "
			+ "a.lot_id) FROM alias a WHERE a.alias = w.lot_code) END";

	private LotKeys() {
	}

	/** The key of a lot: see {@link org.lottrace.kde.TraceabilityLot#key()}. */
	static String key(String code, String assigner) {
		return org.lottrace.kde.TraceabilityLot.key(code, assigner);
	}

	/**
	 * @param relation the relation's alias, or empty for unqualified columns
	 */
	static String sqlKey(String relation) {
		String prefix = relation.isEmpty() ? "" : relation + ".";
		return prefix + "lot_code || chr(31) || " + prefix + "lot_assigner";
	}

}
