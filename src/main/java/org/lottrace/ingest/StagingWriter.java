package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.StoreRecord;
import org.lottrace.store.FaultPoint;
import org.lottrace.store.PartitionedParquetWriter;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
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
 * background thread) and the rows held back, rejected or pending ({@link HeldRowWriter}).
 * When the step completes it finishes the files and writes the staging manifest last; the
 * commit step then moves them into the store. A failed or killed step leaves only staging
 * files, which the next attempt deletes: Parquet cannot be appended to, so an attempt
 * always rewrites the whole file.
 */
public class StagingWriter implements ItemStreamWriter<List<StoreRecord>>, StepExecutionListener {

	private final Path stagingDir;

	private final TableSchema<StoreRecord> schema;

	private final String fileName;

	private final WriterSettings settings;

	private final Map<String, String> metadata;

	private final IngestRun run;

	private final int writerThreads;

	private final List<PartitionedParquetWriter<StoreRecord>> parquet = new ArrayList<>();

	private final List<AsyncWriter<StoreRecord>> async = new ArrayList<>();

	private int nextWriter;

	private @Nullable HeldRowWriter held;

	private long written;

	private boolean finished;

	@SuppressWarnings("unchecked")
	public StagingWriter(Path stagingDir, TableSchema<?> schema, IngestRun run, WriterSettings settings,
			Map<String, String> metadata, int writerThreads) {
		this.writerThreads = writerThreads;
		this.stagingDir = stagingDir;
		// a source writes one kind of record, the kind of the schema its mapping chose
		// (IngestJobConfiguration), so every record given to write() fits it
		this.schema = (TableSchema<StoreRecord>) schema;
		this.fileName = run.fileId();
		this.settings = settings;
		this.metadata = metadata;
		this.run = run;
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
			PartitionedParquetWriter<StoreRecord> writer = new PartitionedParquetWriter<>(this.schema, this.stagingDir,
					name, this.settings, this.metadata);
			this.parquet.add(writer);
			this.async.add(new AsyncWriter<>("lottrace-parquet-" + i, 2, writer::write));
		}
		this.held = new HeldRowWriter(this.stagingDir, this.run, this.settings, this.metadata);
	}

	@Override
	public void write(Chunk<? extends List<StoreRecord>> chunk) {
		List<StoreRecord> records = new ArrayList<>();
		for (List<StoreRecord> block : chunk) {
			records.addAll(block);
		}
		this.async.get(this.nextWriter).submit(records);
		this.nextWriter = (this.nextWriter + 1) % this.async.size();
		this.written += records.size();
		FaultPoint.reach("ingest.chunk");
	}

	/** The columns this writer stores. */
	public TableSchema<StoreRecord> schema() {
		return this.schema;
	}

	/** Sets a row aside, rejected or pending, with every reason. */
	public void hold(MappedRow.Held row) {
		Opened.part(this.held, "the held-row writer").hold(row);
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		long heldRows = (this.held != null) ? this.held.rejected() + this.held.pending() : 0;
		stepExecution.setWriteCount(this.written);
		stepExecution.setFilterCount(heldRows);
		stepExecution.setReadCount(this.written + heldRows);
		if (stepExecution.getStatus() != BatchStatus.COMPLETED || this.finished) {
			return null;
		}
		try {
			List<WrittenFile> files = new ArrayList<>();
			for (int i = 0; i < this.async.size(); i++) {
				this.async.get(i).finish();
				files.addAll(this.parquet.get(i).finish());
			}
			HeldRowWriter held = Opened.part(this.held, "the held-row writer");
			List<WrittenFile> heldFiles = held.finish();
			this.finished = true;
			new StagingManifest(files, this.written, held.rejected(), held.pending(), heldFiles, held.rejectsFile(),
					held.pendingFile())
				.write(this.stagingDir);
			FaultPoint.reach("ingest.staged");
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
		if (this.held != null && !this.finished) {
			try {
				this.held.close();
			}
			catch (UncheckedIOException ex) {
				// the attempt failed anyway; the next one rewrites the held rows
			}
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
