package org.lottrace.gs1;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One Application Identifier and its value, checked.
 *
 * @param ai the Application Identifier
 * @param value the value as encoded (a date as {@code YYMMDD}, a weight without its
 * decimal point)
 * @param date the value as a date, for date AIs
 * @param decimal the value with its implied decimal point, for measure AIs
 */
public record Element(ApplicationIdentifier ai, String value, @Nullable LocalDate date, @Nullable BigDecimal decimal) {

	/** {@code (10)ABC123}, the human-readable form. */
	@Override
	public String toString() {
		return "(" + this.ai.code() + ")" + this.value;
	}

}
