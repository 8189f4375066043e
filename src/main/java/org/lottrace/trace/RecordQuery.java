package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Selects records for a {@link RecordRequest}: every record of the lots of the requested
 * foods (those on the Food Traceability List, unless every food is asked for) or with the
 * requested codes, dated within the range; for each transformation that made one of those
 * lots, the records of its inputs (whatever food they are); and for each transformation
 * that used one of them, the records of what it made (the new traceability lot code and
 * its food, § 1.1350(a)(2)), so that every transformation reads whole.
 */
final class RecordQuery {

	private RecordQuery() {
	}

	static TracedEvents.Found select(Statement sql, RecordRequest request, Map<Integer, TracedLot> lotsOut)
			throws SQLException {
		Set<Integer> ids = new HashSet<>();
		if (!request.products().isEmpty() || request.everyFood()) {
			SqlQuery query = lotsOfProducts(new SqlQuery(sql), (q) -> foods(q, request));
			ids.addAll(ids(dateFilter(query, "e", request.from(), request.to())));
		}
		if (!request.lotCodes().isEmpty()) {
			SqlQuery query = new SqlQuery(sql).sql("SELECT l.lot_id FROM lot l WHERE l.lot_code IN (")
				.strings(request.lotCodes())
				.sql(")")
				.append((q) -> assigner(q, request))
				.sql(" UNION SELECT l.lot_id FROM alias a JOIN lot l USING (lot_id) WHERE a.alias IN (")
				.strings(request.lotCodes())
				.sql(")")
				.append((q) -> assigner(q, request));
			ids.addAll(ids(query));
		}
		lotsOut.putAll(lots(sql, ids));
		TracedEvents.Found found = TracedEvents.read(sql, lotsOut);
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
		addInputs(sql, workOrders, events, eventLots, lotsOut, null);
		addOutputs(sql, events, eventLots, lotsOut, Set.of());
		nameInputProducts(sql, events, eventLots);
		return new TracedEvents.Found(List.copyOf(events), Map.copyOf(eventLots));
	}

	private static void assigner(SqlQuery query, RecordRequest request) {
		if (request.assigner() != null) {
			query.sql(" AND l.lot_assigner = ").value(request.assigner());
		}
	}

	/**
	 * The other half of the transformations a trace reached halfway: the input records of
	 * the work orders that made a lot reached (a forward trace does not go back to them),
	 * and the output records of the work orders that used one (a backward trace does not
	 * go on to them). They are not traced, but a transformation's record is its inputs
	 * and its outputs together (§ 1.1350(a)(2)): the FDA spreadsheet shows them whole.
	 * <p>
	 * The index is asked only about the work orders the links say may have records the
	 * trace did not reach: a work order one of whose traced outputs has only traced lots
	 * going into it has no other linked input, and one with a traced input lot all of
	 * whose lots made are traced has no other output (a link joins each linked input of a
	 * work order to each of its outputs).
	 * @param graph the links, or null to ask about every work order
	 * @param reached the lots the trace reached
	 */
	static TraceResult.Context context(Statement sql, List<KdeEvent> traced, Map<String, Integer> tracedLots,
			@Nullable LotGraph graph, Set<Integer> reached) throws SQLException {
		List<KdeEvent> events = new ArrayList<>(traced);
		Map<String, Integer> eventLots = new HashMap<>(tracedLots);
		Map<Integer, TracedLot> lots = new HashMap<>();
		Set<String> workOrders = new HashSet<>();
		Set<String> whole = new HashSet<>();
		for (KdeEvent event : traced) {
			if (event.cte() == Cte.TRANSFORMATION && event.role() == EventRole.OUTPUT && event.workOrder() != null) {
				workOrders.add(event.workOrder());
				Integer lot = tracedLots.get(event.recordKey());
				if (graph != null && lot != null && reached.containsAll(lots(graph.into(new int[] { lot }), true))) {
					whole.add(event.workOrder());
				}
			}
		}
		workOrders.removeAll(whole);
		addInputs(sql, workOrders, events, eventLots, lots, graph);
		Set<String> made = new HashSet<>();
		for (KdeEvent event : events) {
			Integer lot = eventLots.get(event.recordKey());
			if (graph != null && event.role() == EventRole.INPUT && event.workOrder() != null && lot != null
					&& reached.containsAll(lots(graph.outOf(new int[] { lot }), false))) {
				made.add(event.workOrder());
			}
		}
		addOutputs(sql, events, eventLots, lots, made);
		Set<String> tracedKeys = new HashSet<>();
		traced.forEach((e) -> tracedKeys.add(e.recordKey()));
		events.removeIf((e) -> tracedKeys.contains(e.recordKey()));
		if (events.isEmpty()) {
			return TraceResult.Context.NONE;
		}
		nameInputProducts(sql, events, eventLots);
		Map<String, TracedLot> contextLots = new HashMap<>();
		for (KdeEvent event : events) {
			Integer lot = eventLots.get(event.recordKey());
			if (lot != null && lots.get(lot) != null) {
				contextLots.put(event.recordKey(), lots.get(lot));
			}
		}
		return new TraceResult.Context(List.copyOf(events), Map.copyOf(contextLots));
	}

