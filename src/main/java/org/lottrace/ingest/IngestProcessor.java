package org.lottrace.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.StoreRecord;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Maps and validates each row of a block. Accepted rows go on to the writer; a rejected
 * or pending one is set aside with every reason. Rejection is data, not an exception: a
 * bad row never rolls back a chunk, and the counts stay exact.
 */
public class IngestProcessor implements ItemProcessor<List<SourceRow>, List<StoreRecord>> {

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
	public List<StoreRecord> process(List<SourceRow> rows) {
		List<StoreRecord> accepted = new ArrayList<>(rows.size());
		RowMapper mapper = Opened.part(this.mapper, "the row mapper");
		for (SourceRow row : rows) {
			MappedRow mapped = mapper.map(row);
			if (mapped instanceof MappedRow.Accepted a) {
				accepted.add(a.record());
			}
			else {
				this.output.hold((MappedRow.Held) mapped);
			}
		}
		return accepted;
	}

}
