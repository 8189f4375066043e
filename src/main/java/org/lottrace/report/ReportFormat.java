package org.lottrace.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;

/**
 * How the HTML reports print values: plain decimals without trailing zeros, ISO dates,
 * instants in one time zone with its offset, durations in words; and how every report
 * names a kind of gap.
 */
public final class ReportFormat {

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx",
			Locale.ROOT);

	private final ZoneId zone;

	public ReportFormat(ZoneId zone) {
		this.zone = zone;
	}

	public String instant(Instant instant) {
		return INSTANT.format(instant.atZone(this.zone)) + " (" + this.zone.getId() + ")";
	}

	/** A computed amount (a sum, a conversion), to at most three decimals. */
	public static String number(BigDecimal value) {
		BigDecimal rounded = value.setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
		return (rounded.signum() == 0) ? "0" : rounded.toPlainString();
	}

	/** A recorded quantity, as recorded: no digit added or dropped. */
	public static String quantity(@Nullable Quantity quantity) {
		return (quantity != null) ? recorded(quantity.value()) + " " + quantity.unit() : "";
	}

	/** A recorded amount without its trailing zeros: {@code 340.9}, {@code 12}. */
	public static String recorded(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.signum() == 0) ? "0" : stripped.toPlainString();
	}

	public static String percent(@Nullable BigDecimal percent) {
		return (percent != null) ? percent.setScale(1, RoundingMode.HALF_UP).toPlainString() + " %" : "—";
	}

	public static String reference(@Nullable ReferenceDocument reference) {
		return (reference != null) ? reference.type() + " " + reference.number() : "";
	}

	/** {@code 2 h 05 min 09 s}, {@code 3 min 20 s}, {@code 850 ms}. */
	public static String duration(Duration duration) {
		if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
			return duration.toMillis() + " ms";
		}
		long hours = duration.toHours();
		int minutes = duration.toMinutesPart();
		int seconds = duration.toSecondsPart();
		if (hours > 0) {
			return String.format(Locale.ROOT, "%d h %02d min %02d s", hours, minutes, seconds);
		}
		if (minutes > 0) {
			return String.format(Locale.ROOT, "%d min %02d s", minutes, seconds);
		}
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

	/**
	 * {@code pending row} as a cell or a table of gaps reads it: {@code Pending row}.
	 */
	public static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** lottrace's version from the jar manifest, or {@code development build}. */
	public static String version() {
		String version = ReportFormat.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development build";
	}

}
