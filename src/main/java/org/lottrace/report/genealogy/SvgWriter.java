package org.lottrace.report.genealogy;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes SVG markup with every text and attribute value escaped, so that names from
 * master data ({@code Smith & Sons "Best"}) can never break out of the drawing.
 * Characters XML does not allow at all (control characters other than tab and line ends,
 * even as character references) are shown as their code ({@code \u0000}): a store
 * ingested before lottrace refused them still draws a well-formed file.
 */
final class SvgWriter {

	private final StringBuilder out = new StringBuilder();

	/** Opens an element; {@code attributes} are name, value pairs. */
	SvgWriter start(String name, String... attributes) {
		this.out.append('<').append(name);
		attributes(attributes);
		this.out.append('>');
		return this;
	}

	SvgWriter end(String name) {
		this.out.append("</").append(name).append('>');
		return this;
	}

	SvgWriter empty(String name, String... attributes) {
		this.out.append('<').append(name);
		attributes(attributes);
		this.out.append("/>");
		return this;
	}

	SvgWriter element(String name, String text, String... attributes) {
		return start(name, attributes).text(text).end(name);
	}

	SvgWriter text(String text) {
		this.out.append(escape(text));
		return this;
	}

	SvgWriter newLine() {
		this.out.append('\n');
		return this;
	}

	private void attributes(String... attributes) {
		if (attributes.length % 2 != 0) {
			throw new IllegalArgumentException("Attributes come in name, value pairs");
		}
		for (int i = 0; i < attributes.length; i += 2) {
			this.out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
		}
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> {
					if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF') {
						escaped.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

	/** A coordinate with at most one decimal place. */
	static String number(double value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	@Override
	public String toString() {
		return this.out.toString();
	}

}
