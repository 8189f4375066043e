package org.lottrace.serve.access;

/**
 * What a user may do. Each role includes the ones below it (see
 * {@link AccessConfiguration#roleHierarchy()}).
 */
public enum Role {

	/** Traces, FDA records requests and their files, products, ingestion history. */
	READER,

	/** And: running the inbox ingestion now, metrics. */
	OPERATOR,

	/** And: everything else the service offers (actuator endpoints beyond health). */
	ADMIN

}
