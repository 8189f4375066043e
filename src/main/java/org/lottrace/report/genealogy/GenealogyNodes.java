package org.lottrace.report.genealogy;

import java.util.List;
import java.util.Set;

import org.lottrace.report.TraceNames;
import org.lottrace.report.genealogy.LotGenealogy.Kind;
import org.lottrace.report.genealogy.LotGenealogy.Node;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceResult.TracedLot;

/** The nodes of the lot genealogy: what each box says. */
final class GenealogyNodes {

	private GenealogyNodes() {
	}

	/** A lot: its code, product and supplier (or "made here"). */
	static Node lot(TracedLot lot, TraceNames names) {
		Kind kind = names.isStart(lot) ? Kind.START : names.isLater(lot) ? Kind.FORWARD : Kind.BACKWARD;
		String product = names.product(names.productCode(lot));
		String supplier = names.madeHere(lot) ? "made here" : names.supplierName(lot);
		String role = switch (kind) {
			case START -> "traced lot";
			case BACKWARD -> "ingredient, level " + lot.backwardDepth();
			default -> "made later, level " + lot.forwardDepth();
		};
		String title = String.join(" · ", lot.code(), product, names.supplier(lot), role);
		return new Node(id(lot.id()), kind, List.of(lot.code(), product, supplier), title);
	}

	/** The lots not drawn that are made from {@code owner}, as one box. */
	static Node collapsed(TracedLot owner, List<Integer> lots, TraceAnalysis analysis, TraceNames names) {
		Set<Integer> ids = Set.copyOf(lots);
		long shipments = analysis.shipments().stream().filter((s) -> ids.contains(s.lot().id())).count();
		String count = "+" + lots.size() + " more " + ((lots.size() == 1) ? "lot" : "lots");
		String title = lots.size() + " more " + ((lots.size() == 1) ? "lot" : "lots") + " made from " + names.lot(owner)
				+ ", directly or not, not drawn; shipments of them: " + shipments + " (listed in section 3)";
		String shipped = (shipments == 0) ? "not shipped"
				: shipments + ((shipments == 1) ? " shipment" : " shipments") + ": see section 3";
		return new Node(collapsedId(owner.id()), Kind.COLLAPSED, List.of(count, "from " + names.lot(owner), shipped),
				title);
	}

	static String id(int lot) {
		return "lot-" + lot;
	}

	static String collapsedId(int owner) {
		return "more-" + owner;
	}

}
