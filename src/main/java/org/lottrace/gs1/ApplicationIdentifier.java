package org.lottrace.gs1;

/**
 * One GS1 Application Identifier (AI) and the format of its value, from the GS1 General
 * Specifications, section 3 ("GS1 Application Identifier definitions").
 *
 * @param code the AI, two to four digits ({@code 01}, {@code 3103})
 * @param title the data title the General Specifications give it ({@code BATCH/LOT})
 * @param numeric whether the value is digits only (N) rather than GS1 character set 82
 * (X)
 * @param minLength the shortest value
 * @param maxLength the longest value; equal to {@code minLength} for a fixed-length AI
 * @param fnc1Required whether a following AI must be separated by FNC1: true for every AI
 * whose first two digits are not in the table of predefined lengths (General
 * Specifications figure 5.10.1-2), whatever its own length
 * @param kind how the value is checked and read
 */
public record ApplicationIdentifier(String code, String title, boolean numeric, int minLength, int maxLength,
		boolean fnc1Required, Kind kind) {

	/** How a value is checked and read beyond its length and characters. */
	public enum Kind {

		/** Free text or a number without further meaning here. */
		PLAIN,

		/** A GS1 key ending in a mod-10 check digit (GTIN, SSCC, GLN). */
		CHECK_DIGIT,

		/** A date YYMMDD (General Specifications 7.12: century rule, DD 00). */
		DATE,

		/**
		 * A measure whose last AI digit is the number of decimals (310n, 320n: General
		 * Specifications 3.6.2).
		 */
		DECIMAL

	}

	/** True when the value has a fixed length. */
	public boolean fixedLength() {
		return this.minLength == this.maxLength;
	}

	/** {@code (10) BATCH/LOT}, for messages. */
	public String label() {
		return "(" + this.code + ") " + this.title;
	}

}
