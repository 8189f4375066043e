package org.lottrace.serve;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lottrace.trace.Direction;

/**
 * The values of a request body, checked before anything uses them: codes without control
 * characters and within their length, dates written {@code yyyy-MM-dd} with a four-digit
 * year (so that {@code +99999-01-01} never reaches a database), ranges that run forward,
 * lists of a bounded size, waits the API offers. Each refusal names the field and what to
 * write instead.
 */
final class RequestInput {

	/** The longest a caller may wait for an answer in one call, in milliseconds. */
	static final long MAX_WAIT = 30_000;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final int MAX_REASON = 500;

	private final LimitProperties limits;

	RequestInput(LimitProperties limits) {
		this.limits = limits;
	}

	/** A lot, product or assigner code, trimmed; {@code null} when blank. */
	@Nullable String code(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String code = value.strip();
		if (code.length() > this.limits.maxCodeLength()) {
			throw new ApiErrors.BadRequest(field + ": at most " + this.limits.maxCodeLength() + " characters");
		}
		if (code.codePoints().anyMatch(RequestInput::control)) {
			throw new ApiErrors.BadRequest(
					field + ": control characters (such as NUL or a line break) are not allowed");
		}
		return code;
	}

	/**
	 * Free text (a reason), trimmed; {@code null} when blank. Tabs and line breaks pass.
	 */
	@Nullable String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > MAX_REASON) {
			throw new ApiErrors.BadRequest(field + ": at most " + MAX_REASON + " characters");
		}
		if (text.codePoints().anyMatch((c) -> c != '\t' && c != '\n' && c != '\r' && Character.isISOControl(c))) {
			throw new ApiErrors.BadRequest(field + ": control characters (such as NUL) are not allowed");
		}
		return text;
	}

	/** Codes of a list, blank ones left out. */
	List<String> codes(String field, @Nullable List<String> values) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > this.limits.maxListSize()) {
			throw new ApiErrors.BadRequest(field + ": at most " + this.limits.maxListSize() + " in one request");
		}
		return values.stream().map((value) -> code(field, value)).filter(java.util.Objects::nonNull).toList();
	}

	static @Nullable LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String date = text.strip();
		try {
			if (DATE.matcher(date).matches()) {
				return LocalDate.parse(date);
			}
		}
		catch (DateTimeParseException ex) {
			// as any other text that is not a date
		}
		throw new ApiErrors.BadRequest(field + ": '" + printable(date) + "' is not a date; use yyyy-MM-dd");
	}

	static void range(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new ApiErrors.BadRequest("from: " + from + " is after to: " + to);
		}
	}

	static Direction direction(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Direction.BOTH;
		}
		try {
			return Direction.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiErrors.BadRequest(
					"direction: '" + printable(text) + "' is not one of backward, forward, both");
		}
	}

	static long waitMillis(long wait) {
		if (wait < 0 || wait > MAX_WAIT) {
			throw new ApiErrors.BadRequest("wait: give milliseconds from 0 to " + MAX_WAIT);
		}
		return wait;
	}

	private static boolean control(int c) {
		return Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
				|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.FORMAT;
	}

	/** A value quoted back to the caller: short, without control characters. */
	private static String printable(String text) {
		String shown = text.codePoints()
			.map((c) -> control(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (shown.length() > 40) ? shown.substring(0, 40) + "..." : shown;
	}

}
