package org.lottrace.ingest;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * One data row of an export.
 *
 * @param line the line of the file where the row starts (1-based, counting the header and
 * any title lines)
 * @param record the parsed values
 * @param refused why the reader refuses the row (an EPCIS event element that identifies
 * no lot), or {@code null}: a refused row is rejected with this reason
 */
public record SourceRow(long line, CSVRecord record, @Nullable String refused) {

	public SourceRow(long line, CSVRecord record) {
		this(line, record, null);
	}

}
