package org.lottrace.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.lottrace.kde.UnitConverter;
import org.lottrace.kde.UnitConverter.ItemConversion;
import org.lottrace.kde.UnitConverter.UnitDefinition;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Builds {@link TraceResult}s by hand: lots, links and KDE events as a trace of the store
 * would return them.
 */
public class TraceFixture {

	public static final String SITE = "BAKERY-01";

	static final Instant TRACED_AT = Instant.parse("2026-11-02T13:15:00Z");

	/**
	 * When the reports of the tests are generated, a minute after the trace, and the time
	 * zone they show times in.
	 */
	public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-02T13:16:00Z"), ZoneId.of("America/Chicago"));

	private static final Provenance MASTER = new Provenance("test", "MASTER.csv", "0", 1, TRACED_AT);

	private final Map<Integer, TracedLot> lots = new LinkedHashMap<>();

	private final List<Integer> start = new ArrayList<>();

	private final List<LotLink> links = new ArrayList<>();

	private final List<KdeEvent> events = new ArrayList<>();

	private final Map<String, Integer> eventLots = new HashMap<>();

	private final Map<String, Location> locations = new HashMap<>();

	private final Map<String, Product> products = new HashMap<>();

	private int line = 2;

	public TraceFixture location(String code, String type, String name, String phone, String street, String city) {
		this.locations.put(code,
				new Location(code, type, code, name, phone, street, city, "IL", "62704", "US", null, null, MASTER));
		return this;
	}

	public TraceFixture product(String code, String name, @Nullable String ftlCategory, String baseUnit) {
		this.products.put(code,
				new Product(code, name, null, null, null, null, null, null, ftlCategory, false, baseUnit, MASTER));
		return this;
	}

	public TracedLot lot(int id, String code, String assigner, int backwardDepth, int forwardDepth) {
		TracedLot lot = new TracedLot(id, code, assigner, backwardDepth, forwardDepth);
		this.lots.put(id, lot);
		if (backwardDepth == 0) {
			this.start.add(id);
		}
		return lot;
	}

	/** The start lot of a forward trace: not reached backward. */
	public TracedLot forwardStart(int id, String code, String assigner) {
		TracedLot lot = lot(id, code, assigner, -1, 0);
		this.start.add(id);
		return lot;
	}

	TracedLot lotById(int id) {
		return this.lots.get(id);
	}

	public TraceFixture receipt(TracedLot lot, String product, String quantity, String unit, String date,
			String internalLot, String po, String receipt) {
		return add(lot, new KdeEvent("rcv-" + receipt, Cte.RECEIVING, EventRole.EVENT,
				new TraceabilityLot(lot.code(), lot.assigner(), internalLot), product, quantity(quantity, unit), null,
				LocalDate.parse(date), null, new EventLocations(SITE, lot.assigner(), lot.assigner(), null),
				new ReferenceDocument("Purchase order", po), new ReferenceDocument("Receipt", receipt), null,
				FarmKdes.NONE, provenance("RCV.csv")));
	}

	public TraceFixture output(TracedLot lot, String product, String quantity, String unit, String date,
			String workOrder) {
		return add(lot,
				new KdeEvent("out-" + workOrder + "-" + lot.code(), Cte.TRANSFORMATION, EventRole.OUTPUT,
						new TraceabilityLot(lot.code(), SITE, null), product, quantity(quantity, unit), null,
						LocalDate.parse(date), null, new EventLocations(SITE, null, SITE, null),
						new ReferenceDocument("Work order", workOrder), null, workOrder, FarmKdes.NONE,
						provenance("PROD.csv")));
	}

	/** An input record of {@code input} into {@code output}, and the link it makes. */
	public TraceFixture input(TracedLot input, TracedLot output, String quantity, String unit, String workOrder,
			String ticket) {
		String key = "tkt-" + ticket;
		this.links.add(new LotLink(input.id(), output.id(), workOrder, key));
		return add(input,
				new KdeEvent(key, Cte.TRANSFORMATION, EventRole.INPUT, new TraceabilityLot(input.code(), null, null),
						null, quantity(quantity, unit), null, LocalDate.of(2026, 10, 14), null,
						new EventLocations(SITE, null, null, null), new ReferenceDocument("Work order", workOrder),
						new ReferenceDocument("Scale ticket", ticket), workOrder, FarmKdes.NONE,
						provenance("TICKETS.csv")));
	}

	public TraceFixture shipment(TracedLot lot, String product, String quantity, String date, String customer,
			String bol) {
		return add(lot, new KdeEvent("bol-" + bol + "-" + lot.code() + "-" + customer, Cte.SHIPPING, EventRole.EVENT,
				new TraceabilityLot(lot.code(), null, null), product, quantity(quantity, "case"), null,
				LocalDate.parse(date), null, new EventLocations(SITE, customer, SITE, null),
				new ReferenceDocument("Bill of lading", bol), null, null, FarmKdes.NONE, provenance("BOL.txt")));
	}

	/** A link without an input record of its own (for graph-only tests). */
	TraceFixture link(TracedLot input, TracedLot output) {
		this.links.add(new LotLink(input.id(), output.id(), "WO-" + output.code(), "link-" + this.links.size()));
		return this;
	}

	TraceResult result(TraceRequest request) {
		return new TraceResult(request, TRACED_AT, this.start.stream().map(this.lots::get).toList(),
				Map.copyOf(this.lots), List.copyOf(this.links), List.copyOf(this.events), Map.copyOf(this.eventLots),
				TraceResult.Context.NONE, Map.copyOf(this.locations), Map.copyOf(this.products), List.of(), List.of(),
				Duration.ofMillis(298));
	}

	public TraceAnalysis analysis(TraceRequest request) {
		return TraceAnalysis.of(result(request), units());
	}

	private TraceFixture add(TracedLot lot, KdeEvent event) {
		this.events.add(event);
		this.eventLots.put(event.recordKey(), lot.id());
		return this;
	}

	private Provenance provenance(String file) {
		return new Provenance("test", file, "0", this.line++, TRACED_AT);
	}

	private static Quantity quantity(String value, String unit) {
		return new Quantity(new BigDecimal(value), unit);
	}

	/** A few units as in {@code jobs/units.yml}. */
	static UnitConverter units() {
		Map<String, UnitDefinition> units = Map.of("kg", new UnitDefinition("mass", BigDecimal.ONE), "lb",
				new UnitDefinition("mass", new BigDecimal("0.45359237")), "each",
				new UnitDefinition("count", BigDecimal.ONE), "case", new UnitDefinition("package", null), "pail",
				new UnitDefinition("package", null), "bag", new UnitDefinition("package", null));
		Map<String, List<ItemConversion>> items = Map.of("PB-CREAMY-35", List.of(conversion("pail", "35", "lb")),
				"FLOUR-AP-50", List.of(conversion("bag", "50", "lb")), "BUTTER-UNS-36",
				List.of(conversion("case", "36", "lb")));
		return new UnitConverter(units, Map.of("cs", "case"), items);
	}

	private static ItemConversion conversion(String from, String amount, String to) {
		return new ItemConversion(BigDecimal.ONE, from, new BigDecimal(amount), to);
	}

}
