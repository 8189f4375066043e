package org.lottrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes the records of one ingestion into one Parquet file per partition under a staging
 * folder. Each file is written as {@code <name>.parquet.inprogress} and renamed to
 * {@code <name>.parquet} only once it is complete. Not thread-safe: one thread writes.
 */
public final class PartitionedParquetWriter<T> implements AutoCloseable {

	private static final String IN_PROGRESS = ".inprogress";

	private final TableSchema<T> schema;

	private final Path stagingRoot;

	private final String fileName;

	private final WriterSettings settings;

	private final Map<String, String> metadata;

	private final Map<String, Open<T>> open = new HashMap<>();

	private final Map<String, Long> rows = new TreeMap<>();

	/** Parquet file settings. */
	public record WriterSettings(CompressionCodecName codec, long rowGroupBytes) {

	}

	/** A finished file, relative to the store root, with its row count. */
	public record WrittenFile(String path, long rows) {

	}

	private record Open<T>(Path target, ParquetFile<T> writer) {

	}

	/**
	 * @param schema the table
	 * @param stagingRoot the folder that mirrors the store root for this ingestion
	 * @param fileName the file name to use in every partition
	 * ({@code erp-receiving-3f2a9c1b7d4e.parquet})
	 * @param metadata key-value metadata stored in each file's footer
	 */
	public PartitionedParquetWriter(TableSchema<T> schema, Path stagingRoot, String fileName, WriterSettings settings,
			Map<String, String> metadata) {
		this.schema = schema;
		this.stagingRoot = stagingRoot;
		this.fileName = fileName;
		this.settings = settings;
		this.metadata = Map.copyOf(metadata);
	}

	public void write(T record) {
		String partition = this.schema.partition().apply(record);
		Open<T> target = this.open.get(partition);
		if (target == null) {
			target = open(partition);
			this.open.put(partition, target);
		}
		try {
			target.writer().write(record);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + target.target(), ex);
		}
		this.rows.merge(partition, 1L, Long::sum);
	}

	private Open<T> open(String partition) {
		Path dir = this.stagingRoot.resolve(this.schema.table().directory());
		if (!partition.isEmpty()) {
			dir = dir.resolve(partition);
		}
		Path target = dir.resolve(this.fileName);
		try {
			Files.createDirectories(dir);
			OutputFile file = new LocalOutputFile(dir.resolve(this.fileName + IN_PROGRESS));
			return new Open<>(target, new ParquetFile<>(file, this.schema, this.settings, this.metadata));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + target, ex);
		}
	}

	/**
	 * Closes every file and moves each to its final name.
	 * @return the files written, relative to the staging root (and so to the store root)
	 */
	public List<WrittenFile> finish() {
		List<WrittenFile> written = new ArrayList<>();
		for (Map.Entry<String, Long> partition : this.rows.entrySet()) {
			Open<T> target = java.util.Objects.requireNonNull(this.open.remove(partition.getKey()),
					"every partition with rows has its file open");
			try {
				target.writer().finish();
				Files.move(target.target().resolveSibling(this.fileName + IN_PROGRESS), target.target(),
						StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not finish " + target.target(), ex);
			}
			String relative = this.stagingRoot.relativize(target.target()).toString().replace('\\', '/');
			written.add(new WrittenFile(relative, partition.getValue()));
		}
		return written;
	}

	/**
	 * Abandons the files: closes what is open and leaves the in-progress files for the
	 * staging cleanup.
	 */
	@Override
	public void close() {
		for (Open<T> target : this.open.values()) {
			try {
				target.writer().close();
			}
			catch (RuntimeException ex) {
				// abandoned anyway: the staging folder is deleted before the next attempt
			}
		}
		this.open.clear();
	}

}
