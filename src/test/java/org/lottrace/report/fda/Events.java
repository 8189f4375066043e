package org.lottrace.report.fda;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventLocations;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.RecordKind;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;
import org.lottrace.report.RecordSet;

/**
 * Test records: a small bakery's master data (with a farm, a cooler and a vessel) and a
 * builder for KDE events of every CTE.
 */
final class Events {

	static final Instant SELECTED_AT = Instant.parse("2026-11-02T08:30:00Z");

	static final Map<String, Location> LOCATIONS = Map.of("BAKERY-01",
			location("BAKERY-01", "Sunrise Bakery", "+1 217-555-0100", "100 Mill Street", "Springfield", "IL", "62701",
					"US"),
			"V120",
			location("V120", "Dairy Gold Creamery", "+1 715-555-0120", "9 Creamery Lane", "Eau Claire", "WI", "54701",
					"US"),
			"V130",
			location("V130", "Nutty Butter Co.", "+1 334-555-0130", "300 Goober Pkwy", "Dothan", "AL", "36301", "US"),
			"C200-01",
			location("C200-01", "Green Valley Market #12", "+1 217-555-0200", "1200 Wabash Ave", "Springfield", "IL",
					"62704", "US"),
			"FARM-1",
			location("FARM-1", "Rio Verde Farms", "+52 55 5555 0100", "Km 12 Carretera Federal", "Culiacán", null, null,
					"MX"),
			"COOL-1",
			location("COOL-1", "Valley Cooling", "+1 831-555-0300", "5 Cold Way", "Salinas", "CA", "93901", "US"),
			"VESSEL-1", location("VESSEL-1", "Harbor Seafood Receiving", "+1 207-555-0400", "1 Pier Rd", "Portland",
					"ME", "04101", "US"));

	static final Map<String, Product> PRODUCTS = Map.of("BUTTER-UNS-36",
			product("BUTTER-UNS-36", "Unsalted butter", "Dairy Gold", "Butter", "Unsalted", "36 lb", "Case", "kg"),
			"PB-CREAMY-35",
			product("PB-CREAMY-35", "Peanut butter, creamy", "Nutty Butter", "Peanut butter", "Creamy", "35 lb", "Pail",
					"kg"),
			"COOKIE-PB-12",
			product("COOKIE-PB-12", "Peanut Butter Sandwich Cookies, 12 ct", "Sunrise", "Cookies",
					"Peanut butter sandwich", "12 x 400 g", "Case", "case"),
			"COOKIE-BROKEN",
			product("COOKIE-BROKEN", "Broken cookies for crumb", "Sunrise", "Cookies", null, "20 kg", "Tote", "kg"),
			"TOMATO-ROMA", product("TOMATO-ROMA", "Roma tomatoes", null, "Tomatoes", "Roma", "25 lb", "Carton", "kg"),
			"COD-FILLET", product("COD-FILLET", "Atlantic cod", null, "Cod", null, null, null, "kg"));

	private Events() {
	}

	static Location location(String code, String name, @Nullable String phone, @Nullable String street,
			@Nullable String city, @Nullable String state, @Nullable String zip, @Nullable String country) {
		return new Location(code, "site", null, name, phone, street, city, state, zip, country, null, null,
				provenance("SITES.csv", 2));
	}

	static Product product(String code, String name, @Nullable String brand, @Nullable String commodity,
			@Nullable String variety, @Nullable String size, @Nullable String style, String baseUnit) {
		return new Product(code, name, brand, commodity, variety, size, style, null, null, false, baseUnit,
				provenance("ITEMS.csv", 2));
	}

	static Provenance provenance(String file, long line) {
		return new Provenance("test", file, "0".repeat(64), line, SELECTED_AT);
	}

