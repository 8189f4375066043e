package org.lottrace.trace;

import java.math.BigDecimal;
import java.util.List;

import org.lottrace.kde.KdeEvent;
import org.lottrace.trace.TraceAnalysis.MassBalance;
import org.lottrace.trace.TraceResult.TracedLot;

/** Traces and their answers as short lines of text, to compare with what is expected. */
final class Traces {

	private Traces() {
	}

	static String lot(TracedLot lot) {
		return lot.code() + "/" + lot.assigner();
	}

	/**
	 * Every lot reached: {@code code/assigner backward-depth forward-depth} (-1 when not
	 * reached that way).
	 */
	static List<String> lots(TraceResult result) {
		return result.lots()
			.values()
			.stream()
			.map((l) -> lot(l) + " " + l.backwardDepth() + " " + l.forwardDepth())
			.sorted()
			.toList();
	}

	/** Every link: {@code ticket input-lot -> output-lot work-order}. */
	static List<String> links(TraceResult result) {
		return result.links()
			.stream()
			.map((l) -> ticket(l.inputRecordKey()) + " " + result.lots().get(l.inputLot()).code() + " -> "
					+ result.lots().get(l.outputLot()).code() + " " + l.workOrder())
			.sorted()
			.toList();
	}

	/** Every shipment: {@code bill-of-lading ship-to lot quantity via lots}. */
	static List<String> shipments(TraceAnalysis analysis) {
		return analysis.shipments()
			.stream()
			.map((s) -> s.event().reference().number() + " " + s.event().locations().partner() + " " + s.lot().code()
					+ " " + s.event().quantity() + " via "
					+ String.join(",", s.via().stream().map(Traces::lot).toList()))
			.toList();
	}

	/** The mass balance of a lot, by code. */
	static MassBalance balance(TraceAnalysis analysis, String code) {
		return analysis.massBalance()
			.stream()
			.filter((m) -> m.lot().code().equals(code))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no mass balance of " + code + " in " + analysis.massBalance()));
	}

	/**
	 * A mass balance as {@code unit in used shipped remaining percent}, numbers without
	 * trailing zeros.
	 */
	static String amounts(MassBalance m) {
		return m.unit() + " " + plain(m.in()) + " " + plain(m.used()) + " " + plain(m.shipped()) + " "
				+ plain(m.remaining()) + " " + ((m.percentAccounted() != null) ? plain(m.percentAccounted()) : "-");
	}

	/** The scale ticket (or other last key part) of a record key. */
	static String ticket(String recordKey) {
		return recordKey.substring(recordKey.lastIndexOf('|') + 1);
	}

	/** The scale ticket of an input record. */
	static String ticket(KdeEvent event) {
		return event.secondReference().number();
	}

	static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
