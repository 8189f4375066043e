package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	static Found read(Statement sql, Map<Integer, TracedLot> lots) throws SQLException {
		if (lots.isEmpty()) {
			return new Found(List.of(), Map.of());
		}
		Map<String, Integer> eventLots = new HashMap<>();
		List<KdeEvent> events = new ArrayList<>();
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT " + RECORD_COLUMNS + " FROM event WHERE lot_id IN (")
			.ints(lots.keySet())
			.sql(") AND NOT superseded")
			.query()) {
			KdeEventRows.Reader rows = KdeEventRows.reader(rs);
			int lotColumn = rs.findColumn("lot_id");
			while (rs.next()) {
				KdeEvent event = rows.read();
				events.add(event);
				eventLots.put(event.recordKey(), rs.getInt(lotColumn));
			}
		}
		events.sort(KdeEvent.ORDER);
		return new Found(List.copyOf(events), Map.copyOf(eventLots));
	}

}
