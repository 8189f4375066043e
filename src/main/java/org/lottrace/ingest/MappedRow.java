package org.lottrace.ingest;

import java.util.List;

import org.lottrace.kde.KdeViolation;

/**
 * What became of one source row: a record for the store, or a rejection with every
 * reason.
 */
public sealed interface MappedRow {

	/**
	 * @param record a {@link org.lottrace.kde.KdeEvent},
	 * {@link org.lottrace.kde.Location} or {@link org.lottrace.kde.Product}
	 */
	record Accepted(Object record) implements MappedRow {

	}

	record Rejected(long line, List<KdeViolation> violations) implements MappedRow {

	}

}
