package org.lottrace.trace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.store.HeldRow;
import org.lottrace.store.StoreMasterData;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.PendingInput;
import org.lottrace.trace.TraceResult.TracedLot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Traces lots through the derived index: catches the index up with the store, resolves
 * the request to its starting lots, walks the links level by level, and reads back the
 * lots, links, current KDE events and master data reached.
 */
@Service
public class TraceService {

	private static final Logger log = LoggerFactory.getLogger(TraceService.class);

	private final LotIndex index;

	private final IndexRefresher refresher;

	private final Clock clock;

	private volatile @Nullable MemoryLotGraph memoryGraph;

	/**
	 * Master data as of the last refresh that applied commits; read once, not per trace.
	 */
	private volatile @Nullable StoreMasterData masterData;

	public TraceService(LotIndex index, IndexRefresher refresher, Clock clock) {
		this.index = index;
		this.refresher = refresher;
		this.clock = clock;
	}

	/**
	 * Walk links in memory from now on (a running service): maps the index's link file,
	 * or loads the links from the index when it has none. Call again after a refresh that
	 * changed links.
	 */
	public void useMemoryGraph() throws SQLException {
		try (Connection connection = this.index.read()) {
			MemoryLotGraph mapped = this.index.mappedLinks(connection);
			this.memoryGraph = (mapped != null) ? mapped : MemoryLotGraph.load(connection);
		}
	}

	/**
	 * The links to walk: those in memory (a running service), else the link file mapped
	 * into memory (a one-shot command: no query per level), else the index.
	 */
	private LotGraph graph(Connection connection) throws SQLException {
		MemoryLotGraph graph = this.memoryGraph;
		if (graph == null) {
			graph = this.index.mappedLinks(connection);
		}
		return (graph != null) ? graph : new DuckDbLotGraph(connection);
	}