	/**
	 * The products a request by foods covers, as the inside of an IN list: the named ones
	 * (or every one for a request by dates only), less those not on the Food Traceability
	 * List unless every food is asked for.
	 */
	static void foods(SqlQuery query, RecordRequest request) throws SQLException {
		query.sql("SELECT product_code FROM product WHERE true");
		if (!request.everyFood()) {
			query.sql(" AND product_code IN (").strings(request.products()).sql(")");
		}
		if (!request.allFoods()) {
			query.sql(" AND ftl_category IS NOT NULL");
		}
	}

	/**
	 * The output records of the work orders that used the selected input records, with
	 * their lots: what each selected lot became.
	 * @param known work orders whose outputs are all among {@code events} already
	 */
	private static void addOutputs(Statement sql, List<KdeEvent> events, Map<String, Integer> eventLots,
			Map<Integer, TracedLot> lotsOut, Set<String> known) throws SQLException {
		Set<String> workOrders = new HashSet<>();
		Set<String> present = new HashSet<>();
		for (KdeEvent event : events) {
			present.add(event.recordKey());
			if (event.role() == EventRole.INPUT && event.workOrder() != null) {
				workOrders.add(event.workOrder());
			}
		}
		workOrders.removeAll(known);
		if (workOrders.isEmpty()) {
			return;
		}
		List<KdeEvent> outputs = new ArrayList<>();
		Map<String, @Nullable Integer> outputLots = new HashMap<>();
		TracedEvents
			.read(new SqlQuery(sql).sql("SELECT " + TracedEvents.RECORD_COLUMNS + " FROM event WHERE work_order IN (")
				.strings(workOrders)
				.sql(") AND role = 'output' AND NOT superseded"), (event, lot) -> {
					if (!present.contains(event.recordKey())) {
						outputs.add(event);
						outputLots.put(event.recordKey(), lot);
					}
				});
		lotsOut.putAll(lots(sql,
				outputLots.values()
					.stream()
					.filter(java.util.Objects::nonNull)
					.collect(java.util.stream.Collectors.toSet())));
		outputLots.forEach((key, lot) -> {
			if (lot != null) {
				eventLots.put(key, lot);
			}
		});
		events.addAll(outputs);
		events.sort(KdeEvent.ORDER);
	}

	/** The input lots (or the output lots) of links. */
	private static Set<Integer> lots(LotGraph.Edges edges, boolean inputs) {
		Set<Integer> lots = new HashSet<>();
		for (int lot : inputs ? edges.inputs() : edges.outputs()) {
			lots.add(lot);
		}
		return lots;
	}

