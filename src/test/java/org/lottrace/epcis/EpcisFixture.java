package org.lottrace.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventLocations;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;

/**
 * KDE records and master data for EPCIS documents: a bakery whose products carry GTINs
 * with valid check digits (one does not), and a farm, a cooler, a packer and a dock.
 */
final class EpcisFixture {

	static final Instant CREATED = Instant.parse("2026-11-02T13:15:00Z");

	private static final Provenance FROM = new Provenance("test", "TEST.csv", "0", 2, CREATED);

	private final List<KdeEvent> events = new ArrayList<>();

	private final Map<String, TraceabilityLot> lots = new HashMap<>();

	private final Map<String, Location> locations = new HashMap<>();

	private final Map<String, Product> products = new HashMap<>();

	EpcisFixture() {
		location("BAKERY-01", null, "Sunrise Bakery", "0614141000012");
		location("V130", "V130", "Nutty Butter Co.", "0614141000159");
		location("C200-01", "C200", "Green Valley Market #12", "0614141000203");
		for (String code : List.of("FARM-1", "COOLER-1", "PACKER-1", "DOCK-1", "VESSEL-1")) {
			location(code, null, code + " Inc.", null);
		}
		product("PB-CREAMY-35", "Peanut butter, creamy", "00614141200054", "lb");
		product("FILLING-PB", "Peanut butter cream filling", null, "kg");
		product("COOKIE-PB-12", "Peanut Butter Sandwich Cookies, 12 ct", "00614141100019", "case");
		product("SUGAR-GR-50", "Granulated cane sugar", "00614141200022", "kg");
		product("ROMAINE", "Romaine lettuce", null, "kg");
		product("ROMAINE-HEARTS-24", "Romaine hearts, 24 ct", null, "case");
		product("TUNA-YF", "Yellowfin tuna", null, "kg");
	}

	EpcisRecords records() {
		return new EpcisRecords("Test records", List.copyOf(this.events), Map.copyOf(this.lots),
				Map.copyOf(this.locations), Map.copyOf(this.products), CREATED);
	}

	/** A receipt of lot {@code code} of supplier V130. */
	EpcisFixture receipt(String code, String product, String quantity, String unit, @Nullable Quantity normalized) {
		return add(event("rcv-" + code, Cte.RECEIVING, EventRole.EVENT, lot(code, "V130"), product,
				quantity(quantity, unit), normalized, LocalDate.of(2026, 10, 9), null,
				new EventLocations("BAKERY-01", "V130", "V130", null), doc("Purchase order", "PO-88156"),
				doc("Receipt", "RC-5002"), null, FarmKdes.NONE), lot(code, "V130"));
	}

	/** An input record naming a lot by a local number, resolved to {@code resolved}. */
	EpcisFixture input(String scanned, @Nullable TraceabilityLot resolved, String quantity, String workOrder) {
		return add(event("tkt-" + workOrder + "-" + scanned, Cte.TRANSFORMATION, EventRole.INPUT,
				new TraceabilityLot(scanned, null, null), null, quantity(quantity, "kg"), null,
				LocalDate.of(2026, 10, 14), LocalDateTime.of(2026, 10, 14, 7, 44),
				new EventLocations("BAKERY-01", null, null, null), doc("Work order", workOrder),
				doc("Scale ticket", "T-" + scanned), workOrder, FarmKdes.NONE), resolved);
	}

	EpcisFixture output(String code, String product, String quantity, String unit, String workOrder) {
		return add(event("out-" + code, Cte.TRANSFORMATION, EventRole.OUTPUT, lot(code, "BAKERY-01"), product,
				quantity(quantity, unit), null, LocalDate.of(2026, 10, 14), null,
				new EventLocations("BAKERY-01", null, "BAKERY-01", null), doc("Work order", workOrder), null, workOrder,
				FarmKdes.NONE), lot(code, "BAKERY-01"));
	}

