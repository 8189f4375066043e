package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.store.HeldRow;
import org.lottrace.store.HeldRows;
import org.lottrace.store.KdeEventRows;
import org.lottrace.store.StoreMasterData;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.PendingInput;
import org.lottrace.trace.TraceResult.TracedLot;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * {@link TraceService}'s answers from a {@link SparkIndex}: Spark resolves the start
 * lots, walks the links to closure and selects the records; the bounded result (lots,
 * links, records, master data they name) is collected to the driver and assembled into
 * the same {@link TraceResult} and {@link RecordSelection} the embedded path makes, so
 * lottrace's own report writers write the files. Each lookup is the embedded path's SQL
 * ({@link StartLots}, {@link TracedEvents}, {@link RecordQuery}, {@link ScopeRows}) as a
 * Spark query.
 * <p>
 * The rows exports held back (rejected or pending) are not an Iceberg table: Spark reads
 * them from the committed Parquet files the commit log names (README, "Store"), so they
 * are the current ones also for a trace {@code --as-of} an earlier time.
 */
public final class SparkTracer {

	private final SparkIndex index;

	private final Clock clock;

	private @Nullable StoreMasterData masterData;

	public SparkTracer(SparkIndex index, Clock clock) {
		this.index = index;
		this.clock = clock;
	}

