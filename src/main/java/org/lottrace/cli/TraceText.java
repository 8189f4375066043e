package org.lottrace.cli;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceAnswers;
import org.lottrace.report.TraceAnswers.Batch;
import org.lottrace.report.TraceAnswers.GapEntry;
import org.lottrace.report.TraceAnswers.Ingredient;
import org.lottrace.report.TraceAnswers.Input;
import org.lottrace.report.TraceAnswers.Receipt;
import org.lottrace.report.TraceAnswers.Shipment;

/**
 * Prints a trace's answers in the terminal: whether the answer is complete (and every gap
 * when it is not) first, then the three questions. It prints {@link TraceAnswers}, the
 * answers as {@code trace.json} and the HTTP API give them, so a trace run here and one a
 * running service answered read the same.
 */
final class TraceText {

	private final Console console;

	TraceText(Console console) {
		this.console = console;
	}

	void print(TraceAnswers answers) {
		this.console.printf("Trace of %s, %s: %d lots, %d shipments, in %d ms%n", answers.subject(),
				answers.direction(), answers.lots(), answers.customers().size(), answers.elapsedMillis());
		printCompleteness(this.console, answers.verdict(), answers.gaps());
		this.console.println("");
		boolean madeHere = answers.batches().stream().allMatch(Batch::madeHere);
		this.console.println(madeHere ? "1. Which batch" : "1. The lot");
		for (Batch batch : answers.batches()) {
			printBatch(batch);
		}
		this.console.println("");
		printIngredients(answers);
		this.console.println("");
		this.console.println(customersHeading(madeHere, answers.direction()));
		if (answers.direction().equals("backward")) {
			this.console.println("   Not traced forward (the request asked for the backward direction only).");
		}
		for (Shipment shipment : answers.customers()) {
			this.console.printf(" %s %s  %-44s %-10s %9s  %-10s via %s%n", shipment.ofTheBatch() ? "*" : " ",
					shipment.date(), trim(party(shipment.customer(), shipment.shipTo()), 44), shipment.lot(),
					quantity(shipment.quantity(), shipment.unit()),
					(shipment.billOfLading() != null) ? shipment.billOfLading() : "",
					String.join(", ", shipment.via()));
		}
	}

	private void printIngredients(TraceAnswers answers) {
		this.console.println("2. Ingredient lots (every level; supplier = who assigned the lot code)");
		if (answers.direction().equals("forward")) {
			this.console.println("   Not traced backward (the request asked for the forward direction only).");
		}
		for (Ingredient ingredient : answers.ingredients()) {
			Receipt receipt = ingredient.received().isEmpty() ? null : ingredient.received().get(0);
			this.console.printf("   %-2d %-12s %-30s %-28s %s%n", ingredient.depth(), ingredient.lot(),
					trim(party(ingredient.supplier(), ingredient.assigner()), 30),
					trim(name(ingredient.productName(), ingredient.product()), 28),
					(receipt != null) ? describe(receipt) : "no receiving or production record");
		}
	}

	/**
	 * The third question as the direction asked it: a forward trace follows the lot and
	 * what was made from it, not the lots that share its ingredients.
	 */
	private static String customersHeading(boolean madeHere, String direction) {
		String subject = madeHere ? "batch" : "lot";
		String heading = "3. Who received product from this " + subject + " (* the " + subject
				+ " or a lot made from it)";
		return direction.equals("forward") ? heading : heading + " or from a lot that shares an ingredient lot";
	}

	/** The verdict, and every gap with the export line it comes from. */
	static void printCompleteness(Console console, String verdict, List<GapEntry> gaps) {
		console.println(verdict);
		for (GapEntry gap : gaps) {
			console.println("   - " + gap.kind() + ((gap.lot() != null) ? ", " + gap.lot() : "") + ": " + gap.reason()
					+ ((gap.file() != null)
							? " (" + gap.file() + ((gap.line() != null) ? " line " + gap.line() : "") + ")" : ""));
		}
	}

	/** How a lot came to be here: received, or produced under a work order. */
	private static String describe(Receipt receipt) {
		return (receipt.madeHere() ? "produced " : "received ") + receipt.date() + ", "
				+ quantity(receipt.quantity(), receipt.unit()) + ", " + receipt.reference();
	}

	private void printBatch(Batch batch) {
		String product = name(batch.productName(), batch.product());
		if (!batch.madeHere()) {
			this.console.printf("   %s %s (%s): not made here%n", batch.lot(), product,
					party(batch.supplier(), batch.assigner()));
		}
		else {
			this.console.printf("   %s %s: work order %s, completed %s at %s, %s%n", batch.lot(), product,
					batch.workOrder(), batch.completed(), (batch.site() != null) ? batch.site() : "",
					(batch.quantity() != null && batch.unit() != null) ? quantity(batch.quantity(), batch.unit()) : "");
		}
		for (Input input : batch.inputs()) {
			this.console.printf("     input %-12s %-28s %-30s %s%n", input.lot(),
					trim(name(input.productName(), input.product()), 28),
					trim(party(input.supplier(), input.assigner()), 30),
					(input.quantity() != null && input.unit() != null) ? quantity(input.quantity(), input.unit())
							+ ((input.ticket() != null) ? " (ticket " + input.ticket() + ")" : "") : "");
		}
	}

	/** {@code Business name (CODE)}, or the code alone when master data has no name. */
	private static String party(@Nullable String name, @Nullable String code) {
		if (code == null) {
			return (name != null) ? name : "";
		}
		return (name != null) ? name + " (" + code + ")" : code;
	}

	private static String name(@Nullable String name, @Nullable String code) {
		return (name != null) ? name : (code != null) ? code : "";
	}

	private static String quantity(BigDecimal value, String unit) {
		return value.stripTrailingZeros().toPlainString() + " " + unit;
	}

	private static String trim(String text, int width) {
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "…";
	}

}
