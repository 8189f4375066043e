package org.lottrace.kde;

/**
 * A reference document type and number (§ 1.1310 "reference document"): a bill of lading,
 * purchase order, work order, scale ticket.
 */
public record ReferenceDocument(String type, String number) {

	@Override
	public String toString() {
		return this.type + " " + this.number;
	}

}
