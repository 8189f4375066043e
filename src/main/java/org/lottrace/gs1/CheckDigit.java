package org.lottrace.gs1;

/**
 * The GS1 mod-10 check digit of GTINs, SSCCs and GLNs (General Specifications 7.9.1):
 * from the right, digits are weighted 3, 1, 3, ...; the check digit brings the sum to a
 * multiple of ten.
 */
public final class CheckDigit {

	private CheckDigit() {
	}

	/** The check digit for {@code digits} (the key without its check digit). */
	public static int of(CharSequence digits) {
		int sum = 0;
		for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
			sum += (digits.charAt(i) - '0') * weight;
		}
		return (10 - sum % 10) % 10;
	}

	/** True when the last digit of {@code key} is its check digit. */
	public static boolean valid(String key) {
		return key.length() > 1 && of(key.subSequence(0, key.length() - 1)) == key.charAt(key.length() - 1) - '0';
	}

}
