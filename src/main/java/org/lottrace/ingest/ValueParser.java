package org.lottrace.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalQuery;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.SourceMapping.Dialect;
import org.lottrace.kde.FieldType;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.UnitConverter;

/**
 * Parses the text of one field into its typed value. A parser returns the value or throws
 * {@link IllegalArgumentException} with a message for the rejects file. Parsers keep
 * small caches (dates repeat a lot in an export) and are used by one thread.
 */
interface ValueParser {

	Object parse(String text);

	static ValueParser of(FieldType type, List<String> formats, Dialect dialect, UnitConverter units,
			Map<String, String> unitAliases) {
		return switch (type) {
			case TEXT, LOCATION, PRODUCT -> (text) -> text;
			case DATE -> new DateParser<>(formats.isEmpty() ? List.of("yyyy-MM-dd") : formats, LocalDate::from);
			case DATE_TIME -> new DateParser<>(
					formats.isEmpty() ? List.of("yyyy-MM-dd'T'HH:mm[:ss]", "yyyy-MM-dd HH:mm[:ss]") : formats,
					LocalDateTime::from);
			case DECIMAL -> new DecimalParser(dialect.decimalSeparator(), dialect.groupingSeparator());
			case UNIT -> new UnitParser(units, unitAliases);
			case BOOLEAN -> ValueParser::parseBoolean;
		};
	}

	/**
	 * A value that is not wrong in itself but that the data known so far cannot resolve
	 * (a unit not configured yet, a GTIN no product has yet): the row waits for it.
	 */
	final class MissingDataException extends IllegalArgumentException {

		private final String waitsFor;

		MissingDataException(String message, String waitsFor) {
			super(message);
			this.waitsFor = waitsFor;
		}

		String waitsFor() {
			return this.waitsFor;
		}

		@Override
		public String getMessage() {
			return java.util.Objects.requireNonNull(super.getMessage());
		}

	}

	private static Boolean parseBoolean(String text) {
		return switch (text.toLowerCase(Locale.ROOT)) {
			case "y", "yes", "true", "1", "x" -> true;
			case "n", "no", "false", "0" -> false;
			default -> throw new IllegalArgumentException("not yes or no: '" + text + "'");
		};
	}

	/**
	 * Units, through the source's aliases and then the shared ones; a handful of
	 * spellings, remembered.
	 */
	final class UnitParser implements ValueParser {

		private final UnitConverter units;

		private final Map<String, String> aliases;

		private final Map<String, String> known = new HashMap<>();

		UnitParser(UnitConverter units, Map<String, String> aliases) {
			this.units = units;
			this.aliases = aliases;
		}

		@Override
		public Object parse(String text) {
			String unit = this.known.get(text);
			if (unit == null) {
				unit = this.units.canonical(text, this.aliases);
				if (unit == null) {
					throw new MissingDataException(
							"unknown unit '" + text
									+ "': add it to units in the source's mapping or to aliases in jobs/units.yml",
							"unit '" + text + "' in jobs/units.yml or the mapping's units");
				}
				if (this.known.size() < 1000) {
					this.known.put(text, unit);
				}
			}
			return unit;
		}

	}

	/** Dates and date-times in one of several patterns, strictly (no 31 February). */
	final class DateParser<T> implements ValueParser {

		private static final int CACHE_SIZE = 4096;

		private final List<DateTimeFormatter> formatters;

		private final List<String> patterns;

		private final TemporalQuery<T> query;

		private final Map<String, T> cache = new HashMap<>();

		DateParser(List<String> patterns, TemporalQuery<T> query) {
			this.patterns = patterns;
			this.formatters = patterns.stream()
				.map((p) -> DateTimeFormatter.ofPattern(strictYears(p), Locale.ROOT)
					.withResolverStyle(ResolverStyle.STRICT))
				.toList();
			this.query = query;
		}

