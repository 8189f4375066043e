package org.lottrace.epcis;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.TraceabilityLot;

/**
 * What an EPCIS document is written from: the current version of each KDE record, the
 * traceability lot each belongs to, and the master data they refer to.
 *
 * @param title what the records are ({@code Trace of lot C261014A})
 * @param lots for each record (by record key) its resolved lot, code and assigner; absent
 * when the record's local lot number resolves to no lot
 * @param createdAt when the records were selected: the document's creation date
 */
public record EpcisRecords(String title, List<KdeEvent> events, Map<String, TraceabilityLot> lots,
		Map<String, Location> locations, Map<String, Product> products, Instant createdAt) {

	public @Nullable TraceabilityLot lotOf(KdeEvent event) {
		return this.lots.get(event.recordKey());
	}

}
