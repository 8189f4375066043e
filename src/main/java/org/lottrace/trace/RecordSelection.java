package org.lottrace.trace;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * The records a {@link RecordRequest} selects: the current version of each, the lot each
 * belongs to (by record key), the master data they refer to, and what the selection could
 * not see in its scope (rows of its foods, lots and dates that were rejected or are
 * pending, inputs not linked, locations master data does not describe).
 */
public record RecordSelection(RecordRequest request, Instant selectedAt, List<KdeEvent> events,
		Map<String, TracedLot> eventLots, Map<String, Location> locations, Map<String, Product> products,
		List<Gap> gaps) {

}
