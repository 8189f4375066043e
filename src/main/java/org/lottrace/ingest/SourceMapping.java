package org.lottrace.ingest;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Field;
import org.lottrace.kde.RecordKind;

/**
 * One source's mapping, read from {@code jobs/<source>.yml} and checked: how its exports
 * are written and which column feeds which field.
 *
 * @param source the source name; it names the store files and keys the records
 * @param description what the export is, for people
 * @param kind what the rows become
 * @param files file-name globs of the exports this source claims ({@code RCV_*.csv})
 * @param inbox the folder the scheduler watches for this source, relative to the inbox
 * root
 * @param dialect how the CSV is written
 * @param key the columns that identify a row across exports: a later row with the same
 * key is a correction
 * @param fields where each field's value comes from
 * @param unitAliases spellings of units in this source, to canonical unit codes
 * @param tlcSourceAssumed why the TLC source of this source's records is assumed rather
 * than read from the export (e.g. "our suppliers pack what they ship: the vendor assigned
 * the lot code"); {@code null} when the export records it
 * @param rows master data written in the mapping file itself (see {@link InlineRows});
 * empty for a source of exports
 * @param limits how long values may be, which characters codes may hold, which dates are
 * plausible
 * @param file the mapping file
 * @param sha256 the mapping file's SHA-256
 * @param format how the exports are written: CSV, or EPCIS documents whose events become
 * rows ({@link EpcisSourceReader})
 * @param epcis which events and lists of an EPCIS document are this source's
 */
public record SourceMapping(String source, @Nullable String description, RecordKind kind, List<String> files,
		String inbox, Dialect dialect, List<ColumnRef> key, Map<Field, FieldSource> fields,
		Map<String, String> unitAliases, @Nullable String tlcSourceAssumed, List<Map<String, String>> rows,
		InputLimits limits, Path file, String sha256, Format format, EpcisSelection epcis) {

	/** How a source's exports are written. */
	public enum Format {

		CSV, EPCIS

	}

	/**
	 * The events of an EPCIS document a source takes, and which of their lists become
	 * rows; an empty set takes every one.
	 *
	 * @param events event types ({@code ObjectEvent}, {@code TransformationEvent}...)
	 * @param bizSteps business steps, by their CBV name ({@code shipping})
	 * @param lists quantity or EPC lists ({@code quantityList}, {@code epcList},
	 * {@code inputQuantityList}...)
	 */
	public record EpcisSelection(java.util.Set<String> events, java.util.Set<String> bizSteps,
			java.util.Set<String> lists) {

		public static final EpcisSelection ALL = new EpcisSelection(java.util.Set.of(), java.util.Set.of(),
				java.util.Set.of());

		boolean takes(String event, String bizStep) {
			return (this.events.isEmpty() || this.events.contains(event))
					&& (this.bizSteps.isEmpty() || this.bizSteps.contains(bizStep));
		}

		boolean takesList(String list) {
			return this.lists.isEmpty() || this.lists.contains(list);
		}

		/** In words: {@code ObjectEvent with bizStep shipping}. */
		String describe() {
			String events = this.events.isEmpty() ? "events"
					: String.join(" or ", new java.util.TreeSet<>(this.events));
			return events + (this.bizSteps.isEmpty() ? ""
					: " with bizStep " + String.join(" or ", new java.util.TreeSet<>(this.bizSteps)));
		}

	}

	/**
	 * How an export is written.
	 *
	 * @param skipLines lines before the header (report titles), or before the data when
	 * there is no header
	 * @param nullValues texts that mean "no value", compared after trimming
	 */
	public record Dialect(char delimiter, @Nullable Character quote, @Nullable Character escape, Charset encoding,
			boolean header, int skipLines, @Nullable Character comment, boolean trim, List<String> nullValues,
			char decimalSeparator, @Nullable Character groupingSeparator) {

	}

	/** A column, by header name or by 1-based position. */
	public record ColumnRef(@Nullable String name, int position) {

		static ColumnRef named(String name) {
			return new ColumnRef(name, 0);
		}

		static ColumnRef at(int position) {
			return new ColumnRef(null, position);
		}

		@Override
		public String toString() {
			return (this.name != null) ? "'" + this.name + "'" : "column " + this.position;
		}

	}

	/**
	 * Where one field's value comes from: a column, several columns joined, or a
	 * constant; then, in this order: texts that mean empty, a translation table, a
	 * default, the formats to parse with, and a master-data look-up.
	 *
	 * @param columns the columns read (one, or several joined with {@code separator});
	 * empty for a constant
	 * @param constant the value when it does not come from the export
	 * @param formats date and time patterns ({@link java.time.format.DateTimeFormatter}),
	 * tried in order
	 * @param values translation of export values to field values
	 * @param lookup how a location or product is looked up in master data: by
	 * {@code code} (the default), {@code gln}, {@code partner} (a partner's only
	 * location) or {@code gtin}
	 * @param gs1 the GS1 element taken out of a scanned barcode or Digital Link before
	 * the value is parsed, or {@code null}
	 */
	public record FieldSource(List<ColumnRef> columns, String separator, @Nullable String constant,
			@Nullable String defaultValue, List<String> formats, Map<String, String> values, Lookup lookup,
			@Nullable Gs1Part gs1) {

		public FieldSource(List<ColumnRef> columns, String separator, @Nullable String constant,
				@Nullable String defaultValue, List<String> formats, Map<String, String> values, Lookup lookup) {
			this(columns, separator, constant, defaultValue, formats, values, lookup, null);
		}

	}

	/** How a code is looked up in master data. */
	public enum Lookup {

		CODE, GLN, PARTNER, GTIN

	}

}
