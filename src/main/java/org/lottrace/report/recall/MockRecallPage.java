package org.lottrace.report.recall;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.lottrace.report.GapRow;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.TraceNames;
import org.lottrace.report.summary.BalanceSection;
import org.lottrace.report.summary.BalanceSection.BalanceRow;
import org.lottrace.report.summary.BalanceSection.OverallRow;
import org.lottrace.report.summary.BatchSection;
import org.lottrace.report.summary.BatchSection.BatchView;
import org.lottrace.report.summary.IngredientSection;
import org.lottrace.report.summary.IngredientSection.IngredientView;
import org.lottrace.report.summary.ShipmentSection;
import org.lottrace.report.summary.ShipmentSection.ShipmentView;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.MassBalance;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Everything the mock-recall template shows, already formatted: the scenario, the timing
 * and its verdict, the backward and forward trace, the quantity reconciliation and the
 * gaps.
 */
record MockRecallPage(Scenario scenario, Timing timing, List<BatchView> batches, boolean tracedBackward,
		List<IngredientView> ingredients, boolean tracedForward, ShipmentView forward, List<BalanceRow> reconciliation,
		List<OverallRow> overall, boolean complete, String verdict, List<GapRow> gaps, String generatedAt,
		String version, String what) {

	/** The mock recall adds the export file and line of each receipt. */
	boolean audit() {
		return true;
	}

	/** What was to be traced, and why. */
	record Scenario(String product, String lot, String dates, String reason, String direction, String site) {

	}

	/** How long the test took against the 4-hour target. */
	record Timing(String started, String finished, String elapsed, String target, boolean pass, String traceTook) {

	}

	static MockRecallPage of(TraceFindings findings, MockRecallTimes times, ReportFormat format, Instant now) {
		TraceAnalysis analysis = findings.analysis();
		TraceResult result = analysis.result();
		TraceNames names = new TraceNames(result);
		Direction direction = result.request().direction();
		List<MassBalance> balances = BalanceSection.balances(analysis, names, false);
		Timing timing = new Timing(format.instant(times.started()), format.instant(times.finished()),
				ReportFormat.duration(times.elapsed()), ReportFormat.duration(MockRecallTimes.TARGET),
				times.withinTarget(), ReportFormat.duration(result.elapsed()));
		return new MockRecallPage(scenario(analysis, names), timing, BatchSection.of(analysis, names),
				direction != Direction.FORWARD, IngredientSection.of(analysis, names), direction != Direction.BACKWARD,
				ShipmentSection.of(analysis, names), BalanceSection.rows(balances, names),
				BalanceSection.overall(balances, names), findings.complete(), GapRow.verdict(findings.gaps()),
				GapRow.of(findings.gaps()), format.instant(now), ReportFormat.version(),
				BatchSection.what(analysis, names));
	}

	private static Scenario scenario(TraceAnalysis analysis, TraceNames names) {
		TraceRequest request = analysis.result().request();
		List<TracedLot> start = analysis.result().start();
		String products = start.stream()
			.map((lot) -> names.product(names.productCode(lot)))
			.distinct()
			.collect(Collectors.joining(", "));
		String site = analysis.batches()
			.stream()
			.flatMap((b) -> b.outputs().stream())
			.map((e) -> names.party(e.locations().location()))
			.findFirst()
			.orElse("");
		return new Scenario(products, names.lots(start), dates(analysis, request),
				Objects.requireNonNullElse(request.reason(), ""), request.direction().name().toLowerCase(Locale.ROOT),
				site);
	}

	/** The request's date range or, for a lot, the dates the start lots were made. */
	private static String dates(TraceAnalysis analysis, TraceRequest request) {
		if (request.from() != null || request.to() != null) {
			return Objects.toString(request.from(), "") + " to " + Objects.toString(request.to(), "");
		}
		List<LocalDate> made = analysis.batches()
			.stream()
			.flatMap((b) -> b.outputs().stream())
			.map((e) -> e.eventDate())
			.sorted()
			.toList();
		if (made.isEmpty()) {
			return "";
		}
		LocalDate first = made.get(0);
		LocalDate last = made.get(made.size() - 1);
		return "made " + (first.equals(last) ? first : first + " to " + last);
	}

}
