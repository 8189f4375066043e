package org.lottrace.ingest;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Maps and validates each row. An accepted row goes on to the writer; a rejected one is
 * set aside in the rejects file and filtered out (Spring Batch counts it in the step's
 * filter count). Rejection is data, not an exception: a bad row never rolls back a chunk,
 * and the counts stay exact.
 */
public class IngestProcessor implements ItemProcessor<SourceRow, Object> {

	private final Function<List<String>, RowMapper> mappers;

	private final StagingWriter output;

	private @Nullable RowMapper mapper;

	/**
	 * @param mappers makes the row mapper for a header; called when the file is opened
	 * @param output where rejected rows are set aside
	 */
	public IngestProcessor(Function<List<String>, RowMapper> mappers, StagingWriter output) {
		this.mappers = mappers;
		this.output = output;
	}

	/**
	 * Binds the mapping to the export's header; fails the file if a mapped column is
	 * missing.
	 */
	public void onHeader(List<String> header) {
		this.mapper = this.mappers.apply(header);
	}

	@Override
	public @Nullable Object process(SourceRow row) {
		MappedRow mapped = this.mapper.map(row);
		if (mapped instanceof MappedRow.Accepted accepted) {
			return accepted.record();
		}
		this.output.reject((MappedRow.Rejected) mapped);
		return null;
	}

}
