package org.lottrace.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Provenance;

/**
 * An export row that did not become a record, kept in the store with everything needed to
 * report it and, when it is pending, to map it again: a <em>rejected</em> row is wrong in
 * itself (a bad date, a missing lot code, a broken line); a <em>pending</em> row waits
 * for other data (a product, a location or a unit not known yet) and becomes a record
 * when that data arrives.
 *
 * @param pending whether the row waits for other data rather than being wrong
 * @param kind the record kind of its source ({@code receiving}, {@code location}, ...)
 * @param recordKey its natural key, or {@code null} when the key could not be read
 * @param fieldTexts the text each mapped field held, by field column
 * @param violations every reason
 * @param raw the row's fields exactly as read from the export
 * @param eventDate the event date, when it could be read
 * @param provenance the export line
 */
public record HeldRow(boolean pending, String kind, @Nullable String recordKey, Map<String, String> fieldTexts,
		List<KdeViolation> violations, List<String> raw, @Nullable LocalDate eventDate, Provenance provenance) {

	public static final String REJECTED = "rejected", PENDING = "pending";

	public String status() {
		return this.pending ? PENDING : REJECTED;
	}

	public @Nullable String text(String field) {
		return this.fieldTexts.get(field);
	}

	/** What the row waits for, each thing once; empty for a rejected row. */
	public String waitsFor() {
		return this.violations.stream()
			.map(KdeViolation::waitsFor)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.collect(Collectors.joining("; "));
	}

	/** Every reason, one after the other: {@code field: reason}. */
	public String reasons() {
		return this.violations.stream().map((v) -> v.field() + ": " + v.reason()).collect(Collectors.joining("; "));
	}

}
