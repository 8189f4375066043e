package org.lottrace.serve;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Times a request body gives: {@code 2026-11-23T09:10:00-05:00} or {@code ...Z} with an
 * offset, or {@code 2026-11-23T09:10} in the service's time zone (as a person reads a
 * clock on the wall). Four-digit years only.
 */
final class Times {

	private static final Pattern SHAPE = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?" + "(Z|[+-]\\d{2}:\\d{2})?");

	private Times() {
	}

	static @Nullable Instant instant(String field, @Nullable String text, Clock clock) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String time = text.strip();
		try {
			if (SHAPE.matcher(time).matches()) {
				boolean offset = time.endsWith("Z") || time.matches(".*[+-]\\d{2}:\\d{2}$");
				return offset ? OffsetDateTime.parse(time).toInstant()
						: LocalDateTime.parse(time).atZone(clock.getZone()).toInstant();
			}
		}
		catch (DateTimeParseException ex) {
			// as any other text that is not a time
		}
		throw new ApiErrors.BadRequest(field + ": not a time; use yyyy-MM-ddTHH:mm, with an offset "
				+ "(2026-11-23T09:10-05:00) or in the service's time zone");
	}

}
