package org.lottrace.ingest;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Field;
import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.MasterData;

/**
 * What a value of an export may be before it becomes part of a record: how long a code
 * and a text may be, which characters a code may hold, and which dates are plausible.
 * Every export value goes into Parquet, the trace index, SQL, the terminal, XML and
 * spreadsheets; a 10 MB lot code, a NUL in a name or a date in year 1 breaks one of them
 * or misleads a reader, so such a row is rejected with the reason. A mapping sets its own
 * under {@code limits:}; the defaults fit ERP, scale and shipping exports.
 *
 * @param codeLength most characters of a code (lot codes, location and product codes,
 * document numbers, work orders)
 * @param textLength most characters of any other value (names, addresses)
 * @param codePattern a regular expression every code must match whole, or {@code null}
 * for any characters but control characters
 * @param earliestDate the earliest plausible date
 * @param daysAhead how many days after today a date may be (1: tomorrow, for exports
 * written across midnight or across time zones)
 */
public record InputLimits(int codeLength, int textLength, @Nullable Pattern codePattern, LocalDate earliestDate,
		int daysAhead) {

	/** The limits of a mapping without {@code limits:}. */
	public static final InputLimits DEFAULTS = new InputLimits(256, 1024, null, KdeValidator.EARLIEST_DATE, 1);

	/** How much of an over-long value a reason quotes. */
	private static final int QUOTED = 40;

	/**
	 * Checks a value of a field before it is parsed.
	 * @throws IllegalArgumentException with the reason when the value is too long or
	 * holds a character it may not
	 */
	void check(Field field, String text) {
		check(field.code(), text);
	}

	/**
	 * Checks a value of a key column: a code, whether or not a field maps it.
	 * @throws IllegalArgumentException with the reason
	 */
	void checkKey(String text) {
		check(true, text);
	}

	private void check(boolean code, String text) {
		int limit = code ? this.codeLength : this.textLength;
		if (text.length() > limit) {
			throw new IllegalArgumentException(
					String.format(java.util.Locale.ROOT, "%,d characters; a %s may have at most %,d (limits.%s)",
							text.length(), code ? "code" : "value", limit, code ? "code-length" : "text-length"));
		}
		int bad = controlCharacter(text);
		if (bad >= 0) {
			throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
					"holds the control character U+%04X at character %d; codes and names may not",
					(int) text.charAt(bad), bad + 1));
		}
		if (code && this.codePattern != null && !this.codePattern.matcher(text).matches()) {
			throw new IllegalArgumentException(
					"not a code of the form " + this.codePattern.pattern() + " (limits.code-pattern)");
		}
	}

	/**
	 * The validator of a row's values against master data, the rule and the plausible
	 * dates of this source as of {@code today}.
	 */
	public KdeValidator validator(MasterData masterData, LocalDate today) {
		return new KdeValidator(masterData, this.earliestDate, today.plusDays(this.daysAhead));
	}

	/**
	 * The position of the first character that no code or name may hold, or -1: control
	 * characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
	 * formatting characters that make a text read differently from what it holds.
	 */
	static int controlCharacter(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < ' ' || (c >= '\u007F' && c <= '\u009F') || c == '\u2028' || c == '\u2029'
					|| (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A value as a reason shows it: whole, or the start of one too long for its field,
	 * marked as cut (the row itself is kept whole).
	 */
	String shown(Field field, String text) {
		return shown(field.code(), text);
	}

	String shown(boolean code, String text) {
		return (text.length() > (code ? this.codeLength : this.textLength))
				? text.substring(0, Math.min(text.length(), QUOTED)) + "... (cut)" : text;
	}

}