	/**
	 * Traces a request, as {@link TraceService#trace} does.
	 * @throws TraceException when the lot or product is not in the store, or the request
	 * is ambiguous
	 */
	public TraceResult trace(TraceRequest request) {
		Instant tracedAt = this.clock.instant();
		long started = System.nanoTime();
		int[] start = startLots(request);
		Map<Integer, Integer> backward = (request.direction() != Direction.FORWARD) ? this.index.walk(start, true)
				: Map.of();
		Map<Integer, Integer> forward = switch (request.direction()) {
			case BACKWARD -> Map.of();
			case FORWARD -> this.index.walk(start, false);
			case BOTH -> this.index.walk(backward.keySet().stream().mapToInt(Integer::intValue).toArray(), false);
		};
		Map<Integer, TracedLot> lots = new LinkedHashMap<>();
		Set<Integer> ids = new TreeSet<>(backward.keySet());
		ids.addAll(forward.keySet());
		lots(ids).forEach((id, lot) -> lots.put(id, new TracedLot(id, lot.code(), lot.assigner(),
				backward.getOrDefault(id, -1), forward.getOrDefault(id, -1))));
		List<LotLink> links = links(lots.keySet());
		TracedEvents.Found found = eventsOf(lots.keySet());
		List<KdeEvent> events = found.events();
		Set<String> workOrders = ScopeRows.workOrders(links, events);
		Set<String> lotNumbers = lotNumbers(lots.values());
		List<PendingInput> pending = pending(workOrders, lotNumbers);
		List<HeldRow> held = held(workOrders, lotNumbers, pending, null, null, null);
		StoreMasterData master = masterData();
		List<TracedLot> startLots = Arrays.stream(start).mapToObj(lots::get).toList();
		TraceResult.Context context = context(events, found.lots());
		List<KdeEvent> named = new ArrayList<>(events);
		named.addAll(context.events());
		return new TraceResult(request, tracedAt, startLots, lots, links, events, found.lots(), context,
				TraceService.referencedLocations(named, master), TraceService.referencedProducts(named, master),
				pending, held, Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Selects the records of a request for foods and dates or lot codes, as
	 * {@link TraceService#records} does.
	 * @throws TraceException when the request names nothing, or nothing in the store
	 * matches it
	 */
	public RecordSelection records(RecordRequest request) {
		if (request.everyFood() && request.from() == null && request.to() == null) {
			throw TraceException.invalid("name at least one product or one lot code, or give a date range");
		}
		Instant selectedAt = this.clock.instant();
		Map<Integer, TracedLot> lots = new HashMap<>();
		TracedEvents.Found found = select(request, lots);
		if (found.events().isEmpty()) {
			throw TraceException.notFound("no records match " + request.subject());
		}
		Map<String, TracedLot> eventLots = new HashMap<>();
		found.lots().forEach((key, id) -> eventLots.put(key, lots.get(id)));
		StoreMasterData master = masterData();
		Map<String, Location> locations = TraceService.referencedLocations(found.events(), master);
		return new RecordSelection(request, selectedAt, found.events(), eventLots, locations,
				TraceService.referencedProducts(found.events(), master),
				gaps(request, found.events(), eventLots, locations));
	}

	// --- start lots (StartLots)

	private int[] startLots(TraceRequest request) {
		if ((request.lot() == null) == (request.product() == null)) {
			throw TraceException.invalid("give either a lot or a product (with a date range), not both or neither");
		}
		String lot = request.lot();
		return (lot != null) ? byLot(lot, request.assigner()) : byProduct(request);
	}

	private int[] byLot(String lot, @Nullable String assigner) {
		String query;
		if (assigner != null) {
			query = "SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_key = "
					+ literal(LotKeys.key(lot, assigner));
		}
		else {
			query = "SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_code = " + literal(lot)
					+ " UNION SELECT l.lot_id, l.lot_code, l.lot_assigner FROM alias a JOIN lot l ON l.lot_id = a.lot_id "
					+ "WHERE a.alias = " + literal(lot);
		}
		List<Row> rows = sql("SELECT q.lot_id, q.lot_code, q.lot_assigner, coalesce(loc.business_name, q.lot_assigner) "
				+ "FROM (" + query + ") q LEFT JOIN location loc ON loc.location_code = q.lot_assigner "
				+ "ORDER BY q.lot_assigner, q.lot_code");
		if (rows.isEmpty()) {
			throw TraceException.notFound("no lot has the code or internal number '" + lot + "'"
					+ ((assigner != null) ? " with assigner " + assigner : "") + " in the store");
		}
		if (rows.size() > 1) {
			List<String> described = rows.stream()
				.map((r) -> r.getString(1) + " assigned by " + r.getString(3) + " (assigner " + r.getString(2) + ")")
				.toList();
			throw TraceException.invalid("'" + lot + "' names " + rows.size() + " lots: " + String.join("; ", described)
					+ ". Say which by giving its assigner");
		}
		return new int[] { rows.get(0).getInt(0) };
	}

	private int[] byProduct(TraceRequest request) {
		String product = Objects.requireNonNull(request.product(), "a lot or a product");
		if (sql("SELECT 1 FROM product WHERE product_code = " + literal(product)).isEmpty()) {
			throw TraceException.notFound("no product '" + product + "' in the master data");
		}
		List<Row> rows = sql(lotsOfProducts(literal(product)) + dateFilter("e", request.from(), request.to())
				+ " ORDER BY e.lot_id");
		if (rows.isEmpty()) {
			throw TraceException.notFound("no lot of product " + request.product() + " has an event "
					+ ((request.from() != null) ? "from " + request.from() + " " : "")
					+ ((request.to() != null) ? "to " + request.to() : ""));
		}
		return rows.stream().mapToInt((r) -> r.getInt(0)).toArray();
	}

	// --- lots, links, events (TraceService, TracedEvents)

	private Map<Integer, TracedLot> lots(Collection<Integer> ids) {
		Map<Integer, TracedLot> lots = new LinkedHashMap<>();
		for (Row row : this.index.semiJoin(this.index.lot(), "lot_id", ids)
			.select("lot_id", "lot_code", "lot_assigner")
			.orderBy("lot_id")
			.collectAsList()) {
			lots.put(row.getInt(0), new TracedLot(row.getInt(0), row.getString(1), row.getString(2), -1, -1));
		}
		return lots;
	}

	private List<LotLink> links(Set<Integer> lots) {
		List<LotLink> links = new ArrayList<>();
		for (Row row : this.index.link()
			.where(SparkIndex.in("output_lot", lots).and(SparkIndex.in("input_lot", lots)))
			.select("input_lot", "output_lot", "work_order", "input_key")
			.orderBy("work_order", "input_key")
			.collectAsList()) {
			links.add(new LotLink(row.getInt(0), row.getInt(1), row.getString(2), row.getString(3)));
		}
		return links;
	}

	private TracedEvents.Found eventsOf(Set<Integer> lots) {
		if (lots.isEmpty()) {
			return new TracedEvents.Found(List.of(), Map.of());
		}
		Map<String, Integer> eventLots = new HashMap<>();
		List<KdeEvent> events = new ArrayList<>();
		for (Row row : this.index.semiJoin(this.index.event(), "lot_id", lots).collectAsList()) {
			KdeEvent event = event(row);
			events.add(event);
			eventLots.put(event.recordKey(), row.getInt(row.fieldIndex("lot_id")));
		}
		sort(events);
		return new TracedEvents.Found(List.copyOf(events), Map.copyOf(eventLots));
	}

	private static void sort(List<KdeEvent> events) {
		events.sort(KdeEvent.ORDER);
	}

	private static KdeEvent event(Row row) {
		try {
			return KdeEventRows.read(SparkRows.of(row));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read a record: " + ex.getMessage(), ex);
		}
	}

	// --- records request (RecordQuery)

	private TracedEvents.Found select(RecordRequest request, Map<Integer, TracedLot> lotsOut) {
		Set<Integer> ids = new HashSet<>();
		if (!request.products().isEmpty() || request.everyFood()) {
			ids.addAll(ints(sql(lotsOfProducts(foods(request)) + dateFilter("e", request.from(), request.to()))));
		}
		if (!request.lotCodes().isEmpty()) {
			String assigner = (request.assigner() != null) ? " AND l.lot_assigner = " + literal(request.assigner())
					: "";
			ids.addAll(ints(sql("SELECT l.lot_id FROM lot l WHERE l.lot_code IN (" + literals(request.lotCodes()) + ")"
					+ assigner + " UNION SELECT l.lot_id FROM alias a JOIN lot l ON l.lot_id = a.lot_id "
					+ "WHERE a.alias IN (" + literals(request.lotCodes()) + ")" + assigner)));
		}
		lotsOut.putAll(lots(ids));
		TracedEvents.Found found = eventsOf(lotsOut.keySet());
		List<KdeEvent> events = new ArrayList<>();
		Map<String, Integer> eventLots = new HashMap<>(found.lots());
		Set<String> workOrders = new HashSet<>();
		for (KdeEvent event : found.events()) {
			if (request.inRange(event.eventDate())) {
				events.add(event);
				if (event.cte() == Cte.TRANSFORMATION && event.role() == EventRole.OUTPUT
						&& event.workOrder() != null) {
					workOrders.add(event.workOrder());
				}
			}
		}
		addInputs(workOrders, events, eventLots, lotsOut);
		addOutputs(events, eventLots, lotsOut);
		nameInputProducts(events, eventLots);
		return new TracedEvents.Found(List.copyOf(events), Map.copyOf(eventLots));
	}

	private static String foods(RecordRequest request) {
		String query = "SELECT product_code FROM product WHERE true";
		if (!request.everyFood()) {
			query += " AND product_code IN (" + literals(request.products()) + ")";
		}
		if (!request.allFoods()) {
			query += " AND ftl_category IS NOT NULL";
		}
		return query;
	}

	private static String lotsOfProducts(String products) {
		return "SELECT DISTINCT e.lot_id FROM event e WHERE e.lot_id IN (SELECT lot_id FROM event WHERE "
				+ "product_code IN (" + products + ") AND lot_id IS NOT NULL)";
	}

	private static String dateFilter(String alias, java.time.@Nullable LocalDate from,
			java.time.@Nullable LocalDate to) {
		String filter = "";
		if (from != null) {
			filter += " AND " + alias + ".event_date >= DATE'" + from + "'";
		}
		if (to != null) {
			filter += " AND " + alias + ".event_date <= DATE'" + to + "'";
		}
		return filter;
	}

	/** The other half of the transformations a trace reached halfway (RecordQuery). */
	private TraceResult.Context context(List<KdeEvent> traced, Map<String, Integer> tracedLots) {
		List<KdeEvent> events = new ArrayList<>(traced);
		Map<String, Integer> eventLots = new HashMap<>(tracedLots);
		Map<Integer, TracedLot> lots = new HashMap<>();
		Set<String> workOrders = new HashSet<>();
		for (KdeEvent event : traced) {
			if (event.cte() == Cte.TRANSFORMATION && event.role() == EventRole.OUTPUT && event.workOrder() != null) {
				workOrders.add(event.workOrder());
			}
		}
		addInputs(workOrders, events, eventLots, lots);
		addOutputs(events, eventLots, lots);
		Set<String> tracedKeys = new HashSet<>();
		traced.forEach((e) -> tracedKeys.add(e.recordKey()));
		events.removeIf((e) -> tracedKeys.contains(e.recordKey()));
		if (events.isEmpty()) {
			return TraceResult.Context.NONE;
		}
		nameInputProducts(events, eventLots);
		Map<String, TracedLot> contextLots = new HashMap<>();
		for (KdeEvent event : events) {
			Integer lot = eventLots.get(event.recordKey());
			TracedLot traced1 = (lot != null) ? lots.get(lot) : null;
			if (traced1 != null) {
				contextLots.put(event.recordKey(), traced1);
			}
		}
		return new TraceResult.Context(List.copyOf(events), Map.copyOf(contextLots));
	}

	private void addOutputs(List<KdeEvent> events, Map<String, Integer> eventLots, Map<Integer, TracedLot> lotsOut) {
		Set<String> workOrders = new HashSet<>();
		Set<String> present = new HashSet<>();
		for (KdeEvent event : events) {
			present.add(event.recordKey());
			if (event.role() == EventRole.INPUT && event.workOrder() != null) {
				workOrders.add(event.workOrder());
			}
		}
		if (workOrders.isEmpty()) {
			return;
		}
		List<KdeEvent> outputs = new ArrayList<>();
		Map<String, Integer> outputLots = new HashMap<>();
		for (Row row : this.index.event()
			.where(SparkIndex.in("work_order", workOrders).and(col("role").equalTo(lit("output"))))
			.collectAsList()) {
			KdeEvent event = event(row);
			if (!present.contains(event.recordKey())) {
				outputs.add(event);
				int lot = row.fieldIndex("lot_id");
				if (!row.isNullAt(lot)) {
					outputLots.put(event.recordKey(), row.getInt(lot));
				}
			}
		}
		lotsOut.putAll(lots(new HashSet<>(outputLots.values())));
		eventLots.putAll(outputLots);
		events.addAll(outputs);
		sort(events);
	}

	private void nameInputProducts(List<KdeEvent> events, Map<String, Integer> eventLots) {
		Set<Integer> unnamed = new HashSet<>();
		for (KdeEvent e : events) {
			Integer lot = eventLots.get(e.recordKey());
			if (e.role() == EventRole.INPUT && e.productCode() == null && lot != null) {
				unnamed.add(lot);
			}
		}
		if (unnamed.isEmpty()) {
			return;
		}
		Map<Integer, String> products = new HashMap<>();
		for (Row row : this.index.event()
			.where(SparkIndex.in("lot_id", unnamed)
				.and(col("product_code").isNotNull())
				.and(col("role").notEqual(lit("input"))))
			.groupBy("lot_id")
			.agg(org.apache.spark.sql.functions.min("product_code"))
			.collectAsList()) {
			products.put(row.getInt(0), row.getString(1));
		}
		events.replaceAll((e) -> {
			Integer lot = eventLots.get(e.recordKey());
			String product = (e.role() == EventRole.INPUT && e.productCode() == null && lot != null) ? products.get(lot)
					: null;
			return (product != null) ? new KdeEvent(e.recordKey(), e.cte(), e.role(), e.lot(), product, e.quantity(),
					e.normalizedQuantity(), e.eventDate(), e.eventTime(), e.locations(), e.reference(),
					e.secondReference(), e.workOrder(), e.farm(), e.provenance()) : e;
		});
	}

	private void addInputs(Set<String> workOrders, List<KdeEvent> events, Map<String, Integer> eventLots,
			Map<Integer, TracedLot> lotsOut) {
		if (workOrders.isEmpty()) {
			return;
		}
		Map<String, Integer> inputLots = new LinkedHashMap<>();
		for (Row row : this.index.link()
			.where(SparkIndex.in("work_order", workOrders))
			.select("input_key", "input_lot")
			.orderBy("input_key")
			.collectAsList()) {
			inputLots.put(row.getString(0), row.getInt(1));
		}
		Set<String> present = new HashSet<>();
		events.forEach((e) -> present.add(e.recordKey()));
		inputLots.keySet().removeAll(present);
		if (inputLots.isEmpty()) {
			return;
		}
		lotsOut.putAll(lots(new HashSet<>(inputLots.values())));
		for (Row row : this.index.event().where(SparkIndex.in("record_key", inputLots.keySet())).collectAsList()) {
			KdeEvent event = event(row);
			events.add(event);
			Integer lot = inputLots.get(event.recordKey());
			if (lot != null) {
				eventLots.put(event.recordKey(), lot);
			}
		}
		sort(events);
	}

	// --- scope rows (ScopeRows)

	private Set<String> lotNumbers(Collection<TracedLot> lots) {
		Set<String> numbers = new TreeSet<>();
		Set<Integer> ids = new TreeSet<>();
		lots.forEach((l) -> {
			numbers.add(l.code());
			ids.add(l.id());
		});
		for (Row row : this.index.semiJoin(this.index.alias(), "lot_id", ids).select("alias").collectAsList()) {
			numbers.add(row.getString(0));
		}
		return numbers;
	}

	private List<PendingInput> pending(Set<String> workOrders, Set<String> lotNumbers) {
		Dataset<Row> pending = this.index.pending()
			.where(SparkIndex.in("work_order", workOrders).or(SparkIndex.in("lot_code", lotNumbers)));
		Dataset<Row> event = this.index.event()
			.select(col("record_key"), col("source"), col("source_file"), col("source_sha256"), col("source_line"),
					col("ingested_at"));
		List<PendingInput> inputs = new ArrayList<>();
		for (Row row : pending.join(event, pending.col("input_key").equalTo(event.col("record_key")), "left")
			.orderBy(pending.col("work_order"), pending.col("input_key"))
			.collectAsList()) {
			ResultSet rs = SparkRows.of(row);
			try {
				Provenance provenance = (rs.getString("source_file") != null) ? KdeEventRows.provenance(rs) : null;
				inputs.add(new PendingInput(rs.getString("input_key"), rs.getString("lot_code"),
						rs.getString("work_order"), rs.getString("reason"), provenance));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read an unlinked input: " + ex.getMessage(), ex);
			}
		}
		return inputs;
	}

	/**
	 * Export rows held back that name one of the work orders, lot numbers or (when given)
	 * products, dated within the range when their date could be read; and those that
	 * would give an unlinked input's number to a lot (ScopeRows).
	 */
	private List<HeldRow> held(Set<String> workOrders, Set<String> lotNumbers, List<PendingInput> unlinked,
			@Nullable Collection<String> products, java.time.@Nullable LocalDate from,
			java.time.@Nullable LocalDate to) {
		Dataset<Row> held = this.index.held();
		if (held == null) {
			return List.of();
		}
		org.apache.spark.sql.Column scope = SparkIndex.in("work_order", workOrders)
			.or(SparkIndex.in("lot_code", lotNumbers));
		if (products != null && !products.isEmpty()) {
			scope = scope.or(SparkIndex.in("product_code", products));
		}
		Set<String> scanned = new TreeSet<>();
		unlinked.forEach((input) -> scanned.add(input.lotCode()));
		if (!scanned.isEmpty()) {
			scope = scope.or(org.apache.spark.sql.functions.get_json_object(col("field_texts"), "$.internal_lot")
				.isin(scanned.toArray()));
		}
		org.apache.spark.sql.Column where = col("resolved").equalTo(lit(false)).and(scope);
		if (from != null) {
			where = where.and(col("event_date").isNull().or(col("event_date").geq(lit(from))));
		}
		if (to != null) {
			where = where.and(col("event_date").isNull().or(col("event_date").leq(lit(to))));
		}
		List<HeldRow> rows = new ArrayList<>();
		for (Row row : held.where(where).orderBy("source", "source_file", "source_line").collectAsList()) {
			try {
				rows.add(HeldRows.read(SparkRows.of(row)));
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not read a held row: " + ex.getMessage(), ex);
			}
		}
		return rows;
	}

	private List<Gap> gaps(RecordRequest request, List<KdeEvent> events, Map<String, TracedLot> eventLots,
			Map<String, Location> locations) {
		Set<String> workOrders = ScopeRows.workOrders(List.of(), events);
		Set<String> lotNumbers = lotNumbers(new HashSet<>(eventLots.values()));
		lotNumbers.addAll(request.lotCodes());
		List<Gap> gaps = new ArrayList<>();
		List<PendingInput> unlinked = pending(workOrders, lotNumbers);
		for (HeldRow held : held(workOrders, lotNumbers, unlinked, request.products(), request.from(), request.to())) {
			gaps.add(TraceGaps.held(held, (code) -> code));
		}
		for (PendingInput input : unlinked) {
			gaps.add(TraceGaps.unlinked(input, input.lotCode()));
		}
		for (KdeEvent event : events) {
			TracedLot lot = eventLots.get(event.recordKey());
			TraceGaps.unknownLocations(event, (lot != null) ? lot.code() : null, locations, gaps);
		}
		return gaps.stream().distinct().sorted(TraceGaps.ORDER).toList();
	}

	// --- master data

	/** The current locations and products (small next to the events): collected once. */
	public StoreMasterData masterData() {
		StoreMasterData master = this.masterData;
		if (master != null) {
			return master;
		}
		try {
			List<Location> locations = new ArrayList<>();
			for (Row row : sql("SELECT * FROM location ORDER BY location_code")) {
				ResultSet rs = SparkRows.of(row);
				locations.add(new Location(rs.getString("location_code"), rs.getString("location_type"),
						rs.getString("partner_code"), rs.getString("business_name"), rs.getString("phone"),
						rs.getString("street"), rs.getString("city"), rs.getString("state"),
						rs.getString("postal_code"), rs.getString("country"), rs.getString("gln"),
						rs.getString("fda_registration"), KdeEventRows.provenance(rs)));
			}
			List<Product> products = new ArrayList<>();
			for (Row row : sql("SELECT * FROM product ORDER BY product_code")) {
				ResultSet rs = SparkRows.of(row);
				products
					.add(new Product(rs.getString("product_code"), rs.getString("product_name"), rs.getString("brand"),
							rs.getString("commodity"), rs.getString("variety"), rs.getString("pack_size"),
							rs.getString("pack_style"), rs.getString("gtin"), rs.getString("ftl_category"),
							rs.getBoolean("kill_step"), rs.getString("base_unit"), KdeEventRows.provenance(rs)));
			}
			master = new StoreMasterData(locations, products);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read master data: " + ex.getMessage(), ex);
		}
		this.masterData = master;
		return master;
	}

	// --- SQL

	private List<Row> sql(String query) {
		return this.index.spark().sql(query).collectAsList();
	}

	private static Set<Integer> ints(List<Row> rows) {
		Set<Integer> ids = new HashSet<>();
		for (Row row : rows) {
			if (!row.isNullAt(0)) {
				ids.add(row.getInt(0));
			}
		}
		return ids;
	}

	/** A Spark SQL string literal. */
	static String literal(@Nullable String value) {
		if (value == null) {
			return "NULL";
		}
		return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
	}

	private static String literals(Collection<String> values) {
		return values.isEmpty() ? "NULL" : String.join(", ", values.stream().map(SparkTracer::literal).toList());
	}

}
