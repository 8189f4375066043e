package org.lottrace.report.fda;

import org.lottrace.trace.Gap;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;

/**
 * The value of one cell of a CTE sheet, and why it is a gap when it is one.
 *
 * @param value what the cell shows: a {@link String}, a {@link java.time.LocalDate}, a
 * {@link Number}, or {@code null} for an empty cell
 * @param gap why the KDE is missing or doubtful; {@code null} when it is neither
 * @param record the record the missing or doubtful KDE belongs to
 * @param kind what sort of gap it is: a missing or doubtful KDE, or a TLC source that the
 * mapping assumes
 */
record SheetCell(@Nullable Object value, @Nullable String gap, @Nullable KdeEvent record, Gap.Kind kind) {

	SheetCell(@Nullable Object value, @Nullable String gap, @Nullable KdeEvent record) {
		this(value, gap, record, Gap.Kind.MISSING_KDE);
	}

	static final SheetCell BLANK = new SheetCell(null, null, null);

	static SheetCell of(@Nullable Object value) {
		return (value == null || (value instanceof String s && s.isBlank())) ? BLANK : new SheetCell(value, null, null);
	}

	/** A required KDE that is not there: the cell reads {@code MISSING}. */
	static SheetCell missing(String reason, KdeEvent record) {
		return new SheetCell(FdaSpreadsheet.MISSING, reason, record);
	}

	/** A value shown as recorded, listed as doubtful. */
	static SheetCell doubtful(Object value, String reason, KdeEvent record) {
		return new SheetCell(value, reason, record);
	}

	/** The value, or {@code MISSING} when there is none. */
	static SheetCell required(@Nullable Object value, KdeEvent record, String reason) {
		SheetCell cell = of(value);
		return (cell.value() != null) ? cell : missing(reason, record);
	}

}
