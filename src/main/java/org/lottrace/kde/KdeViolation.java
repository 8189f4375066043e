package org.lottrace.kde;

import org.jspecify.annotations.Nullable;

/**
 * Why a row cannot become a record.
 *
 * @param field the mapped field (snake_case column) at fault, or {@code "-"} for the row
 * as a whole
 * @param value the text the row held for it, or {@code null} when it was empty
 * @param reason what is wrong and, where the rule requires the value, which paragraph
 * requires it
 */
public record KdeViolation(String field, @Nullable String value, String reason) {

	/** The field name of a violation that concerns the whole row (its width, its key). */
	public static final String ROW = "(row)";

	public static KdeViolation of(Field field, @Nullable String value, String reason) {
		return new KdeViolation(field.column(), value, reason);
	}

}
