package org.lottrace.kde;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows for validator tests: values that satisfy every rule of a record kind, and the
 * master data they refer to.
 */
final class KdeRows {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	static final Provenance PROVENANCE = new Provenance("test", "test.csv", "0".repeat(64), 2,
			Instant.parse("2026-11-23T10:00:00Z"));

	private static final Map<KdeField, Object> EVENT = new EnumMap<>(KdeField.class);

	static {
		EVENT.put(KdeField.LOT_CODE, "L2301");
		EVENT.put(KdeField.LOT_ASSIGNER, "V120");
		EVENT.put(KdeField.INTERNAL_LOT, "R10203");
		EVENT.put(KdeField.PRODUCT_CODE, "BUTTER-UNS-36");
		EVENT.put(KdeField.QUANTITY, new BigDecimal("20"));
		EVENT.put(KdeField.UNIT, "case");
		EVENT.put(KdeField.EVENT_DATE, LocalDate.of(2026, 10, 5));
		EVENT.put(KdeField.EVENT_TIME, LocalDateTime.of(2026, 10, 5, 6, 30));
		EVENT.put(KdeField.LOCATION_CODE, "BAKERY-01");
		EVENT.put(KdeField.PARTNER_LOCATION_CODE, "V120");
		EVENT.put(KdeField.TLC_SOURCE_LOCATION_CODE, "V120");
		EVENT.put(KdeField.TLC_SOURCE_REFERENCE, "0614141000135");
		EVENT.put(KdeField.REFERENCE_DOCUMENT_TYPE, "Purchase order");
		EVENT.put(KdeField.REFERENCE_DOCUMENT_NUMBER, "PO-88114");
		EVENT.put(KdeField.REFERENCE_DOCUMENT_TYPE_2, "Receipt");
		EVENT.put(KdeField.REFERENCE_DOCUMENT_NUMBER_2, "RC-5003");
		EVENT.put(KdeField.WORK_ORDER, "WO-1005-F");
		EVENT.put(KdeField.HARVEST_DATE, LocalDate.of(2026, 10, 1));
		EVENT.put(KdeField.HARVEST_END_DATE, LocalDate.of(2026, 10, 2));
		EVENT.put(KdeField.COOLING_DATE, LocalDate.of(2026, 10, 2));
		EVENT.put(KdeField.RECEIVED_DATE, LocalDate.of(2026, 10, 3));
		EVENT.put(KdeField.RECEIVED_PRODUCT_CODE, "BUTTER-UNS-36");
		EVENT.put(KdeField.RECEIVED_QUANTITY, new BigDecimal("21.5"));
		EVENT.put(KdeField.RECEIVED_UNIT, "case");
		EVENT.put(KdeField.HARVEST_LOCATION_CODE, "FARM-1");
		EVENT.put(KdeField.COOLING_LOCATION_CODE, "COOLER-1");
		EVENT.put(KdeField.GROWING_AREA, "Field 7");
		EVENT.put(KdeField.HARVESTER_BUSINESS_NAME, "Green Acres Farm");
		EVENT.put(KdeField.HARVESTER_PHONE, "+1 831-555-0100");
		EVENT.put(KdeField.CATCH_AREA, "FAO 67");
	}

	private KdeRows() {
	}

	/** Values for every field of the kind, each as if read from the text of a column. */
	static FieldValues complete(RecordKind kind) {
		FieldValues values = new FieldValues(kind.fields().size());
		for (Field field : kind.fields()) {
			Object value = value(field);
			values.set(field, value, String.valueOf(value));
		}
		return values;
	}

	private static Object value(Field field) {
		if (field instanceof KdeField kde) {
			return EVENT.get(kde);
		}
		return switch (field.type()) {
			case BOOLEAN -> Boolean.TRUE;
			case UNIT -> "kg";
			default -> (field == LocationField.LOCATION_CODE) ? "BAKERY-01" : field.column() + " value";
		};
	}

	static FieldValues with(FieldValues values, Field field, Object value) {
		values.set(field, value, String.valueOf(value));
		return values;
	}

	static FieldValues without(FieldValues values, Field... fields) {
		for (Field field : fields) {
			values.set(field, null, null);
		}
		return values;
	}

	static MasterData masterData() {
		return new MasterData() {

			private final List<String> locations = List.of("BAKERY-01", "V120", "FARM-1", "COOLER-1");

			@Override
			public Optional<Location> location(String code) {
				return this.locations.contains(code) ? Optional.of(KdeRows.location(code, null, null))
						: Optional.empty();
			}

			@Override
			public Optional<Product> product(String code) {
				return code.equals("BUTTER-UNS-36") ? Optional.of(new Product(code, "Unsalted butter", null, null, null,
						null, null, null, null, false, "kg", PROVENANCE)) : Optional.empty();
			}

			@Override
			public Optional<Location> locationByGln(String gln) {
				return Optional.empty();
			}

			@Override
			public Optional<Location> locationByPartner(String partnerCode) {
				return Optional.empty();
			}

			@Override
			public Optional<Product> productByGtin(String gtin) {
				return Optional.empty();
			}

		};
	}

	static Location location(String code, String partner, String gln) {
		return new Location(code, "site", partner, code + " Inc.", null, null, null, null, null, "US", gln, null,
				PROVENANCE);
	}

}
