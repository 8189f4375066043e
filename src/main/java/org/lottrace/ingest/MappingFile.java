package org.lottrace.ingest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A mapping file as written, before {@link MappingReader} checks it and turns it into a
 * {@link SourceMapping}.
 */
record MappingFile(@Nullable String source, @Nullable String description, @Nullable String kind,
		@Nullable List<String> files, @Nullable String inbox, @Nullable Csv csv, @Nullable List<Object> key,
		@Nullable Map<String, FieldEntry> fields, @Nullable Map<String, String> units,
		@Nullable String tlcSourceAssumed, @Nullable List<Map<String, Object>> rows, @Nullable Limits limits,
		@Nullable String format, @Nullable Epcis epcis) {

	/**
	 * {@code limits:}, each setting optional: see {@link InputLimits}.
	 *
	 * @param earliestDate {@code yyyy-MM-dd}
	 */
	record Limits(@Nullable Integer codeLength, @Nullable Integer textLength, @Nullable String codePattern,
			@Nullable String earliestDate, @Nullable Integer daysAhead) {

	}

	/** Which events and lists of an EPCIS document the source takes. */
	record Epcis(@Nullable List<String> events, @Nullable List<String> bizSteps, @Nullable List<String> lists) {

	}

	record Csv(@Nullable String delimiter, @Nullable String quote, @Nullable String escape, @Nullable String encoding,
			@Nullable Boolean header, @Nullable Integer skipLines, @Nullable String comment, @Nullable Boolean trim,
			@Nullable List<String> nullValues, @Nullable String decimalSeparator, @Nullable String groupingSeparator) {

	}

	record FieldEntry(@Nullable String column, @Nullable Integer position, @Nullable List<String> columns,
			@Nullable String separator, @Nullable String constant,
			@JsonProperty("default") @Nullable String defaultValue, @Nullable List<String> format,
			@Nullable Map<String, String> values, @Nullable String lookup, @Nullable String gs1) {

		/**
		 * {@code lot_code: Supplier Lot} is short for {@code lot_code: {column: Supplier
		 * Lot}}.
		 */
		@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
		static FieldEntry ofColumn(String column) {
			return new FieldEntry(column, null, null, null, null, null, null, null, null, null);
		}

	}

}
