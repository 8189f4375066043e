package org.lottrace.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.AtomicFiles;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an ingestion step left in its staging folder, written last (atomically) when the
 * step completed: the commit step moves exactly these files into the store.
 *
 * @param files Parquet files of records, relative to the staging folder (and so to the
 * store root)
 * @param written records in them
 * @param rejected rows rejected
 * @param pending rows held until the data they wait for arrives
 * @param heldFiles Parquet files of the rejected and pending rows
 * @param rejectsFile the rejects report in the staging folder, or {@code null} when
 * nothing was rejected
 * @param pendingFile the pending-rows report, or {@code null} when none is pending
 */
record StagingManifest(List<WrittenFile> files, long written, long rejected, long pending, List<WrittenFile> heldFiles,
		@Nullable String rejectsFile, @Nullable String pendingFile) {

	static final String FILE_NAME = "manifest.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	void write(Path stagingDir) {
		AtomicFiles.write(stagingDir.resolve(FILE_NAME), (out) -> JSON.writeValue(out, this));
	}

	static @Nullable StagingManifest read(Path stagingDir) {
		Path file = stagingDir.resolve(FILE_NAME);
		return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), StagingManifest.class) : null;
	}

}
