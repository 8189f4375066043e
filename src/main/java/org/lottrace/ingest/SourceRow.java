package org.lottrace.ingest;

import org.apache.commons.csv.CSVRecord;

/**
 * One data row of an export.
 *
 * @param line the line of the file where the row starts (1-based, counting the header and
 * any title lines)
 * @param record the parsed values
 */
public record SourceRow(long line, CSVRecord record) {

}