	/** A record of each kind with every KDE its CTE requires. */
	static Builder complete(RecordKind kind) {
		return switch (kind) {
			case RECEIVING -> event(Cte.RECEIVING, "erp-receiving|RC-5003|1").lot("L2301", "V120")
				.product("BUTTER-UNS-36")
				.quantity("20", "case")
				.date("2026-10-05")
				.partner("V120")
				.location("BAKERY-01")
				.tlcSource("V120")
				.reference("Purchase order", "PO-88114")
				.reference2("Receipt", "RC-5003");
			case SHIPPING -> event(Cte.SHIPPING, "shipping|BOL-50035|1").lot("C261014A", "BAKERY-01")
				.product("COOKIE-PB-12")
				.quantity("8", "case")
				.date("2026-10-15")
				.partner("C200-01")
				.location("BAKERY-01")
				.tlcSource("BAKERY-01")
				.reference("Bill of lading", "BOL-50035");
			case TRANSFORMATION_INPUT -> input("scale-tickets|T-10103").lot("R10203", null)
				.quantity("15", "kg")
				.date("2026-10-14")
				.location("BAKERY-01")
				.workOrder("WO-1014-P")
				.reference("Work order", "WO-1014-P")
				.reference2("Scale ticket", "T-10103");
			case TRANSFORMATION_OUTPUT -> output("erp-production|WO-1014-P|C261014A").lot("C261014A", "BAKERY-01")
				.product("COOKIE-PB-12")
				.quantity("27", "case")
				.date("2026-10-14")
				.location("BAKERY-01")
				.workOrder("WO-1014-P")
				.reference("Work order", "WO-1014-P");
			case HARVESTING -> event(Cte.HARVESTING, "harvest|FT-1").product("TOMATO-ROMA")
				.quantity("75", "bin")
				.date("2026-10-01")
				.partner("COOL-1")
				.location("FARM-1")
				.set(KdeField.GROWING_AREA, "Field 7")
				.reference("Field tag", "FT-1");
			case COOLING -> event(Cte.COOLING, "cooling|CL-1").product("TOMATO-ROMA")
				.quantity("75", "bin")
				.date("2026-10-01")
				.partner("VESSEL-1")
				.location("COOL-1")
				.set(KdeField.HARVEST_LOCATION_CODE, "FARM-1")
				.reference("Cooling log", "CL-1");
			case INITIAL_PACKING ->
				event(Cte.INITIAL_PACKING, "packing|PK-1").set(KdeField.RECEIVED_PRODUCT_CODE, "TOMATO-ROMA")
					.set(KdeField.RECEIVED_DATE, "2026-10-02")
					.set(KdeField.RECEIVED_QUANTITY, new BigDecimal("75"))
					.set(KdeField.RECEIVED_UNIT, "bin")
					.set(KdeField.HARVEST_LOCATION_CODE, "FARM-1")
					.set(KdeField.GROWING_AREA, "Field 7")
					.set(KdeField.HARVESTER_BUSINESS_NAME, "Rio Verde Harvest Crew")
					.set(KdeField.HARVESTER_PHONE, "+52 55 5555 0101")
					.set(KdeField.HARVEST_DATE, "2026-10-01")
					.set(KdeField.COOLING_LOCATION_CODE, "COOL-1")
					.set(KdeField.COOLING_DATE, "2026-10-01")
					.lot("TP-1001", "COOL-1")
					.product("TOMATO-ROMA")
					.quantity("300", "case")
					.location("COOL-1")
					.date("2026-10-02")
					.reference("Packing log", "PK-1");
			case FIRST_LAND_BASED_RECEIVING ->
				event(Cte.FIRST_LAND_BASED_RECEIVING, "landing|LR-1").lot("FLR-1", "VESSEL-1")
					.product("COD-FILLET")
					.quantity("300", "kg")
					.set(KdeField.HARVEST_DATE, "2026-09-25")
					.set(KdeField.HARVEST_END_DATE, "2026-09-29")
					.set(KdeField.CATCH_AREA, "FAO 21")
					.location("VESSEL-1")
					.date("2026-09-30")
					.reference("Landing receipt", "LR-1");
			case LOCATION, PRODUCT -> throw new IllegalArgumentException(kind + " is master data");
		};
	}

