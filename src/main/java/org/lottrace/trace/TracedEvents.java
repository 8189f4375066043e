package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.store.KdeEventRows;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Reads the current KDE events of a set of lots: the rows of the index's event table that
 * belong to them (the refresh resolved each row's lot, local lot numbers included) and
 * that no newer version supersedes.
 */
final class TracedEvents {

	/**
	 * The select list of records and their lots from the index's event table, the text
	 * columns packed ({@link KdeEventRows#packedColumns}).
	 */
	static final String RECORD_COLUMNS = KdeEventRows.packedColumns("event") + ", event.lot_id";

	private TracedEvents() {
	}

	/** Events found, in a deterministic order, and the lot id of each (by record key). */
	record Found(List<KdeEvent> events, Map<String, Integer> lots) {

	}

	/** What a query of records gives for each row. */
	interface Rows {

		/**
		 * @param lot the lot the row resolves to, or null when it resolves to none
		 */
		void accept(KdeEvent event, @Nullable Integer lot) throws SQLException;

	}

	/**
	 * Reads the records, and the lot of each, that a query of {@link #RECORD_COLUMNS}
	 * selects.
	 */
	static void read(SqlQuery query, Rows rows) throws SQLException {
		try (ResultSet rs = query.query()) {
			KdeEventRows.Reader reader = KdeEventRows.reader(rs);
			int lotColumn = rs.findColumn("lot_id");
			while (rs.next()) {
				KdeEvent event = reader.read();
				int lot = rs.getInt(lotColumn);
				rows.accept(event, rs.wasNull() ? null : lot);
			}
		}
	}

	static Found read(Statement sql, Map<Integer, TracedLot> lots) throws SQLException {
		if (lots.isEmpty()) {
			return new Found(List.of(), Map.of());
		}
		Map<String, Integer> eventLots = new HashMap<>();
		List<KdeEvent> events = new ArrayList<>();
		read(new SqlQuery(sql).sql("SELECT " + RECORD_COLUMNS + " FROM event WHERE lot_id IN (")
			.ints(lots.keySet())
			.sql(") AND NOT superseded"), (event, lot) -> {
				events.add(event);
				eventLots.put(event.recordKey(), Objects.requireNonNull(lot, event.recordKey()));
			});
		events.sort(KdeEvent.ORDER);
		return new Found(List.copyOf(events), Map.copyOf(eventLots));
	}

}
