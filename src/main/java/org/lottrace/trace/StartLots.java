package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** Resolves a request to the lots it names. */
final class StartLots {

	private StartLots() {
	}

	static int[] resolve(Statement sql, TraceRequest request) throws SQLException {
		if ((request.lot() == null) == (request.product() == null)) {
			throw TraceException.invalid("give either a lot or a product (with a date range), not both or neither");
		}
		String lot = request.lot();
		return (lot != null) ? byLot(sql, lot, request.assigner()) : byProduct(sql, request);
	}

	private static int[] byLot(Statement sql, String lot, @Nullable String assigner) throws SQLException {
		SqlQuery query = new SqlQuery(sql).sql(
				"SELECT q.lot_id, q.lot_code, q.lot_assigner, coalesce(loc.business_name, " + "q.lot_assigner) FROM (");
		if (assigner != null) {
			query.sql("SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_key = ")
				.value(LotKeys.key(lot, assigner));
		}
		else {
			query.sql("SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_code = ")
				.value(lot)
				.sql(" UNION SELECT l.lot_id, l.lot_code, l.lot_assigner FROM alias a JOIN lot l USING (lot_id) "
						+ "WHERE a.alias = ")
				.value(lot);
		}
		query.sql(
				") q LEFT JOIN location loc ON loc.location_code = q.lot_assigner ORDER BY q.lot_assigner, q.lot_code");
		List<int[]> ids = new ArrayList<>();
		List<String> described = new ArrayList<>();
		try (ResultSet rs = query.query()) {
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
		String product = java.util.Objects.requireNonNull(request.product(), "a lot or a product");
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT count(*) FROM product WHERE product_code = ")
			.value(product)
			.query()) {
			rs.next();
			if (rs.getLong(1) == 0) {
				throw TraceException.notFound("no product '" + product + "' in the master data");
			}
		}
		SqlQuery query = RecordQuery.lotsOfProducts(new SqlQuery(sql), (q) -> q.value(product));
		RecordQuery.dateFilter(query, "e", request.from(), request.to());
		List<Integer> ids = new ArrayList<>();
		try (ResultSet rs = query.sql(" ORDER BY e.lot_id").query()) {
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
