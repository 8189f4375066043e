package org.lottrace.report.fda;

/** Whether a row must show a KDE. */
enum KdeRequirement {

	/** Required: absent means {@code MISSING}, and so does any required part. */
	REQUIRED,

	/**
	 * Required only if applicable: absent means an empty cell, but a location or product
	 * that is named must be described completely.
	 */
	OPTIONAL,

	/**
	 * Shown as far as known, never a gap: a TLC source location when a TLC source
	 * reference is given instead.
	 */
	SHOWN,

	/** This row does not carry the KDE (the input columns of an output row). */
	ABSENT

}
