package org.lottrace.cli;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Quantity;
import org.lottrace.report.TraceAnswers.GapEntry;
import org.lottrace.report.TraceFindings;
import org.lottrace.trace.Direction;
import org.lottrace.trace.Gap;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Batch;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceAnalysis.Input;
import org.lottrace.trace.TraceAnalysis.Shipment;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * Prints a trace's answers in the terminal: whether the answer is complete (and every gap
 * when it is not) first, then the three questions.
 */
final class TraceText {

	private final Console console;

	TraceText(Console console) {
		this.console = console;
	}

	void print(TraceFindings findings) {
		TraceAnalysis analysis = findings.analysis();
		TraceResult result = analysis.result();
		this.console.printf("Trace of %s, %s: %d lots, %d shipments, in %d ms%n", result.request().subject(),
				result.request().direction().name().toLowerCase(Locale.ROOT), result.lots().size(),
				analysis.shipments().size(), result.elapsed().toMillis());
		printCompleteness(this.console, Gap.verdict(findings.gaps()),
				findings.gaps().stream().map(GapEntry::of).toList());
		this.console.println("");
		boolean madeHere = analysis.batches().stream().allMatch((b) -> !b.outputs().isEmpty());
		this.console.println(madeHere ? "1. Which batch" : "1. The lot");
		for (Batch batch : analysis.batches()) {
			printBatch(result, batch);
		}
		this.console.println("");
		Direction direction = result.request().direction();
		printIngredients(result, analysis.ingredients(), direction);
		this.console.println("");
		this.console.println(customersHeading(madeHere, direction));
		if (direction == Direction.BACKWARD) {
			this.console.println("   Not traced forward (the request asked for the backward direction only).");
		}
		for (Shipment shipment : analysis.shipments()) {
			KdeEvent event = shipment.event();
			this.console.printf(" %s %s  %-44s %-10s %9s  %-10s via %s%n", shipment.ofTheBatch() ? "*" : " ",
					event.eventDate(), trim(party(result, event.locations().partner()), 44), shipment.lot().code(),
					quantity(event.quantity()), (event.reference() != null) ? event.reference().number() : "",
					shipment.via().stream().map(result::label).collect(Collectors.joining(", ")));
		}
	}

	private void printIngredients(TraceResult result, List<Ingredient> ingredients, Direction direction) {
		this.console.println("2. Ingredient lots (every level; supplier = who assigned the lot code)");
		if (direction == Direction.FORWARD) {
			this.console.println("   Not traced backward (the request asked for the forward direction only).");
		}
		for (Ingredient ingredient : ingredients) {
			KdeEvent receipt = ingredient.receipts().isEmpty() ? null : ingredient.receipts().get(0);
			this.console.printf("   %-2d %-12s %-30s %-28s %s%n", ingredient.depth(), ingredient.lot().code(),
					trim(party(result, ingredient.lot().assigner()), 30),
					trim(product(result, ingredient.productCode()), 28),
					(receipt != null) ? describe(receipt) : "no receiving or production record");
		}
	}

	/**
	 * The third question as the direction asked it: a forward trace follows the lot and
	 * what was made from it, not the lots that share its ingredients.
	 */
	private static String customersHeading(boolean madeHere, Direction direction) {
		String subject = madeHere ? "batch" : "lot";
		String heading = "3. Who received product from this " + subject + " (* the " + subject
				+ " or a lot made from it)";
		return (direction == Direction.FORWARD) ? heading : heading + " or from a lot that shares an ingredient lot";
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
	private static String describe(KdeEvent receipt) {
		String what = (receipt.cte() == org.lottrace.kde.Cte.TRANSFORMATION) ? "produced " : "received ";
		return what + receipt.eventDate() + ", " + quantity(receipt.quantity()) + ", " + receipt.reference();
	}

	private void printBatch(TraceResult result, Batch batch) {
		String product = product(result, batch.productCode());
		if (batch.outputs().isEmpty()) {
			this.console.printf("   %s %s (%s): not made here%n", result.label(batch.lot()), product,
					party(result, batch.lot().assigner()));
		}
		for (KdeEvent output : batch.outputs()) {
			this.console.printf("   %s %s: work order %s, completed %s at %s, %s%n", result.label(batch.lot()), product,
					output.workOrder(), output.eventDate(), party(result, output.locations().location()),
					quantity(output.quantity()));
		}
		for (Input input : batch.inputs()) {
			KdeEvent event = input.event();
			this.console.printf("     input %-12s %-28s %-30s %s%n", result.label(input.lot()),
					trim(product(result, input.productCode()), 28), trim(party(result, input.lot().assigner()), 30),
					(event != null) ? quantity(event.quantity()) + " (" + event.secondReference() + ")" : "");
		}
	}

	static String party(TraceResult result, @Nullable String code) {
		if (code == null) {
			return "";
		}
		Location location = result.locations().get(code);
		return (location != null) ? location.businessName() + " (" + code + ")" : code;
	}

	static String product(TraceResult result, @Nullable String code) {
		if (code == null) {
			return "";
		}
		Product product = result.products().get(code);
		return (product != null) ? product.name() : code;
	}

	static String quantity(Quantity quantity) {
		return number(quantity.value()) + " " + quantity.unit();
	}

	static String number(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

	private static String trim(String text, int width) {
		return (text.length() <= width) ? text : text.substring(0, width - 1) + "…";
	}

	static String join(List<String> parts) {
		return String.join(", ", parts);
	}

}
