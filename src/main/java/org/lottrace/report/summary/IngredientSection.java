package org.lottrace.report.summary;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceNames;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * The second answer: which ingredient lots, at every level, with the supplier (the
 * business that assigned the lot code), the supplier's lot code, the plant's internal lot
 * number, and how each lot was received or produced.
 */
public final class IngredientSection {

	/**
	 * One ingredient lot.
	 *
	 * @param lot the lot as the report names it (with its supplier when the code is
	 * shared)
	 * @param supplierLotCode the lot code the supplier assigned; empty for a lot made
	 * here
	 * @param sameCode the other suppliers whose lots reached have the same code
	 */
	public record IngredientView(int depth, String lot, String supplier, String supplierLotCode, String internalLot,
			String product, @Nullable String ftlCategory, boolean madeHere, List<ReceiptLine> receipts, String usedIn,
			String sameCode) {

	}

	private IngredientSection() {
	}

	public static List<IngredientView> of(TraceAnalysis analysis, TraceNames names) {
		return analysis.ingredients().stream().map((ingredient) -> view(ingredient, names)).toList();
	}

	private static IngredientView view(Ingredient ingredient, TraceNames names) {
		TracedLot lot = ingredient.lot();
		boolean madeHere = names.madeHere(lot);
		List<ReceiptLine> receipts = ingredient.receipts().stream().map((e) -> ReceiptLine.of(e, names)).toList();
		String internal = receipts.stream()
			.map(ReceiptLine::internalLot)
			.filter((s) -> !s.isEmpty())
			.distinct()
			.collect(Collectors.joining(", "));
		return new IngredientView(ingredient.depth(), names.lot(lot), names.supplier(lot), madeHere ? "" : lot.code(),
				internal, names.product(ingredient.productCode()), names.ftlCategory(ingredient.productCode()),
				madeHere, receipts, names.lots(ingredient.usedIn()), String.join(", ", names.sameCodeSuppliers(lot)));
	}

}