	static Builder event(Cte cte, String key) {
		return new Builder(cte, EventRole.EVENT, key);
	}

	static Builder input(String key) {
		return new Builder(Cte.TRANSFORMATION, EventRole.INPUT, key);
	}

	static Builder output(String key) {
		return new Builder(Cte.TRANSFORMATION, EventRole.OUTPUT, key);
	}

	/**
	 * The records as a trace would give them: every lot named completely resolves to
	 * itself; {@code aliases} map internal numbers (as a scale scans them) to lots.
	 */
	static RecordSet records(List<KdeEvent> events, Map<String, RecordSet.Lot> aliases) {
		Map<String, RecordSet.Lot> lots = new HashMap<>();
		for (KdeEvent e : events) {
			if (e.lot() != null && e.lot().assigner() != null) {
				lots.put(e.recordKey(), new RecordSet.Lot(e.lot().code(), e.lot().assigner()));
			}
			else if (e.lot() != null && aliases.containsKey(e.lot().code())) {
				lots.put(e.recordKey(), aliases.get(e.lot().code()));
			}
		}
		return new RecordSet("Trace of lot C261014A", List.of("Request: trace of lot C261014A", "Direction: both"),
				List.copyOf(events), lots, LOCATIONS, PRODUCTS, SELECTED_AT, List.of());
	}

	/**
	 * A shipment whose lot code, customer name, phone and street a spreadsheet program
	 * could take for formulas: {@code -24}, {@code =1+1}, {@code +1 555-0100},
	 * {@code @SUM(A1)}.
	 */
	static RecordSet formulaLike() {
		Map<String, Location> locations = new HashMap<>(LOCATIONS);
		locations.put("C200-01",
				location("C200-01", "=1+1", "+1 555-0100", "@SUM(A1)", "Springfield", "IL", "62704", "US"));
		KdeEvent shipped = complete(RecordKind.SHIPPING).lot("-24", "BAKERY-01").build();
		return new RecordSet("Trace of lot -24", List.of("Request: trace of lot -24"), List.of(shipped),
				Map.of(shipped.recordKey(), new RecordSet.Lot("-24", "BAKERY-01")), locations, PRODUCTS, SELECTED_AT,
				List.of());
	}

	static RecordSet records(KdeEvent... events) {
		return records(Arrays.asList(events), Map.of());
	}

	/** A KDE event with every field settable, and removable by {@link KdeField}. */
	static final class Builder {

		private final Cte cte;

		private final EventRole role;

		private String key;

		private final Map<KdeField, Object> values = new HashMap<>();

		private @Nullable Quantity normalized;

		private boolean normalizedSet;

		private String file = "EXPORT.csv";

		private long line = 2;

		Builder(Cte cte, EventRole role, String key) {
			this.cte = cte;
			this.role = role;
			this.key = key;
		}

		Builder key(String key) {
			this.key = key;
			return this;
		}

		Builder set(KdeField field, Object value) {
			this.values.put(field, value);
			return this;
		}

		Builder without(KdeField field) {
			this.values.remove(field);
			return this;
		}

		Builder lot(String code, @Nullable String assigner) {
			set(KdeField.LOT_CODE, code);
			return (assigner != null) ? set(KdeField.LOT_ASSIGNER, assigner) : without(KdeField.LOT_ASSIGNER);
		}

		Builder product(String code) {
			return set(KdeField.PRODUCT_CODE, code);
		}

		Builder quantity(String value, String unit) {
			return set(KdeField.QUANTITY, new BigDecimal(value)).set(KdeField.UNIT, unit);
		}

		/** The normalized quantity; {@code null} as for a unit conversion that failed. */
		Builder normalized(@Nullable Quantity quantity) {
			this.normalized = quantity;
			this.normalizedSet = true;
			return this;
		}

		Builder date(String date) {
			return set(KdeField.EVENT_DATE, LocalDate.parse(date));
		}

