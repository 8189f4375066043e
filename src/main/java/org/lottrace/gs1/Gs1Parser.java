package org.lottrace.gs1;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Reads what a scanner sends for a GS1 barcode into its Application Identifiers:
 * <ul>
 * <li>the human-readable form: {@code (01)09506000134352(10)ABC123(17)261231};</li>
 * <li>the raw form: {@code 010950600013435210ABC123<GS>17261231}, a variable-length value
 * ended by FNC1 (sent as GS, {@code \u001d}) unless it is the last;</li>
 * <li>either after a symbology identifier: {@code ]C1} GS1-128, {@code ]e0} GS1 DataBar,
 * {@code ]d2} GS1 DataMatrix, {@code ]Q3} GS1 QR Code, {@code ]J1} GS1 DotCode (ISO/IEC
 * 15424; GS1 General Specifications 5.1.2);</li>
 * <li>a GS1 Digital Link URI, alone or after {@code ]Q1} or {@code ]d1}.</li>
 * </ul>
 * Every value is checked; a scan that is not valid GS1 data throws {@link Gs1Exception}
 * saying why.
 */
public final class Gs1Parser {

	/** Symbology identifiers of GS1 element strings, and what they name. */
	private static final Map<String, String> GS1_SYMBOLOGIES = Map.of("]C1", "GS1-128", "]e0", "GS1 DataBar", "]d2",
			"GS1 DataMatrix", "]Q3", "GS1 QR Code", "]J1", "GS1 DotCode");

	private final Clock clock;

	/**
	 * @param clock today's year decides the century of two-digit years
	 */
	public Gs1Parser(Clock clock) {
		this.clock = clock;
	}

	public ElementString parse(String scan) {
		String text = scan.strip();
		int year = LocalDate.now(this.clock).getYear();
		String body = text;
		if (text.startsWith("]") && text.length() >= 3) {
			String identifier = text.substring(0, 3);
			body = text.substring(3);
			if (!GS1_SYMBOLOGIES.containsKey(identifier) && !DigitalLinkParser.looksLikeOne(body)) {
				throw new Gs1Exception(
						"symbology identifier " + identifier + " is not a GS1 symbology (expected one of "
								+ String.join(", ", GS1_SYMBOLOGIES.keySet().stream().sorted().toList()) + ")");
			}
		}
		if (body.isEmpty()) {
			throw new Gs1Exception("the scan is empty");
		}
		if (DigitalLinkParser.looksLikeOne(body)) {
			return new ElementString(new DigitalLinkParser(year).parse(body));
		}
		ElementStringParser parser = new ElementStringParser(year);
		return new ElementString(body.startsWith("(") ? parser.bracketed(body) : parser.raw(body));
	}

}
