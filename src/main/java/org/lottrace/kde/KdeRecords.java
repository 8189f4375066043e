package org.lottrace.kde;

import static org.lottrace.kde.KdeField.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** Builds records from a row's values once {@link KdeValidator} has accepted them. */
public final class KdeRecords {

	private KdeRecords() {
	}

	/**
	 * Fills what a row implies but does not say: the event date from the event time, and
	 * who assigned the lot code when the CTE tells (the TLC source of a receipt; the own
	 * site for the CTEs that assign a TLC).
	 */
	public static void complete(RecordKind kind, FieldValues values) {
		if (!kind.isEvent()) {
			return;
		}
		LocalDateTime time = values.dateTime(EVENT_TIME);
		if (!values.has(EVENT_DATE) && time != null) {
			values.set(EVENT_DATE, time.toLocalDate());
		}
		if (values.has(LOT_ASSIGNER)) {
			return;
		}
		String assigner = switch (kind) {
			case RECEIVING -> firstOf(values, TLC_SOURCE_LOCATION_CODE, PARTNER_LOCATION_CODE);
			case SHIPPING -> values.string(TLC_SOURCE_LOCATION_CODE);
			case TRANSFORMATION_OUTPUT, INITIAL_PACKING, FIRST_LAND_BASED_RECEIVING ->
				firstOf(values, TLC_SOURCE_LOCATION_CODE, LOCATION_CODE);
			default -> null;
		};
		if (assigner != null) {
			values.set(LOT_ASSIGNER, assigner);
		}
	}

	/**
	 * @param tlcSourceAssumed why the source's mapping assumes the TLC source, or
	 * {@code null} when the export records it
	 */
	public static KdeEvent event(RecordKind kind, FieldValues v, String recordKey, @Nullable Quantity normalized,
			@Nullable String tlcSourceAssumed, Provenance provenance) {
		String lotCode = v.string(LOT_CODE);
		TraceabilityLot lot = (lotCode != null)
				? new TraceabilityLot(lotCode, v.string(LOT_ASSIGNER), v.string(INTERNAL_LOT)) : null;
		EventLocations locations = new EventLocations(v.string(LOCATION_CODE), v.string(PARTNER_LOCATION_CODE),
				v.string(TLC_SOURCE_LOCATION_CODE), v.string(TLC_SOURCE_REFERENCE), tlcSourceAssumed);
		return new KdeEvent(recordKey, kind.eventCte(), kind.role(), lot, v.string(PRODUCT_CODE),
				quantity(v, QUANTITY, UNIT), normalized, Objects.requireNonNull(v.date(EVENT_DATE)),
				v.dateTime(EVENT_TIME), locations, reference(v, REFERENCE_DOCUMENT_TYPE, REFERENCE_DOCUMENT_NUMBER),
				reference(v, REFERENCE_DOCUMENT_TYPE_2, REFERENCE_DOCUMENT_NUMBER_2), v.string(WORK_ORDER), farm(v),
				provenance);
	}

	public static Location location(FieldValues v, Provenance provenance) {
		return new Location(Objects.requireNonNull(v.string(LocationField.LOCATION_CODE)),
				v.string(LocationField.LOCATION_TYPE), v.string(LocationField.PARTNER_CODE),
				Objects.requireNonNull(v.string(LocationField.BUSINESS_NAME)), v.string(LocationField.PHONE),
				v.string(LocationField.STREET), v.string(LocationField.CITY), v.string(LocationField.STATE),
				v.string(LocationField.POSTAL_CODE), v.string(LocationField.COUNTRY), v.string(LocationField.GLN),
				v.string(LocationField.FDA_REGISTRATION), provenance);
	}

	public static Product product(FieldValues v, Provenance provenance) {
		return new Product(Objects.requireNonNull(v.string(ProductField.PRODUCT_CODE)),
				Objects.requireNonNull(v.string(ProductField.PRODUCT_NAME)), v.string(ProductField.BRAND),
				v.string(ProductField.COMMODITY), v.string(ProductField.VARIETY), v.string(ProductField.PACK_SIZE),
				v.string(ProductField.PACK_STYLE), v.string(ProductField.GTIN), v.string(ProductField.FTL_CATEGORY),
				Boolean.TRUE.equals(v.bool(ProductField.KILL_STEP)),
				Objects.requireNonNull(v.string(ProductField.BASE_UNIT)), provenance);
	}

	private static FarmKdes farm(FieldValues v) {
		LocalDate harvest = v.date(HARVEST_DATE);
		boolean any = harvest != null || v.has(HARVEST_END_DATE) || v.has(COOLING_DATE) || v.has(RECEIVED_DATE)
				|| v.has(RECEIVED_PRODUCT_CODE) || v.has(RECEIVED_QUANTITY) || v.has(HARVEST_LOCATION_CODE)
				|| v.has(COOLING_LOCATION_CODE) || v.has(GROWING_AREA) || v.has(HARVESTER_BUSINESS_NAME)
				|| v.has(HARVESTER_PHONE) || v.has(CATCH_AREA);
		if (!any) {
			return FarmKdes.NONE;
		}
		return new FarmKdes(harvest, v.date(HARVEST_END_DATE), v.date(COOLING_DATE), v.date(RECEIVED_DATE),
				v.string(RECEIVED_PRODUCT_CODE), optionalQuantity(v, RECEIVED_QUANTITY, RECEIVED_UNIT),
				v.string(HARVEST_LOCATION_CODE), v.string(COOLING_LOCATION_CODE), v.string(GROWING_AREA),
				v.string(HARVESTER_BUSINESS_NAME), v.string(HARVESTER_PHONE), v.string(CATCH_AREA));
	}

	/** A required quantity of a row checked to have it (its KDEs are checked first). */
	public static Quantity quantity(FieldValues v, KdeField amount, KdeField unit) {
		return new Quantity(Objects.requireNonNull(v.decimal(amount)), Objects.requireNonNull(v.string(unit)));
	}

	private static @Nullable Quantity optionalQuantity(FieldValues v, KdeField amount, KdeField unit) {
		BigDecimal value = v.decimal(amount);
		String u = v.string(unit);
		return (value != null && u != null) ? new Quantity(value, u) : null;
	}

	private static @Nullable ReferenceDocument reference(FieldValues v, KdeField type, KdeField number) {
		String t = v.string(type);
		String n = v.string(number);
		return (t != null || n != null) ? new ReferenceDocument((t != null) ? t : "", (n != null) ? n : "") : null;
	}

	private static @Nullable String firstOf(FieldValues v, KdeField... fields) {
		for (KdeField field : fields) {
			String value = v.string(field);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
