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
	 * The lots each local number of {@code numbers} (a query of lot numbers) is an alias
	 * of: one row per number, with how many lots it could mean ({@code lots}) and, when
	 * one, which ({@code lot_id}): a record that names a lot by a local number refers to
	 * that lot only when the number means one lot. Only the numbers asked for are
	 * counted: the same count as a correlated subquery per record made DuckDB aggregate
	 * every alias of the store (3 to 5 s of a night's index refresh at 10 million
	 * events).
	 */
	static String aliasLots(String numbers) {
		return "SELECT alias, count(DISTINCT lot_id) AS lots, min(lot_id) AS lot_id FROM alias WHERE alias IN ("
				+ numbers + ") GROUP BY alias";
	}

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
