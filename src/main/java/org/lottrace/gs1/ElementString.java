package org.lottrace.gs1;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a GS1 barcode or Digital Link carried: its Application Identifiers in the order
 * read, each checked.
 */
public record ElementString(List<Element> elements) {

	/** The element with this AI, if the scan has one. */
	public Optional<Element> element(String ai) {
		return this.elements.stream().filter((e) -> e.ai().code().equals(ai)).findFirst();
	}

	/** The value of this AI, as encoded. */
	public Optional<String> value(String ai) {
		return element(ai).map(Element::value);
	}

	/**
	 * The GTIN: of the trade item (AI 01) or, on a logistic unit, of the items it
	 * contains (AI 02).
	 */
	public Optional<String> gtin() {
		return value("01").or(() -> value("02"));
	}

	/** The batch or lot number (AI 10). */
	public Optional<String> lot() {
		return value("10");
	}

	/** A date AI: 11 production, 13 packaging, 15 best before, 17 expiry. */
	public Optional<LocalDate> date(String ai) {
		return element(ai).map(Element::date);
	}

	/** The net weight: AI 310n in kilograms or 320n in pounds, n decimals. */
	public Optional<Measure> netWeight() {
		return this.elements.stream()
			.filter((e) -> e.ai().code().startsWith("310") || e.ai().code().startsWith("320"))
			.findFirst()
			.flatMap((e) -> Optional.ofNullable(e.decimal())
				.map((weight) -> new Measure(weight, e.ai().code().startsWith("310") ? "kg" : "lb")));
	}

	/** {@code (01)09506000134352(10)ABC123}, the human-readable form. */
	@Override
	public String toString() {
		return this.elements.stream().map(Element::toString).collect(Collectors.joining());
	}

}
