package org.lottrace.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lottrace.gs1.ApplicationIdentifier.Kind;

/**
 * Checks one value against its Application Identifier: length, characters, check digit,
 * date, implied decimals.
 */
final class Elements {

	/**
	 * GS1 AI encodable character set 82 (General Specifications figure 7.11-1): the
	 * printable ASCII characters but space, {@code #}, {@code $}, {@code @}, brackets,
	 * backslash, caret, backquote, braces, bar and tilde.
	 */
	private static final String SET_82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_"
			+ "abcdefghijklmnopqrstuvwxyz";

	private Elements() {
	}

	static Element read(ApplicationIdentifier ai, String value, int currentYear) {
		if (value.length() < ai.minLength() || value.length() > ai.maxLength()) {
			throw new Gs1Exception(ai.label() + " takes " + length(ai) + ", not " + value.length() + ": '" + value + "'"
					+ ((value.length() < ai.minLength()) ? " (truncated?)" : ""));
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = ai.numeric() ? (c >= '0' && c <= '9') : SET_82.indexOf(c) >= 0;
			if (!allowed) {
				throw new Gs1Exception(ai.label() + " cannot hold '" + printable(c) + "' (at character " + (i + 1)
						+ " of '" + value + "')");
			}
		}
		if (ai.kind() == Kind.CHECK_DIGIT && !CheckDigit.valid(value)) {
			throw new Gs1Exception(ai.label() + " " + value + ": wrong check digit " + value.charAt(value.length() - 1)
					+ ", expected " + CheckDigit.of(value.substring(0, value.length() - 1)));
		}
		LocalDate date = null;
		if (ai.kind() == Kind.DATE) {
			try {
				date = Gs1Dates.parse(value, currentYear);
			}
			catch (Gs1Exception ex) {
				throw new Gs1Exception(ai.label() + " " + value + " is not a date: " + ex.getMessage());
			}
		}
		@Nullable BigDecimal decimal = (ai.kind() == Kind.DECIMAL)
				? new BigDecimal(value).movePointLeft(ai.code().charAt(3) - '0') : null;
		return new Element(ai, value, date, decimal);
	}

	private static String length(ApplicationIdentifier ai) {
		String unit = ai.numeric() ? " digits" : " characters";
		return ai.fixedLength() ? ai.minLength() + unit : ai.minLength() + " to " + ai.maxLength() + unit;
	}

	private static String printable(char c) {
		return (c < ' ' || c == 127) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
	}

}
