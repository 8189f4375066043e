package org.lottrace.gs1;

/**
 * A scan that is not valid GS1 data: an unknown Application Identifier, a wrong check
 * digit, a value too short or too long, a date that does not exist. The message says
 * which, for the rejects file.
 */
public class Gs1Exception extends IllegalArgumentException {

	public Gs1Exception(String message) {
		super(message);
	}

}
