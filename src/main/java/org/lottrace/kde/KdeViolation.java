package org.lottrace.kde;

import org.jspecify.annotations.Nullable;

/**
 * Why a row cannot become a record (yet).
 *
 * @param field the mapped field (snake_case column) at fault, or {@code "(row)"} for the
 * row as a whole
 * @param value the text the row held for it, or {@code null} when it was empty
 * @param reason what is wrong and, where the rule requires the value, which paragraph
 * requires it
 * @param waitsFor {@code null} when the row is wrong in itself (a bad date, a missing lot
 * code); otherwise the other data whose arrival makes the value good (a product in master
 * data, a unit in {@code units.yml}): such a row is held as pending, not rejected
 */
public record KdeViolation(String field, @Nullable String value, String reason, @Nullable String waitsFor) {

	/** The field name of a violation that concerns the whole row (its width, its key). */
	public static final String ROW = "(row)";

	/** A violation of the row itself. */
	public KdeViolation(String field, @Nullable String value, String reason) {
		this(field, value, reason, null);
	}

	public static KdeViolation of(Field field, @Nullable String value, String reason) {
		return new KdeViolation(field.column(), value, reason, null);
	}

	/** A value that other data, once it arrives, makes good. */
	public static KdeViolation waiting(Field field, @Nullable String value, String reason, String waitsFor) {
		return new KdeViolation(field.column(), value, reason, waitsFor);
	}

	/** True when only the arrival of other data stands between the row and a record. */
	public boolean pending() {
		return this.waitsFor != null;
	}

}