		@Override
		public Object parse(String text) {
			T cached = this.cache.get(text);
			if (cached != null) {
				return cached;
			}
			for (DateTimeFormatter formatter : this.formatters) {
				try {
					T value = formatter.parse(text, this.query);
					if (this.cache.size() >= CACHE_SIZE) {
						this.cache.clear();
					}
					this.cache.put(text, value);
					return value;
				}
				catch (DateTimeParseException ex) {
					// try the next pattern
				}
			}
			throw new IllegalArgumentException("not a valid date in the format " + String.join(" or ", this.patterns));
		}

		/**
		 * With strict resolving, {@code yyyy} (year of era) needs an era; {@code uuuu}
		 * does not.
		 */
		private static String strictYears(String pattern) {
			StringBuilder out = new StringBuilder();
			boolean quoted = false;
			for (char c : pattern.toCharArray()) {
				if (c == '\'') {
					quoted = !quoted;
				}
				out.append((!quoted && c == 'y') ? 'u' : c);
			}
			return out.toString();
		}

	}

	/**
	 * Plain decimal numbers with the dialect's separators, at most {@link Quantity#SCALE}
	 * places, below 10^12: ASCII digits, an optional sign, at most one decimal separator,
	 * and grouping separators only between groups of three digits. No exponent
	 * ({@code 1e5} is a spreadsheet's rendering, not a quantity anyone recorded), no
	 * {@code NaN} or {@code Infinity}, no hex, no other scripts' digits: each of those is
	 * rejected rather than read as a number nobody wrote.
	 */
	final class DecimalParser implements ValueParser {

		private static final BigDecimal LIMIT = BigDecimal.TEN.pow(12);

		private final char decimalSeparator;

		private final @Nullable Character groupingSeparator;

		DecimalParser(char decimalSeparator, @Nullable Character groupingSeparator) {
			this.decimalSeparator = decimalSeparator;
			this.groupingSeparator = groupingSeparator;
		}

		@Override
		public Object parse(String text) {
			String plain = plain(text);
			if (plain == null) {
				throw new IllegalArgumentException(problem(text));
			}
			BigDecimal value = new BigDecimal(plain);
			if (value.scale() > Quantity.SCALE && value.stripTrailingZeros().scale() > Quantity.SCALE) {
				throw new IllegalArgumentException("more than " + Quantity.SCALE + " decimal places");
			}
			if (value.abs().compareTo(LIMIT) >= 0) {
				throw new IllegalArgumentException("too large (10^12 or more)");
			}
			return value;
		}

		/**
		 * The number in {@link BigDecimal}'s syntax, or {@code null} when the text is not
		 * a plain decimal number in this dialect.
		 */
		private @Nullable String plain(String text) {
			int n = text.length();
			StringBuilder out = new StringBuilder(n);
			int i = (n > 0 && (text.charAt(0) == '-' || text.charAt(0) == '+')) ? 1 : 0;
			out.append(text, 0, i);
			int digits = 0;
			int group = 0;
			boolean grouped = false;
			boolean fraction = false;
			for (; i < n; i++) {
				char c = text.charAt(i);
				if (c >= '0' && c <= '9') {
					out.append(c);
					digits++;
					group++;
				}
				else if (c == this.decimalSeparator && !fraction) {
					if (grouped && group != 3) {
						return null;
					}
					fraction = true;
					out.append('.');
				}
				else if (this.groupingSeparator != null && c == this.groupingSeparator && !fraction && group > 0
						&& (grouped ? group == 3 : group <= 3)) {
					grouped = true;
					group = 0;
				}
				else {
					return null;
				}
			}
			return (digits == 0 || (grouped && !fraction && group != 3)) ? null : out.toString();
		}

		private String problem(String text) {
			String lower = text.toLowerCase(Locale.ROOT);
			if (lower.matches("[-+]?[0-9.,]*[0-9]e[-+]?[0-9]+")) {
				return "not a plain decimal number: '" + text + "' (an exponent, as a spreadsheet writes large or "
						+ "small numbers; export the number in full)";
			}
			if (this.decimalSeparator != '.' && text.indexOf('.') >= 0
					&& (this.groupingSeparator == null || this.groupingSeparator != '.')) {
				return "not a number with decimal separator '" + this.decimalSeparator + "': '" + text + "'";
			}
			return "not a number: '" + text + "'";
		}

	}

}