	EpcisFixture shipment(String code, String product, String quantity, String bol) {
		return add(event("bol-" + bol, Cte.SHIPPING, EventRole.EVENT, new TraceabilityLot(code, null, null), product,
				quantity(quantity, "case"), null, LocalDate.of(2026, 10, 15), null,
				new EventLocations("BAKERY-01", "C200-01", "BAKERY-01", null), doc("Bill of lading", bol), null, null,
				FarmKdes.NONE), lot(code, "BAKERY-01"));
	}

	/** Harvest, cooling, initial packing of romaine and the landing of a tuna trip. */
	EpcisFixture farm() {
		LocalDate harvested = LocalDate.of(2026, 10, 1);
		add(event("harvest-1", Cte.HARVESTING, EventRole.EVENT, null, "ROMAINE", quantity("12", "bin"),
				quantity("2177.24", "kg"), harvested, null, new EventLocations("FARM-1", "COOLER-1", null, null),
				doc("Field tag", "FT-1"), null, null,
				new FarmKdes(harvested, null, null, null, null, null, null, null, "Field 7", null, null, null)), null);
		add(event("cool-1", Cte.COOLING, EventRole.EVENT, null, "ROMAINE", quantity("4800", "lb"), null, harvested,
				null, new EventLocations("COOLER-1", "PACKER-1", null, null), doc("Cooling log", "CT-501"), null, null,
				new FarmKdes(harvested, null, harvested, null, null, null, "FARM-1", null, null, null, null, null)),
				null);
		add(event("pack-1", Cte.INITIAL_PACKING, EventRole.EVENT, lot("PK-1", "PACKER-1"), "ROMAINE-HEARTS-24",
				quantity("180", "case"), null, LocalDate.of(2026, 10, 2), null,
				new EventLocations("PACKER-1", null, "PACKER-1", null), doc("Packing list", "PL-1"), null, null,
				new FarmKdes(harvested, null, harvested, harvested, "ROMAINE", quantity("4800", "lb"), "FARM-1",
						"COOLER-1", "Field 7", "Green Acres Farm", "+1 831-555-0100", null)),
				lot("PK-1", "PACKER-1"));
		return add(event("land-1", Cte.FIRST_LAND_BASED_RECEIVING, EventRole.EVENT, lot("TRIP-61", "DOCK-1"), "TUNA-YF",
				quantity("3", "tote"), quantity("1350", "kg"), LocalDate.of(2026, 10, 3), null,
				new EventLocations("DOCK-1", "VESSEL-1", "DOCK-1", null), doc("Landing report", "LR-61"), null, null,
				new FarmKdes(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 29), null, null, null, null, null, null,
						null, null, null, "FAO 77")),
				lot("TRIP-61", "DOCK-1"));
	}

	static TraceabilityLot lot(String code, String assigner) {
		return new TraceabilityLot(code, assigner, null);
	}

	private EpcisFixture add(KdeEvent event, @Nullable TraceabilityLot resolved) {
		this.events.add(event);
		if (resolved != null) {
			this.lots.put(event.recordKey(), resolved);
		}
		return this;
	}

	private static KdeEvent event(String key, Cte cte, EventRole role, @Nullable TraceabilityLot lot,
			@Nullable String product, Quantity quantity, @Nullable Quantity normalized, LocalDate date,
			@Nullable LocalDateTime time, EventLocations locations, ReferenceDocument reference,
			@Nullable ReferenceDocument second, @Nullable String workOrder, FarmKdes farm) {
		return new KdeEvent(key, cte, role, lot, product, quantity, normalized, date, time, locations, reference,
				second, workOrder, farm, FROM);
	}

	private void location(String code, @Nullable String partner, String name, @Nullable String gln) {
		this.locations.put(code, new Location(code, "site", partner, name, "+1 217-555-0100", "100 Mill Street",
				"Springfield", "IL", "62701", "US", gln, null, FROM));
	}

	private void product(String code, String name, @Nullable String gtin, String baseUnit) {
		this.products.put(code,
				new Product(code, name, null, null, null, null, null, gtin, null, false, baseUnit, FROM));
	}

	private static Quantity quantity(String value, String unit) {
		return new Quantity(new BigDecimal(value), unit);
	}

	private static ReferenceDocument doc(String type, String number) {
		return new ReferenceDocument(type, number);
	}

}
