package org.lottrace.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.trace.Gap;

/**
 * The KDE records a report covers, with what is needed to present them: the lot each
 * record belongs to (so that a transformation input scanned by its internal number is
 * shown with its traceability lot code), and the master data that the records' codes
 * refer to.
 *
 * @param title what the records are, e.g. {@code Trace of lot C261014A} or
 * {@code Records of COOKIE-PB-12,
 * 2026-10-01..2026-10-31}
 * @param scope the request's parameters, one line each ({@code Lot: C261014A}), for the
 * scope sheet
 * @param events the current version of each record, in a deterministic order
 * @param lots for each record (by record key), its traceability lot; absent when the
 * record names no lot or its local lot number resolves to no lot (shown as recorded, and
 * listed as doubtful)
 * @param generatedAt when the records were selected
 * @param gaps what the selection of the records could not see in its scope (rows rejected
 * or pending, inputs not linked, ...), for the gaps sheet
 */
public record RecordSet(String title, List<String> scope, List<KdeEvent> events, Map<String, Lot> lots,
		Map<String, Location> locations, Map<String, Product> products, Instant generatedAt, List<Gap> gaps) {

	/**
	 * A traceability lot code and the location code of whoever assigned it (its TLC
	 * source).
	 */
	public record Lot(String code, String assigner) {

	}

	/** The lot of a record, resolved; {@code null} when unknown. */
	public @Nullable Lot lotOf(KdeEvent event) {
		return this.lots.get(event.recordKey());
	}

}