	/**
	 * Traces a request.
	 * @throws TraceException when the lot or product is not in the store, or the request
	 * is ambiguous
	 */
	public TraceResult trace(TraceRequest request) {
		IndexRefresher.Result refreshed = this.refresher.refresh();
		if (refreshed.commits() > 0) {
			this.masterData = null;
		}
		if (refreshed.commits() > 0 && this.memoryGraph != null) {
			try {
				useMemoryGraph();
			}
			catch (SQLException ex) {
				this.memoryGraph = null;
			}
		}
		Instant tracedAt = this.clock.instant();
		long started = System.nanoTime();
		try (Connection connection = this.index.read(); Statement sql = connection.createStatement()) {
			StepTimes steps = new StepTimes();
			int[] start = StartLots.resolve(sql, request);
			steps.done("start lots");
			LotGraph graph = graph(connection);
			Map<Integer, Integer> backward = (request.direction() != Direction.FORWARD)
					? Traversal.backward(graph, start) : Map.of();
			Map<Integer, Integer> forward = switch (request.direction()) {
				case BACKWARD -> Map.of();
				case FORWARD -> Traversal.forward(graph, start);
				case BOTH -> Traversal.forward(graph, backward.keySet().stream().mapToInt(Integer::intValue).toArray());
			};
			steps.done("walk");
			Map<Integer, TracedLot> lots = lots(sql, backward, forward);
			steps.done("lots");
			List<LotLink> links = links(sql, lots.keySet());
			steps.done("links");
			TracedEvents.Found found = TracedEvents.read(sql, lots);
			steps.done("records");
			List<KdeEvent> events = found.events();
			Set<String> workOrders = ScopeRows.workOrders(links, events);
			Set<String> lotNumbers = ScopeRows.lotNumbers(sql, lots.values());
			List<PendingInput> pending = ScopeRows.pending(sql, workOrders, lotNumbers);
			List<HeldRow> held = ScopeRows.held(sql, workOrders, lotNumbers, pending, null, null);
			steps.done("pending and held rows");
			StoreMasterData master = masterData(connection);
			List<TracedLot> startLots = java.util.Arrays.stream(start).mapToObj(lots::get).toList();
			// the links in memory answer which work orders may have records not reached;
			// asking the index that would cost more than it saves
			TraceResult.Context context = RecordQuery.context(sql, events, found.lots(),
					(graph instanceof MemoryLotGraph) ? graph : null, lots.keySet());
			steps.done("context records");
			if (log.isDebugEnabled()) {
				log.debug("Trace of {}: {} lots; {}", request.subject(), lots.size(), steps);
			}
			List<KdeEvent> named = new ArrayList<>(events);
			named.addAll(context.events());
			return new TraceResult(request, tracedAt, startLots, lots, links, events, found.lots(), context,
					referencedLocations(named, master), referencedProducts(named, master), pending, held,
					Duration.ofNanos(System.nanoTime() - started));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The trace failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The export rows held back and not resolved: pending ones (they wait for other data)
	 * or rejected ones, newest ingestion first.
	 */
	public List<HeldRow> heldRows(boolean pending, int limit) {
		this.refresher.refresh();
		try (Connection connection = this.index.read();
				Statement sql = connection.createStatement();
				ResultSet rs = new SqlQuery(sql).sql("SELECT * FROM held WHERE NOT resolved AND status = ")
					.value(pending ? HeldRow.PENDING : HeldRow.REJECTED)
					.sql(" ORDER BY ingested_at DESC, source, source_file, source_line LIMIT ")
					.value(Math.max(0, limit))
					.query()) {
			List<HeldRow> rows = new ArrayList<>();
			while (rs.next()) {
				rows.add(org.lottrace.store.HeldRows.read(rs));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the held rows: " + ex.getMessage(), ex);
		}
	}

	/** The products of the master data, by code. */
	public List<Product> products() {
		if (this.refresher.refresh().commits() > 0) {
			this.masterData = null;
		}
		try (Connection connection = this.index.read()) {
			return masterData(connection).products()
				.stream()
				.sorted(java.util.Comparator.comparing(Product::code))
				.toList();
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the products: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks that a trace request names lots the store has, without tracing.
	 * @return how many lots the trace starts from (its size, for budgets)
	 * @throws TraceException when the lot or product is not found or the request is
	 * ambiguous
	 */
	public int check(TraceRequest request) {
		this.refresher.refresh();
		try (Connection connection = this.index.read(); Statement sql = connection.createStatement()) {
			return StartLots.resolve(sql, request).length;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the request: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks that a records request names products or lots the store has.
	 * @throws TraceException when it names nothing, or nothing it names is known
	 */
	public void check(RecordRequest request) {
		if (request.everyFood()) {
			if (request.from() == null && request.to() == null) {
				throw TraceException.invalid("name at least one product or one lot code, or give a date range");
			}
			return;
		}
		this.refresher.refresh();
		try (Connection connection = this.index.read(); Statement sql = connection.createStatement()) {
			try (ResultSet rs = new SqlQuery(sql).sql("SELECT (SELECT count(*) FROM product WHERE product_code IN (")
				.strings(request.products())
				.sql(")) + (SELECT count(*) FROM lot WHERE lot_code IN (")
				.strings(request.lotCodes())
				.sql(")) + (SELECT count(*) FROM alias WHERE alias IN (")
				.strings(request.lotCodes())
				.sql("))")
				.query()) {
				rs.next();
				if (rs.getLong(1) == 0) {
					throw TraceException.notFound("no product or lot of " + request.subject() + " is in the store");
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the request: " + ex.getMessage(), ex);
		}
	}

	/**
	 * How many lots a records request selects (its foods' lots with a record within the
	 * dates, and the lots with its codes), before the inputs of their transformations are
	 * added: its size, for budgets. Call {@link #check(RecordRequest)} first.
	 */
	public long size(RecordRequest request) {
		try (Connection connection = this.index.read(); Statement sql = connection.createStatement()) {
			SqlQuery query = new SqlQuery(sql).sql("SELECT count(*) FROM (");
			RecordQuery.lotsOfProducts(query, (q) -> q.strings(request.products()));
			RecordQuery.dateFilter(query, "e", request.from(), request.to())
				.sql(" UNION SELECT lot_id FROM lot WHERE lot_code IN (")
				.strings(request.lotCodes())
				.sql(") UNION SELECT lot_id FROM alias WHERE alias IN (")
				.strings(request.lotCodes())
				.sql("))");
			try (ResultSet rs = query.query()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not size the request: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Why a request by foods found nothing, when it named foods the product master data
	 * does not put on the Food Traceability List.
	 */
	private static String notListed(Statement sql, RecordRequest request) throws SQLException {
		if (request.allFoods() || request.products().isEmpty()) {
			return "";
		}
		List<String> unlisted = new ArrayList<>();
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT product_code FROM product WHERE product_code IN (")
			.strings(request.products())
			.sql(") AND ftl_category IS NULL ORDER BY product_code")
			.query()) {
			while (rs.next()) {
				unlisted.add(rs.getString(1));
			}
		}
		if (unlisted.isEmpty()) {
			return "";
		}
		return "; " + String.join(", ", unlisted) + ((unlisted.size() == 1) ? " is" : " are")
				+ " not on the Food Traceability List (no FTL category in the product master data), and the FDA "
				+ "records cover listed foods only: ask for every food (--all-foods, API: \"allFoods\": true) to "
				+ "include it";
	}

	/**
	 * Selects the records of a request for foods and a date range, or for lot codes.
	 * @throws TraceException when the request names nothing, or nothing in the store
	 * matches it
	 */
	public RecordSelection records(RecordRequest request) {
		if (request.everyFood() && request.from() == null && request.to() == null) {
			throw TraceException.invalid("name at least one product or one lot code, or give a date range");
		}
		if (this.refresher.refresh().commits() > 0) {
			this.masterData = null;
		}
		Instant selectedAt = this.clock.instant();
		try (Connection connection = this.index.read(); Statement sql = connection.createStatement()) {
			Map<Integer, TracedLot> lots = new HashMap<>();
			TracedEvents.Found found = RecordQuery.select(sql, request, lots);
			if (found.events().isEmpty()) {
				throw TraceException.notFound("no records match " + request.subject() + notListed(sql, request));
			}
			Map<String, TracedLot> eventLots = new HashMap<>();
			found.lots().forEach((key, id) -> eventLots.put(key, lots.get(id)));
			StoreMasterData master = masterData(connection);
			Map<String, Location> locations = referencedLocations(found.events(), master);
			return new RecordSelection(request, selectedAt, found.events(), eventLots, locations,
					referencedProducts(found.events(), master),
					ScopeRows.gaps(sql, request, found.events(), eventLots, locations));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not select the records: " + ex.getMessage(), ex);
		}
	}

	private StoreMasterData masterData(Connection connection) throws SQLException {
		StoreMasterData master = this.masterData;
		if (master == null) {
			master = StoreMasterData.load(connection);
			this.masterData = master;
		}
		return master;
	}

	private Map<Integer, TracedLot> lots(Statement sql, Map<Integer, Integer> backward, Map<Integer, Integer> forward)
			throws SQLException {
		Set<Integer> ids = new TreeSet<>(backward.keySet());
		ids.addAll(forward.keySet());
		Map<Integer, TracedLot> lots = new LinkedHashMap<>();
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_id IN (")
			.ints(ids)
			.sql(") ORDER BY lot_id")
			.query()) {
			while (rs.next()) {
				int id = rs.getInt(1);
				lots.put(id, new TracedLot(id, rs.getString(2), rs.getString(3), backward.getOrDefault(id, -1),
						forward.getOrDefault(id, -1)));
			}
		}
		return lots;
	}

	private List<LotLink> links(Statement sql, Set<Integer> lots) throws SQLException {
		List<LotLink> links = new ArrayList<>();
		try (ResultSet rs = new SqlQuery(sql)
			.sql("SELECT input_lot, output_lot, work_order, input_key FROM link WHERE " + "output_lot IN (")
			.ints(lots)
			.sql(") AND input_lot IN (")
			.ints(lots)
			.sql(") ORDER BY work_order, input_key")
			.query()) {
			while (rs.next()) {
				links.add(new LotLink(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4)));
			}
		}
		return links;
	}

	/** The locations the events name, from master data (also the Spark job's). */
	static Map<String, Location> referencedLocations(List<KdeEvent> events, StoreMasterData master) {
		Map<String, Location> referenced = new HashMap<>();
		for (KdeEvent event : events) {
			for (String code : new String[] { event.locations().location(), event.locations().partner(),
					event.locations().tlcSource(), (event.lot() != null) ? event.lot().assigner() : null,
					event.farm().harvestLocation(), event.farm().coolingLocation() }) {
				if (code != null) {
					master.location(code).ifPresent((l) -> referenced.put(code, l));
				}
			}
		}
		return referenced;
	}

	/** The products the events name, from master data (also the Spark job's). */
	static Map<String, Product> referencedProducts(List<KdeEvent> events, StoreMasterData master) {
		Map<String, Product> referenced = new HashMap<>();
		for (KdeEvent event : events) {
			for (String code : new String[] { event.productCode(), event.farm().receivedProductCode() }) {
				if (code != null) {
					master.product(code).ifPresent((p) -> referenced.put(code, p));
				}
			}
		}
		return referenced;
	}

}
