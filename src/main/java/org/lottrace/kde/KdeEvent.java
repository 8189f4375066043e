package org.lottrace.kde;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * One Critical Tracking Event for one traceability lot, with the Key Data Elements its
 * CTE requires.
 *
 * @param recordKey the natural key: the source name and the key columns of the export
 * row; a newer record with the same key is a correction and supersedes this one
 * @param cte the Critical Tracking Event
 * @param role input or output side of a transformation; {@link EventRole#EVENT} otherwise
 * @param lot the traceability lot (§ 1.1340(a)(1), § 1.1345(a)(1), § 1.1350(a)(1)(i), §
 * 1.1350(a)(2)(i), § 1.1330(a)(11), § 1.1335(a)); {@code null} for harvesting and
 * cooling, which precede the TLC
 * @param productCode the product description, by product code (§ 1.1340(a)(3), §
 * 1.1345(a)(3), § 1.1350(a)(1)(ii), (a)(2)(iv)); {@code null} for a transformation input
 * named only by its lot
 * @param quantity quantity and unit of measure as recorded (§ 1.1340(a)(2), §
 * 1.1345(a)(2), § 1.1350(a)(1)(iii), (a)(2)(v))
 * @param normalizedQuantity the quantity in the product's base unit (or, when the product
 * is not known yet, in the base unit of the recorded unit's dimension), for mass balance
 * @param eventDate date shipped (§ 1.1340(a)(6)), received (§ 1.1345(a)(6)),
 * transformation completed (§ 1.1350(a)(2)(iii)), harvested (§ 1.1325(a)(1)(vii)), cooled
 * (§ 1.1325(b)(1)(v)), packed (§ 1.1330(a)(15)) or landed (§ 1.1335(f))
 * @param eventTime date and time of the event where the source records it (a scale
 * ticket's time)
 * @param locations the location descriptions the event refers to
 * @param reference reference document type and number (§ 1.1340(a)(8), § 1.1345(a)(8), §
 * 1.1350(a)(2)(vi))
 * @param secondReference a second reference document (a scale ticket beside its work
 * order)
 * @param workOrder the work order that links a transformation's inputs to its outputs
 * @param farm the KDEs only farm and seafood CTEs keep
 * @param provenance the export line this record was read from
 */
public record KdeEvent(String recordKey, Cte cte, EventRole role, @Nullable TraceabilityLot lot,
		@Nullable String productCode, Quantity quantity, @Nullable Quantity normalizedQuantity, LocalDate eventDate,
		@Nullable LocalDateTime eventTime, EventLocations locations, @Nullable ReferenceDocument reference,
		@Nullable ReferenceDocument secondReference, @Nullable String workOrder, FarmKdes farm,
		Provenance provenance) implements StoreRecord {

	/** The order answers list records in: by CTE, then by date, then by record key. */
	public static final Comparator<KdeEvent> ORDER = Comparator.comparing((KdeEvent e) -> e.cte().ordinal())
		.thenComparing(KdeEvent::eventDate)
		.thenComparing(KdeEvent::recordKey);

}
