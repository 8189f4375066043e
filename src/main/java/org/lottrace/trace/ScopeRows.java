package org.lottrace.trace;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Provenance;
import org.lottrace.store.HeldRow;
import org.lottrace.store.HeldRows;
import org.lottrace.store.KdeEventRows;
import org.lottrace.trace.TraceResult.LotLink;
import org.lottrace.trace.TraceResult.PendingInput;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * The rows of the index that a trace or a records request must report because they are in
 * its scope but could not become part of its answer: export rows held back (rejected, or
 * pending and not resolved yet) and transformation inputs that could not be linked. A row
 * is in scope when it names one of the work orders or the code or a number of one of the
 * lots of the answer (and, for a request by foods, one of its foods).
 */
final class ScopeRows {

	private ScopeRows() {
	}

	/** The work orders of the lots reached: of their links and their own records. */
	static Set<String> workOrders(List<LotLink> links, List<KdeEvent> events) {
		Set<String> workOrders = new TreeSet<>();
		links.forEach((l) -> workOrders.add(l.workOrder()));
		events.stream().filter((e) -> e.workOrder() != null).forEach((e) -> workOrders.add(e.workOrder()));
		return workOrders;
	}

	/** The codes and local numbers (aliases) of the lots. */
	static Set<String> lotNumbers(Statement sql, Collection<TracedLot> lots) throws SQLException {
		Set<String> numbers = new TreeSet<>();
		Set<Integer> ids = new TreeSet<>();
		lots.forEach((l) -> {
			numbers.add(l.code());
			ids.add(l.id());
		});
		try (ResultSet rs = new SqlQuery(sql).sql("SELECT DISTINCT alias FROM alias WHERE lot_id IN (")
			.ints(ids)
			.sql(")")
			.query()) {
			while (rs.next()) {
				numbers.add(rs.getString(1));
			}
		}
		return numbers;
	}

	/**
	 * Inputs left unlinked in the work orders, and inputs whose lot number is a number of
	 * one of the lots but also of another lot (nobody can tell which they used).
	 */
	static List<PendingInput> pending(Statement sql, Set<String> workOrders, Set<String> lotNumbers)
			throws SQLException {
		List<PendingInput> pending = new ArrayList<>();
		try (ResultSet rs = new SqlQuery(sql)
			.sql("SELECT p.input_key, p.lot_code, p.work_order, p.reason, e.source, e.source_file, e.source_sha256, "
					+ "e.source_line, e.ingested_at FROM pending p LEFT JOIN event e ON e.record_key = p.input_key "
					+ "AND NOT e.superseded WHERE p.work_order IN (")
			.strings(workOrders)
			.sql(") OR p.lot_code IN (")
			.strings(lotNumbers)
			.sql(") ORDER BY p.work_order, p.input_key")
			.query()) {
			while (rs.next()) {
				Provenance provenance = (rs.getString("source_file") != null) ? KdeEventRows.provenance(rs) : null;
				pending.add(new PendingInput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						provenance));
			}
		}
		return pending;
	}

	/**
	 * Export rows held back that name one of the work orders, lot numbers or (when given)
	 * products, dated within the range when their date could be read; and those that
	 * would give an unlinked input's number to a lot (a pending receipt of the lot a
	 * scale scanned by its internal lot number): they say why the input is not linked.
	 */
	static List<HeldRow> held(Statement sql, Set<String> workOrders, Set<String> lotNumbers,
			List<PendingInput> unlinked, @Nullable Collection<String> products, @Nullable DateRange dates)
			throws SQLException {
		SqlQuery query = new SqlQuery(sql).sql("SELECT * FROM held WHERE NOT resolved AND (work_order IN (")
			.strings(workOrders)
			.sql(") OR lot_code IN (")
			.strings(lotNumbers)
			.sql(")");
		if (products != null && !products.isEmpty()) {
			query.sql(" OR product_code IN (").strings(products).sql(")");
		}
		Set<String> scanned = new TreeSet<>();
		unlinked.forEach((input) -> scanned.add(input.lotCode()));
		if (!scanned.isEmpty()) {
			query.sql(" OR json_extract_string(field_texts, '$.internal_lot') IN (").strings(scanned).sql(")");
		}
		query.sql(")");
		if (dates != null) {
			dates.appendTo(query, "event_date");
		}
		List<HeldRow> held = new ArrayList<>();
		try (ResultSet rs = query.sql(" ORDER BY source, source_file, source_line").query()) {
			while (rs.next()) {
				held.add(HeldRows.read(rs));
			}
		}
		return held;
	}

	/** The gaps of a records request: what its foods, lots and dates could not show. */
	static List<Gap> gaps(Statement sql, RecordRequest request, List<KdeEvent> events, Map<String, TracedLot> eventLots,
			Map<String, Location> locations) throws SQLException {
		Set<String> workOrders = workOrders(List.of(), events);
		Set<String> lotNumbers = lotNumbers(sql, new java.util.HashSet<>(eventLots.values()));
		lotNumbers.addAll(request.lotCodes());
		List<Gap> gaps = new ArrayList<>();
		List<PendingInput> unlinked = pending(sql, workOrders, lotNumbers);
		for (HeldRow held : held(sql, workOrders, lotNumbers, unlinked, request.products(),
				new DateRange(request.from(), request.to()))) {
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

	/** A date range, either end open. */
	record DateRange(@Nullable LocalDate from, @Nullable LocalDate to) {

		/**
		 * Appends {@code AND} conditions on a date column; a row without a date stays in.
		 */
		void appendTo(SqlQuery query, String column) {
			if (this.from != null) {
				query.sql(" AND (" + column + " IS NULL OR " + column + " >= ").date(this.from).sql(")");
			}
			if (this.to != null) {
				query.sql(" AND (" + column + " IS NULL OR " + column + " <= ").date(this.to).sql(")");
			}
		}

	}

}