	/**
	 * The lots of products (a current record of the lot names one of them) with a current
	 * record of any kind, as {@code e}: a lot used in a batch is a lot of its food on
	 * that day, though the scale ticket names no product. Append a date filter on
	 * {@code e}.
	 * @param products the inside of an IN list of product codes
	 */
	static SqlQuery lotsOfProducts(SqlQuery query, SqlQuery.Part products) throws SQLException {
		return query
			.sql("SELECT DISTINCT e.lot_id FROM event e WHERE NOT e.superseded AND e.lot_id IN (SELECT lot_id FROM "
					+ "event WHERE product_code IN (")
			.append(products)
			.sql(") AND NOT superseded AND lot_id IS NOT NULL)");
	}

	/**
	 * Input records that name no product (a scale ticket names the lot only) get the
	 * product of their lot, which the selection may not otherwise hold: the
	 * transformation's input food is a required KDE (§ 1.1350(a)(1)(ii)).
	 */
	private static void nameInputProducts(Statement sql, List<KdeEvent> events, Map<String, Integer> eventLots)
			throws SQLException {
		Set<Integer> unnamed = new HashSet<>();
		events.stream()
			.filter((e) -> e.role() == EventRole.INPUT && e.productCode() == null
					&& eventLots.get(e.recordKey()) != null)
			.forEach((e) -> unnamed.add(eventLots.get(e.recordKey())));
		if (unnamed.isEmpty()) {
			return;
		}
		Map<Integer, String> products = new HashMap<>();
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT lot_id, min(product_code) FROM event WHERE lot_id IN (")
			.ints(unnamed)
			.sql(") AND product_code IS NOT NULL AND role <> 'input' AND NOT superseded GROUP BY lot_id")
			.query()) {
			while (rs.next()) {
				products.put(rs.getInt(1), rs.getString(2));
			}
		}
		events.replaceAll((e) -> {
			String product = (e.role() == EventRole.INPUT && e.productCode() == null)
					? products.get(eventLots.get(e.recordKey())) : null;
			return (product != null) ? new KdeEvent(e.recordKey(), e.cte(), e.role(), e.lot(), product, e.quantity(),
					e.normalizedQuantity(), e.eventDate(), e.eventTime(), e.locations(), e.reference(),
					e.secondReference(), e.workOrder(), e.farm(), e.provenance()) : e;
		});
	}

	/**
	 * The input records of the given work orders, with the lots they were linked to.
	 * @param graph the links, when in memory: the input lots of the work orders' outputs
	 * are found there rather than in the index's link table
	 */
	private static void addInputs(Statement sql, Set<String> workOrders, List<KdeEvent> events,
			Map<String, Integer> eventLots, Map<Integer, TracedLot> lotsOut, @Nullable LotGraph graph)
			throws SQLException {
		if (workOrders.isEmpty()) {
			return;
		}
		// the links into the work orders' output lots (integers: DuckDB scans them
		// several
		// times faster than work order numbers), then those of the work orders asked
		// about
		Set<Integer> outputLots = new HashSet<>();
		for (KdeEvent event : events) {
			Integer lot = eventLots.get(event.recordKey());
			if (event.role() == EventRole.OUTPUT && lot != null && workOrders.contains(event.workOrder())) {
				outputLots.add(lot);
			}
		}
		if (graph != null) {
			addLinkedInputs(sql, workOrders, outputLots, graph, events, eventLots, lotsOut);
			return;
		}
		Map<String, Integer> inputLots = new LinkedHashMap<>();
		try (ResultSet rs = new SqlQuery(sql)
			.sql("SELECT input_key, input_lot, work_order FROM link WHERE output_lot IN (")
			.ints(outputLots)
			.sql(") ORDER BY input_key")
			.query()) {
			while (rs.next()) {
				if (workOrders.contains(rs.getString(3))) {
					inputLots.put(rs.getString(1), rs.getInt(2));
				}
			}
		}
		Set<String> present = new HashSet<>();
		events.forEach((e) -> present.add(e.recordKey()));
		inputLots.keySet().removeAll(present);
		if (inputLots.isEmpty()) {
			return;
		}
		lotsOut.putAll(lots(sql, new HashSet<>(inputLots.values())));
		// by the input lots (an input record's lot is its link's input lot), then by key:
		// DuckDB scans an integer column several times faster than the record keys
		TracedEvents
			.read(new SqlQuery(sql).sql("SELECT " + TracedEvents.RECORD_COLUMNS + " FROM event WHERE lot_id IN (")
				.ints(new HashSet<>(inputLots.values()))
				.sql(") AND role = 'input' AND NOT superseded AND work_order IN (")
				.strings(workOrders)
				.sql(")"), (event, lot) -> {
					Integer linked = inputLots.get(event.recordKey());
					if (linked != null) {
						events.add(event);
						eventLots.put(event.recordKey(), linked);
					}
				});
		events.sort(KdeEvent.ORDER);
	}

