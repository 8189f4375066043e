package org.lottrace.gs1;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an element string into its elements: the raw form a scanner sends (AIs and
 * values run together, a variable-length value ended by FNC1, which scanners transmit as
 * the ASCII group separator GS, {@code \u001d}) and the human-readable form with the AIs
 * in parentheses.
 */
final class ElementStringParser {

	static final char GS = '\u001d';

	/** An AI in parentheses: {@code (10)}. */
	private static final Pattern BRACKETED_AI = Pattern.compile("\\((\\d{2,4})\\)");

	private final int currentYear;

	ElementStringParser(int currentYear) {
		this.currentYear = currentYear;
	}

	/** {@code (01)09506000134352(10)ABC123}. */
	List<Element> bracketed(String text) {
		Matcher m = BRACKETED_AI.matcher(text);
		List<Element> elements = new ArrayList<>();
		int start = -1;
		ApplicationIdentifier ai = null;
		while (m.find()) {
			// digits in brackets inside a value would be ambiguous in this form: always
			// an
			// AI
			ApplicationIdentifier next = ApplicationIdentifiers.of(m.group(1))
				.orElseThrow(() -> new Gs1Exception("unknown Application Identifier (" + m.group(1) + ")"));
			if (ai != null) {
				elements.add(Elements.read(ai, text.substring(start, m.start()), this.currentYear));
			}
			else if (m.start() != 0) {
				throw new Gs1Exception(
						"'" + text.substring(0, m.start()) + "' before the first Application Identifier");
			}
			ai = next;
			start = m.end();
		}
		if (ai == null) {
			throw new Gs1Exception("no Application Identifier in parentheses");
		}
		elements.add(Elements.read(ai, text.substring(start), this.currentYear));
		return elements;
	}

	/** {@code 0109506000134352} {@code 10ABC123<GS>17261231}. */
	List<Element> raw(String text) {
		List<Element> elements = new ArrayList<>();
		int position = 0;
		while (position < text.length()) {
			if (text.charAt(position) == GS) {
				position++;
				continue;
			}
			int at = position;
			ApplicationIdentifier ai = ApplicationIdentifiers.at(text, position)
				.orElseThrow(() -> new Gs1Exception("unknown Application Identifier at character " + (at + 1) + ": '"
						+ text.substring(at, Math.min(text.length(), at + 4)) + "...'"));
			position += ai.code().length();
			int end = ai.fixedLength() ? Math.min(text.length(), position + ai.minLength())
					: text.indexOf(GS, position);
			if (end < 0) {
				end = text.length();
			}
			String value = text.substring(position, end);
			if (ai.fixedLength() && value.indexOf(GS) >= 0) {
				value = value.substring(0, value.indexOf(GS));
			}
			elements.add(Elements.read(ai, value, this.currentYear));
			position += value.length();
		}
		if (elements.isEmpty()) {
			throw new Gs1Exception("the scan is empty");
		}
		return elements;
	}

}
