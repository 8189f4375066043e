package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.lottrace.store.DuckDb;

/** Resolves a request to the lots it names. */
final class StartLots {

	private StartLots() {
	}

	static int[] resolve(Statement sql, TraceRequest request) throws SQLException {
		if ((request.lot() == null) == (request.product() == null)) {
			throw TraceException.invalid("give either a lot or a product (with a date range), not both or neither");
		}
		return (request.lot() != null) ? byLot(sql, request.lot(), request.assigner()) : byProduct(sql, request);
	}

	private static int[] byLot(Statement sql, String lot, String assigner) throws SQLException {
		String code = "'" + DuckDb.sql(lot) + "'";
		String query = (assigner != null)
				? "SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_key = " + "'"
						+ DuckDb.sql(LotKeys.key(lot, assigner)) + "'"
				: "SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_code = " + code
						+ " UNION SELECT l.lot_id, l.lot_code, l.lot_assigner FROM alias a JOIN lot l USING (lot_id) "
						+ "WHERE a.alias = " + code;
		List<int[]> ids = new ArrayList<>();
		List<String> described = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("SELECT q.lot_id, q.lot_code, q.lot_assigner, coalesce(loc.business_name, "
				+ "q.lot_assigner) FROM (" + query + ") q LEFT JOIN location loc ON loc.location_code = q.lot_assigner "
				+ "ORDER BY q.lot_assigner, q.lot_code")) {
			while (rs.next()) {
				ids.add(new int[] { rs.getInt(1) });
				described
					.add(rs.getString(2) + " assigned by " + rs.getString(4) + " (assigner " + rs.getString(3) + ")");
			}
		}
		if (ids.isEmpty()) {
			throw TraceException.notFound("no lot has the code or internal number '" + lot + "'"
					+ ((assigner != null) ? " with assigner " + assigner : "") + " in the store");
		}
		if (ids.size() > 1) {
			throw TraceException.invalid("'" + lot + "' names " + ids.size() + " lots: " + String.join("; ", described)
					+ ". Say which by giving its assigner");
		}
		return ids.get(0);
	}

	private static int[] byProduct(Statement sql, TraceRequest request) throws SQLException {
		String product = "'" + DuckDb.sql(request.product()) + "'";
		try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM product WHERE product_code = " + product)) {
			rs.next();
			if (rs.getLong(1) == 0) {
				throw TraceException.notFound("no product '" + request.product() + "' in the master data");
			}
		}
		StringBuilder where = new StringBuilder();
		if (request.from() != null) {
			where.append(" AND e.event_date >= DATE '").append(request.from()).append("'");
		}
		if (request.to() != null) {
			where.append(" AND e.event_date <= DATE '").append(request.to()).append("'");
		}
		List<Integer> ids = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery(RecordQuery.lotsOfProducts(product) + where + " ORDER BY e.lot_id")) {
			while (rs.next()) {
				ids.add(rs.getInt(1));
			}
		}
		if (ids.isEmpty()) {
			throw TraceException.notFound("no lot of product " + request.product() + " has an event "
					+ ((request.from() != null) ? "from " + request.from() + " " : "")
					+ ((request.to() != null) ? "to " + request.to() : ""));
		}
		return ids.stream().mapToInt(Integer::intValue).toArray();
	}

}