	/**
	 * The input records of the work orders, found through the links in memory: every
	 * linked input of a work order is linked to each of its output lots, so the lots
	 * going into those outputs hold them all, and the records of those lots that are
	 * inputs of the work orders are the ones the link table names (the refresh links
	 * every current input record with a lot to every output with one). The link table's
	 * scan was most of a lot trace's context records.
	 */
	private static void addLinkedInputs(Statement sql, Set<String> workOrders, Set<Integer> outputLots, LotGraph graph,
			List<KdeEvent> events, Map<String, Integer> eventLots, Map<Integer, TracedLot> lotsOut)
			throws SQLException {
		Set<Integer> candidates = lots(graph.into(outputLots.stream().mapToInt(Integer::intValue).toArray()), true);
		if (candidates.isEmpty()) {
			return;
		}
		Set<String> present = new HashSet<>();
		events.forEach((e) -> present.add(e.recordKey()));
		Map<String, Integer> inputLots = new HashMap<>();
		List<KdeEvent> inputs = new ArrayList<>();
		// by the work orders too: a lot of flour goes into hundreds of
		// batches, and naming them makes the query read a tenth of the
		// rows (three times faster at 10M and 50M)
		TracedEvents
			.read(new SqlQuery(sql).sql("SELECT " + TracedEvents.RECORD_COLUMNS + " FROM event WHERE lot_id IN (")
				.ints(candidates)
				.sql(") AND role = 'input' AND NOT superseded AND work_order IN (")
				.strings(workOrders)
				.sql(")"), (event, lot) -> {
					if (lot != null && !present.contains(event.recordKey())) {
						inputs.add(event);
						inputLots.put(event.recordKey(), lot);
					}
				});
		if (inputs.isEmpty()) {
			return;
		}
		lotsOut.putAll(lots(sql, new HashSet<>(inputLots.values())));
		events.addAll(inputs);
		eventLots.putAll(inputLots);
		events.sort(KdeEvent.ORDER);
	}

	/** Appends {@code AND} conditions on the event date of {@code alias}. */
	static SqlQuery dateFilter(SqlQuery query, String alias, @Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null) {
			query.sql(" AND " + alias + ".event_date >= ").date(from);
		}
		if (to != null) {
			query.sql(" AND " + alias + ".event_date <= ").date(to);
		}
		return query;
	}

	private static Set<Integer> ids(SqlQuery query) throws SQLException {
		Set<Integer> ids = new HashSet<>();
		try (ResultSet rs = query.query()) {
			while (rs.next()) {
				ids.add(rs.getInt(1));
			}
		}
		return ids;
	}

	static Map<Integer, TracedLot> lots(Statement sql, Set<Integer> ids) throws SQLException {
		Map<Integer, TracedLot> lots = new LinkedHashMap<>();
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT lot_id, lot_code, lot_assigner FROM lot WHERE lot_id IN (")
			.ints(ids)
			.sql(") ORDER BY lot_id")
			.query()) {
			while (rs.next()) {
				lots.put(rs.getInt(1), new TracedLot(rs.getInt(1), rs.getString(2), rs.getString(3), -1, -1));
			}
		}
		return lots;
	}

}
