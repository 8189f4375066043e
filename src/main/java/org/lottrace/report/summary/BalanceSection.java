package org.lottrace.report.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceNames;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceAnalysis.MassBalance;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Mass balance per lot, in the product's base unit: received or produced = used + shipped
 * + remaining, and the share accounted for by use and shipment. Rows come in the order of
 * the answers: the batch, its ingredient lots, then the lots reached forward.
 */
public final class BalanceSection {

	/** One lot's balance, formatted. */
	public record BalanceRow(String lot, String product, String role, String unit, String in, String used,
			String shipped, String remaining, String percent, String notes, boolean problem) {

	}

	/**
	 * The sum over the lots of one product in one unit: quantities of different products
	 * or units are never added.
	 */
	public record OverallRow(String product, String unit, int lots, String in, String accounted, String remaining,
			String percent) {

	}

	private BalanceSection() {
	}

	/**
	 * The balances of the start lots, their ingredient lots and, if asked, later lots.
	 */
	public static List<MassBalance> balances(TraceAnalysis analysis, TraceNames names, boolean withForward) {
		Map<Integer, MassBalance> byLot = analysis.massBalance()
			.stream()
			.collect(Collectors.toMap((b) -> b.lot().id(), Function.identity(), (a, b) -> a));
		List<TracedLot> order = new ArrayList<>(analysis.result().start());
		analysis.ingredients().stream().map(Ingredient::lot).forEach(order::add);
		if (withForward) {
			analysis.result()
				.lots()
				.values()
				.stream()
				.filter(names::isLater)
				.sorted(Comparator.comparingInt(TracedLot::forwardDepth).thenComparing(TracedLot::code))
				.forEach(order::add);
		}
		return order.stream().map((l) -> byLot.get(l.id())).filter((b) -> b != null).distinct().toList();
	}

	public static List<BalanceRow> rows(List<MassBalance> balances, TraceNames names) {
		return balances.stream().map((b) -> row(b, names)).toList();
	}

	private static BalanceRow row(MassBalance balance, TraceNames names) {
		TracedLot lot = balance.lot();
		String role = names.isStart(lot) ? "batch"
				: names.isLater(lot) ? "later lot" : "ingredient, level " + lot.backwardDepth();
		boolean problem = balance.percentAccounted() == null || balance.remaining().signum() < 0
				|| !balance.notes().isEmpty();
		return new BalanceRow(names.lot(lot), names.product(balance.productCode()), role, balance.unit(),
				ReportFormat.number(balance.in()), ReportFormat.number(balance.used()),
				ReportFormat.number(balance.shipped()), ReportFormat.number(balance.remaining()),
				ReportFormat.percent(balance.percentAccounted()), String.join("; ", balance.notes()), problem);
	}

	/**
	 * Per product and unit, over the lots with a receiving or production quantity: what
	 * came in, what is accounted for by use and shipment, and the share.
	 */
	public static List<OverallRow> overall(List<MassBalance> balances, TraceNames names) {
		Map<String, List<MassBalance>> byProduct = new LinkedHashMap<>();
		balances.stream()
			.filter((b) -> b.in().signum() > 0)
			.forEach((b) -> byProduct
				.computeIfAbsent(java.util.Objects.toString(b.productCode(), "") + "\u001f" + b.unit(),
						(k) -> new ArrayList<>())
				.add(b));
		List<OverallRow> rows = new ArrayList<>();
		byProduct.values().forEach((list) -> {
			BigDecimal in = sum(list, MassBalance::in);
			BigDecimal accounted = sum(list, (b) -> b.used().add(b.shipped()));
			BigDecimal percent = accounted.multiply(BigDecimal.valueOf(100)).divide(in, 1, RoundingMode.HALF_UP);
			rows.add(new OverallRow(names.product(list.get(0).productCode()), list.get(0).unit(), list.size(),
					ReportFormat.number(in), ReportFormat.number(accounted),
					ReportFormat.number(in.subtract(accounted)), ReportFormat.percent(percent)));
		});
		return List.copyOf(rows);
	}

	private static BigDecimal sum(List<MassBalance> balances, Function<MassBalance, BigDecimal> part) {
		return balances.stream().map(part).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

}
