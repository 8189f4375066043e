package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.jspecify.annotations.Nullable;
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
		Path temp = stagingDir.resolve(FILE_NAME + ".tmp");
		try {
			JSON.writeValue(temp.toFile(), this);
			Files.move(temp, stagingDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static @Nullable StagingManifest read(Path stagingDir) {
		Path file = stagingDir.resolve(FILE_NAME);
		return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), StagingManifest.class) : null;
	}

}
