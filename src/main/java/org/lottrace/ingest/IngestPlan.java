package org.lottrace.ingest;

import java.nio.file.Path;
import java.util.List;

/**
 * The exports an ingestion run will read, in order (master data first), and the files
 * found that no mapping claims.
 */
public record IngestPlan(JobsDirectory jobs, List<Item> items, List<Path> unmatched) {

	public record Item(Path file, SourceMapping mapping) {

	}

}
