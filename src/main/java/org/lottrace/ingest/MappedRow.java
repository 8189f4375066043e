package org.lottrace.ingest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.StoreRecord;

/**
 * What became of one source row: a record for the store, or a row held back with every
 * reason.
 */
public sealed interface MappedRow {

	/**
	 * @param record a {@link org.lottrace.kde.KdeEvent},
	 * {@link org.lottrace.kde.Location} or {@link org.lottrace.kde.Product}
	 */
	record Accepted(StoreRecord record) implements MappedRow {

	}

	/**
	 * A row that did not become a record: <em>rejected</em> when it is wrong in itself,
	 * <em>pending</em> when it only waits for other data (every violation
	 * {@link KdeViolation#pending() waits for something}). A pending row is mapped again
	 * from its field texts when that data may have arrived.
	 *
	 * @param line the export line where the row starts
	 * @param recordKey the row's natural key, or {@code null} when it could not be read
	 * @param violations every reason
	 * @param fieldTexts the text each mapped field held (after constants, translations
	 * and defaults), by field column
	 * @param raw the row's fields as read from the export
	 * @param eventDate the event date, when it could be read: what a request by dates
	 * checks the row against
	 */
	record Held(long line, @Nullable String recordKey, List<KdeViolation> violations, Map<String, String> fieldTexts,
			List<String> raw, @Nullable LocalDate eventDate) implements MappedRow {

		public boolean pending() {
			return !this.violations.isEmpty() && this.violations.stream().allMatch(KdeViolation::pending);
		}

	}

}
