package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lottrace.kde.KdeEvent;
import org.lottrace.store.DuckDb;
import org.lottrace.store.KdeEventRows;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Reads the current KDE events of a set of lots: events that name the lot by code and
 * assigner, and events that name it by a local number (an alias) that means that lot and
 * no other. A record whose newest version moved to another lot is not the lot's any more.
 */
final class TracedEvents {

	private TracedEvents() {
	}

	/** Events found, in a deterministic order, and the lot id of each (by record key). */
	record Found(List<KdeEvent> events, Map<String, Integer> lots) {

	}

	static Found read(Statement sql, Map<Integer, TracedLot> lots) throws SQLException {
		if (lots.isEmpty()) {
			return new Found(List.of(), Map.of());
		}
		Map<String, Integer> byKey = new HashMap<>();
		lots.values().forEach((l) -> byKey.put(l.key(), l.id()));
		Map<String, Integer> eventLots = new HashMap<>();
		Set<String> codes = new HashSet<>();
		lots.values().forEach((l) -> {
			codes.add(l.code());
		});
		Map<String, Integer> aliases = aliases(sql, lots);
		codes.addAll(aliases.keySet());
		Set<String> candidates = new HashSet<>();
		try (ResultSet rs = sql.executeQuery("SELECT DISTINCT record_key FROM event WHERE lot_code IN ("
				+ SqlLists.strings(sql, "traced_codes", codes) + ")")) {
			while (rs.next()) {
				candidates.add(rs.getString(1));
			}
		}
		List<KdeEvent> events = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery("SELECT * FROM event WHERE record_key IN ("
				+ SqlLists.strings(sql, "traced_keys", candidates) + ") QUALIFY row_number() OVER (PARTITION BY "
				+ "record_key ORDER BY " + DuckDb.NEWEST_FIRST + ") = 1")) {
			while (rs.next()) {
				KdeEvent event = KdeEventRows.read(rs);
				Integer lot = lotOf(event, byKey, aliases);
				if (lot != null && lots.containsKey(lot)) {
					events.add(event);
					eventLots.put(event.recordKey(), lot);
				}
			}
		}
		events.sort(Comparator.comparing((KdeEvent e) -> e.cte().ordinal())
			.thenComparing(KdeEvent::eventDate)
			.thenComparing(KdeEvent::recordKey));
		return new Found(List.copyOf(events), Map.copyOf(eventLots));
	}

	/** The local numbers of the traced lots that mean exactly one lot, and that lot. */
	private static Map<String, Integer> aliases(Statement sql, Map<Integer, TracedLot> lots) throws SQLException {
		Map<String, Integer> aliases = new HashMap<>();
		try (ResultSet rs = sql.executeQuery("SELECT alias, min(lot_id), count(DISTINCT lot_id) FROM alias WHERE "
				+ "alias IN (SELECT alias FROM alias WHERE lot_id IN ("
				+ SqlLists.ints(sql, "alias_lots", lots.keySet()) + ")) GROUP BY alias")) {
			while (rs.next()) {
				if (rs.getInt(3) == 1) {
					aliases.put(rs.getString(1), rs.getInt(2));
				}
			}
		}
		return aliases;
	}

	private static Integer lotOf(KdeEvent event, Map<String, Integer> byKey, Map<String, Integer> aliases) {
		if (event.lot() == null) {
			return null;
		}
		return (event.lot().assigner() != null) ? byKey.get(event.lot().key()) : aliases.get(event.lot().code());
	}

}
