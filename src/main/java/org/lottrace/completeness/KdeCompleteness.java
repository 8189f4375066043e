package org.lottrace.completeness;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lottrace.completeness.CompletenessReport.Fix;
import org.lottrace.completeness.CompletenessReport.Row;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.RecordKind;
import org.lottrace.store.StoreMasterData;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.LotIndex;
import org.springframework.stereotype.Service;

/**
 * Checks the records in the trace index for what an FDA request would show as missing
 * ({@link CompletenessChecks}) and counts the export rows held back, per source, CTE and
 * month; then lists the master data to add or complete. One grouped query over the
 * current records and one over the held rows, after the index is brought up to date. The
 * last report is kept until the index applies new commits (the nightly ingestion), so the
 * page asks again at no cost.
 */
@Service
public class KdeCompleteness {

	static final String MASTER_DATA = "master data";

	private final LotIndex index;

	private final IndexRefresher refresher;

	private final Clock clock;

	private volatile @Nullable Cached cached;

	/** A report, and the index state and months it was made for. */
	private record Cached(String key, CompletenessReport report) {

	}

	public KdeCompleteness(LotIndex index, IndexRefresher refresher, Clock clock) {
		this.index = index;
		this.refresher = refresher;
		this.clock = clock;
	}

	/**
	 * Checks the months from {@code from} to {@code to} (either open).
	 */
	public CompletenessReport check(@Nullable YearMonth from, @Nullable YearMonth to) {
		this.refresher.refresh();
		long started = System.nanoTime();
		try (Connection connection = this.index.connect(); Statement sql = connection.createStatement()) {
			String key = state(sql) + "|" + from + "|" + to;
			Cached last = this.cached;
			if (last != null && last.key().equals(key)) {
				return last.report();
			}
			StoreMasterData master = StoreMasterData.load(connection);
			CompletenessChecks.prepare(sql, complete(master.locations(), Location::code, Descriptions::missing),
					complete(master.products(), Product::code, Descriptions::missingPacked),
					complete(master.products(), Product::code, Descriptions::missingCommodity));
			Map<String, Row> rows = new LinkedHashMap<>();
			events(sql, from, to, rows);
			held(sql, from, to, rows);
			List<Row> sorted = rows.values()
				.stream()
				.sorted(Comparator.comparing(Row::month, Comparator.reverseOrder())
					.thenComparing(Row::source)
					.thenComparing(Row::cte))
				.toList();
			Row total = sorted.stream().reduce(new Row("", "", "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), Row::plus);
			CompletenessReport report = new CompletenessReport(this.clock.instant(), sorted,
					fixes(sql, master, from, to),
					new Row("all", "all", "all", total.records(), total.missing(), total.requiredKde(),
							total.location(), total.product(), total.tlcSource(), total.unlinked(), total.assumed(),
							total.pending(), total.rejected()),
					(System.nanoTime() - started) / 1_000_000);
			this.cached = new Cached(key, report);
			return report;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not check the records: " + ex.getMessage(), ex);
		}
	}

	private static String state(Statement sql) throws SQLException {
		try (ResultSet rs = sql.executeQuery(CompletenessChecks.indexState())) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static <T> List<String> complete(java.util.Collection<T> items, Function<T, String> code,
			Function<T, List<String>> missing) {
		return items.stream().filter((i) -> missing.apply(i).isEmpty()).map(code).toList();
	}

	private static void events(Statement sql, @Nullable YearMonth from, @Nullable YearMonth to, Map<String, Row> rows)
			throws SQLException {
		try (ResultSet rs = sql.executeQuery(CompletenessChecks.events(from, to))) {
			while (rs.next()) {
				Row row = new Row(month(rs.getObject("month", java.time.LocalDate.class)), rs.getString("source"),
						rs.getString("cte"), rs.getLong("records"), rs.getLong("missing"), rs.getLong("required_kde"),
						rs.getLong("location"), rs.getLong("product"), rs.getLong("tlc_source"), rs.getLong("unlinked"),
						rs.getLong("assumed"), 0, 0);
				rows.merge(key(row.month(), row.source(), row.cte()), row, Row::plus);
			}
		}
	}

	private static String month(java.time.@Nullable LocalDate first) {
		return (first != null) ? YearMonth.from(first).toString() : "no date";
	}

	private static void held(Statement sql, @Nullable YearMonth from, @Nullable YearMonth to, Map<String, Row> rows)
			throws SQLException {
		try (ResultSet rs = sql.executeQuery(CompletenessChecks.held(from, to))) {
			while (rs.next()) {
				String month = Objects.toString(rs.getString("month"), "no date");
				String cte = cte(rs.getString("kind"));
				long n = rs.getLong("n");
				boolean pending = "pending".equals(rs.getString("status"));
				Row row = new Row(month, rs.getString("source"), cte, 0, 0, 0, 0, 0, 0, 0, 0, pending ? n : 0,
						pending ? 0 : n);
				rows.merge(key(month, row.source(), cte), row, Row::plus);
			}
		}
	}

	private static List<Fix> fixes(Statement sql, StoreMasterData master, @Nullable YearMonth from,
			@Nullable YearMonth to) throws SQLException {
		List<Fix> fixes = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery(CompletenessChecks.locationFixes(from, to))) {
			while (rs.next()) {
				Location location = master.location(rs.getString("code")).orElse(null);
				fixes.add(fix("location", rs, (location != null) ? location.businessName() : "",
						(location != null) ? Descriptions.missing(location) : null));
			}
		}
		for (boolean packed : new boolean[] { true, false }) {
			try (ResultSet rs = sql.executeQuery(CompletenessChecks.productFixes(packed, from, to))) {
				while (rs.next()) {
					Product product = master.product(rs.getString("code")).orElse(null);
					fixes.add(fix("product", rs, (product != null) ? product.name() : "", (product == null) ? null
							: packed ? Descriptions.missingPacked(product) : Descriptions.missingCommodity(product)));
				}
			}
		}
		return fixes;
	}

	private static Fix fix(String kind, ResultSet rs, String name, @Nullable List<String> missing) throws SQLException {
		String problem = (missing == null) ? "not in the master data"
				: "its description has no " + String.join(", ", missing);
		return new Fix(kind, rs.getString("code"), name, problem, rs.getLong("n"), rs.getString("sources"));
	}

	/** The CTE of a held row's kind, or master data. */
	private static String cte(String kind) {
		try {
			RecordKind recordKind = RecordKind.fromCode(kind);
			return recordKind.isEvent() ? recordKind.eventCte().code() : MASTER_DATA;
		}
		catch (IllegalArgumentException ex) {
			return kind;
		}
	}

	private static String key(String month, String source, String cte) {
		return month + "\u0000" + source + "\u0000" + cte;
	}

}
