package org.lottrace.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeViolation;
import org.lottrace.store.PartitionedParquetWriter;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
import org.lottrace.store.SafeCsv;
import org.lottrace.store.TableSchema;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Writes one ingestion's output into its staging folder: the records as Parquet (on a
 * background thread) and the rejected rows as a CSV report. When the step completes it
 * finishes the files and writes the staging manifest last; the commit step then moves
 * them into the store. A failed or killed step leaves only staging files, which the next
 * attempt deletes: Parquet cannot be appended to, so an attempt always rewrites the whole
 * file.
 */
public class StagingWriter implements ItemStreamWriter<List<Object>>, StepExecutionListener {

	static final List<String> REJECT_COLUMNS = List.of("source", "file", "line", "field", "value", "reason");

	static final String REJECTS_FILE = "rejects.csv";

	private final Path stagingDir;

	private final TableSchema<Object> schema;

	private final String fileName;

	private final WriterSettings settings;

	private final Map<String, String> metadata;

	private final String source;

	private final String sourceFile;

	private final int writerThreads;

	private final List<PartitionedParquetWriter<Object>> parquet = new ArrayList<>();

	private final List<AsyncWriter<Object>> async = new ArrayList<>();

	private int nextWriter;

	private @Nullable SafeCsv rejects;

	private long written;

	private long rejectedRows;

	private boolean finished;

	@SuppressWarnings("unchecked")
	public StagingWriter(Path stagingDir, TableSchema<?> schema, String fileName, WriterSettings settings,
			Map<String, String> metadata, String source, String sourceFile, int writerThreads) {
		this.writerThreads = writerThreads;
		this.stagingDir = stagingDir;
		this.schema = (TableSchema<Object>) schema;
		this.fileName = fileName;
		this.settings = settings;
		this.metadata = metadata;
		this.source = source;
		this.sourceFile = sourceFile;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		deleteRecursively(this.stagingDir);
		try {
			Files.createDirectories(this.stagingDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + this.stagingDir, ex);
		}
		for (int i = 0; i < this.writerThreads; i++) {
			String name = (this.writerThreads == 1) ? this.fileName + ".parquet" : this.fileName + "." + i + ".parquet";
			PartitionedParquetWriter<Object> writer = new PartitionedParquetWriter<>(this.schema, this.stagingDir, name,
					this.settings, this.metadata);
			this.parquet.add(writer);
			this.async.add(new AsyncWriter<>("lottrace-parquet-" + i, 2, writer::write));
		}
	}

	@Override
	public void write(Chunk<? extends List<Object>> chunk) {
		List<Object> records = new ArrayList<>();
		for (List<Object> block : chunk) {
			records.addAll(block);
		}
		this.async.get(this.nextWriter).submit(records);
		this.nextWriter = (this.nextWriter + 1) % this.async.size();
		this.written += records.size();
	}

	/** The columns this writer stores. */
	public TableSchema<Object> schema() {
		return this.schema;
	}

	/** Sets a row aside with every reason it was rejected: one line per violation. */
	public void reject(MappedRow.Rejected rejected) {
		if (this.rejects == null) {
			this.rejects = openRejects();
		}
		for (KdeViolation violation : rejected.violations()) {
			this.rejects.row(List.of(this.source, this.sourceFile, rejected.line(), violation.field(),
					(violation.value() != null) ? violation.value() : "", violation.reason()));
		}
		this.rejectedRows++;
	}

	private SafeCsv openRejects() {
		try {
			BufferedWriter out = Files.newBufferedWriter(this.stagingDir.resolve(REJECTS_FILE), StandardCharsets.UTF_8);
			return new SafeCsv(out, REJECT_COLUMNS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create the rejects file in " + this.stagingDir, ex);
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		stepExecution.setWriteCount(this.written);
		stepExecution.setFilterCount(this.rejectedRows);
		stepExecution.setReadCount(this.written + this.rejectedRows);
		if (stepExecution.getStatus() != BatchStatus.COMPLETED || this.finished) {
			return null;
		}
		try {
			List<WrittenFile> files = new ArrayList<>();
			for (int i = 0; i < this.async.size(); i++) {
				this.async.get(i).finish();
				files.addAll(this.parquet.get(i).finish());
			}
			if (this.rejects != null) {
				this.rejects.close();
				this.rejects = null;
			}
			this.finished = true;
			new StagingManifest(files, this.written, this.rejectedRows, (this.rejectedRows > 0) ? REJECTS_FILE : null)
				.write(this.stagingDir);
			return null;
		}
		catch (RuntimeException ex) {
			stepExecution.setStatus(BatchStatus.FAILED);
			stepExecution.addFailureException(ex);
			return ExitStatus.FAILED.addExitDescription(ex);
		}
	}

	@Override
	public void close() {
		if (!this.finished) {
			this.async.forEach(AsyncWriter::abort);
			this.parquet.forEach(PartitionedParquetWriter::close);
		}
		if (this.rejects != null) {
			try {
				this.rejects.close();
			}
			catch (UncheckedIOException ex) {
				// the attempt failed anyway; the next one rewrites the rejects
			}
			this.rejects = null;
		}
	}

	static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(dir)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + dir, ex);
		}
	}

}
