package org.lottrace.trace;

/** Which way a trace goes. */
public enum Direction {

	/**
	 * To the lots that went into the lot, through every level, down to the supplier lots.
	 */
	BACKWARD,

	/**
	 * To the lots made from the lot, through every level, and the customers who received
	 * them.
	 */
	FORWARD,

	/**
	 * Backward to every ingredient lot, then forward from each of them: the batch, its
	 * ingredients, and every lot and customer that shares one of its ingredient lots (the
	 * lots at risk).
	 */
	BOTH

}