		Builder location(String code) {
			return set(KdeField.LOCATION_CODE, code);
		}

		Builder partner(String code) {
			return set(KdeField.PARTNER_LOCATION_CODE, code);
		}

		Builder tlcSource(String code) {
			return set(KdeField.TLC_SOURCE_LOCATION_CODE, code);
		}

		Builder reference(String type, String number) {
			return set(KdeField.REFERENCE_DOCUMENT_TYPE, type).set(KdeField.REFERENCE_DOCUMENT_NUMBER, number);
		}

		Builder reference2(String type, String number) {
			return set(KdeField.REFERENCE_DOCUMENT_TYPE_2, type).set(KdeField.REFERENCE_DOCUMENT_NUMBER_2, number);
		}

		Builder workOrder(String workOrder) {
			return set(KdeField.WORK_ORDER, workOrder);
		}

		Builder source(String file, long line) {
			this.file = file;
			this.line = line;
			return this;
		}

		KdeEvent build() {
			String code = text(KdeField.LOT_CODE);
			TraceabilityLot lot = (code != null)
					? new TraceabilityLot(code, text(KdeField.LOT_ASSIGNER), text(KdeField.INTERNAL_LOT)) : null;
			BigDecimal amount = (BigDecimal) this.values.getOrDefault(KdeField.QUANTITY, BigDecimal.ONE);
			String unit = (String) this.values.getOrDefault(KdeField.UNIT, "");
			Quantity quantity = new Quantity(amount, unit);
			Quantity normalized = this.normalizedSet ? this.normalized : quantity;
			LocalDate date = (LocalDate) this.values.getOrDefault(KdeField.EVENT_DATE, LocalDate.of(2026, 10, 14));
			EventLocations locations = new EventLocations(text(KdeField.LOCATION_CODE),
					text(KdeField.PARTNER_LOCATION_CODE), text(KdeField.TLC_SOURCE_LOCATION_CODE),
					text(KdeField.TLC_SOURCE_REFERENCE));
			return new KdeEvent(this.key, this.cte, this.role, lot, text(KdeField.PRODUCT_CODE), quantity, normalized,
					date, null, locations,
					reference(KdeField.REFERENCE_DOCUMENT_TYPE, KdeField.REFERENCE_DOCUMENT_NUMBER),
					reference(KdeField.REFERENCE_DOCUMENT_TYPE_2, KdeField.REFERENCE_DOCUMENT_NUMBER_2),
					text(KdeField.WORK_ORDER), farm(), provenance(this.file, this.line));
		}

		private FarmKdes farm() {
			BigDecimal received = (BigDecimal) this.values.get(KdeField.RECEIVED_QUANTITY);
			String receivedUnit = text(KdeField.RECEIVED_UNIT);
			return new FarmKdes(date(KdeField.HARVEST_DATE), date(KdeField.HARVEST_END_DATE),
					date(KdeField.COOLING_DATE), date(KdeField.RECEIVED_DATE), text(KdeField.RECEIVED_PRODUCT_CODE),
					(received != null && receivedUnit != null) ? new Quantity(received, receivedUnit) : null,
					text(KdeField.HARVEST_LOCATION_CODE), text(KdeField.COOLING_LOCATION_CODE),
					text(KdeField.GROWING_AREA), text(KdeField.HARVESTER_BUSINESS_NAME), text(KdeField.HARVESTER_PHONE),
					text(KdeField.CATCH_AREA));
		}

		private @Nullable ReferenceDocument reference(KdeField type, KdeField number) {
			String t = text(type);
			String n = text(number);
			return (t != null || n != null) ? new ReferenceDocument((t != null) ? t : "", (n != null) ? n : "") : null;
		}

		private @Nullable String text(KdeField field) {
			return (String) this.values.get(field);
		}

		private @Nullable LocalDate date(KdeField field) {
			Object value = this.values.get(field);
			return (value instanceof String s) ? LocalDate.parse(s) : (LocalDate) value;
		}

	}

}
