package org.lottrace.store;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The record of one ingested export becoming visible: what was read, what was written
 * where, and what was set aside. Written last and atomically; files a commit does not
 * name are invisible to readers.
 *
 * @param source the source name
 * @param file the export's file name
 * @param sha256 the export's SHA-256
 * @param mapping the mapping file used and its SHA-256
 * @param ingestedAt when the run started; newer records supersede older ones with the
 * same key
 * @param jobExecutionId the Spring Batch job execution
 * @param read data rows read
 * @param written records written
 * @param rejected rows rejected
 * @param pending rows held until the data they wait for arrives
 * @param files the Parquet files of records, relative to the store root, with their row
 * counts
 * @param heldFiles the Parquet files of the rejected and pending rows
 * @param rejectsFile the rejects report, or {@code null} when nothing was rejected
 * @param pendingFile the report of the pending rows, or {@code null} when none was held
 * @param resolves for the records of pending rows that became good later: the SHA-256 of
 * the export they were read from ({@code sha256} is then the resolution's own identity);
 * {@code null} for an ingested export
 * @param superseded stored records of earlier commits of the source that this commit's
 * records replace, and repeated keys within it, counted before the commit; {@code null}
 * in a commit log written before the count was kept (unknown: the trace index then looks
 * for earlier versions itself)
 */
public record StoreCommit(String source, String file, String sha256, String mapping, String mappingSha256,
		Instant ingestedAt, long jobExecutionId, long read, long written, long rejected, long pending,
		List<PartitionedParquetWriter.WrittenFile> files, List<PartitionedParquetWriter.WrittenFile> heldFiles,
		@Nullable String rejectsFile, @Nullable String pendingFile, @Nullable String resolves,
		@Nullable Long superseded) {

	public StoreCommit {
		heldFiles = (heldFiles != null) ? List.copyOf(heldFiles) : List.of();
	}

	public String fileId() {
		return StoreLayout.fileId(this.source, this.sha256);
	}

}
