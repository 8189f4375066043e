package org.lottrace.ingest;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of one export: a CSV file ({@link CsvSourceReader}), or an EPCIS
 * document whose events become rows ({@link EpcisSourceReader}), as the source's mapping
 * says ({@code format}).
 */
public interface SourceReader extends ItemStreamReader<SourceRow> {

	/** The next row, or {@code null} at the end of the export. */
	@Override
	@Nullable SourceRow read();

	/** Bytes of the file read so far, for progress. */
	long bytesRead();

	/**
	 * The reader of an export of a source.
	 * @param onHeader called once the file is open, with the names of its columns
	 */
	static SourceReader of(Path file, SourceMapping mapping, Consumer<List<String>> onHeader) {
		return (mapping.format() == SourceMapping.Format.EPCIS) ? new EpcisSourceReader(file, mapping, onHeader)
				: new CsvSourceReader(file, mapping.dialect(), onHeader);
	}

}
