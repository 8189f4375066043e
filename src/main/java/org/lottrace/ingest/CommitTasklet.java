package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;

import org.apache.parquet.format.Util;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.FaultPoint;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Makes an ingestion visible: checks every staged Parquet file's row count against its
 * footer, forces it to disk, moves it into its partition, then writes the commit, then
 * commits the files to the Iceberg tables. Each move is atomic and the store's commit is
 * written after them, so a crash at any point leaves either no commit (the files are
 * invisible orphans and a restart finishes the moves) or a complete one; a crash before
 * the Iceberg commit is made up for by the next run, which rolls the Iceberg tables
 * forward to the commit log. Running it again after a crash is safe.
 */
public class CommitTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(CommitTasklet.class);

	/** Job execution context keys of the ingestion's counts. */
	public static final String READ = "read", WRITTEN = "written", REJECTED = "rejected", PENDING = "pending",
			REJECTS_FILE = "rejectsFile", PENDING_FILE = "pendingFile";

	private final IngestRun run;

	private final StoreLayout layout;

	private final IcebergCatalogs icebergCatalogs;

	private final StoreCatalog catalog;

	private final DuckDb duckDb;

	public CommitTasklet(IngestRun run, StoreLayout layout, IcebergCatalogs icebergCatalogs, StoreCatalog catalog,
			DuckDb duckDb) {
		this.run = run;
		this.layout = layout;
		this.icebergCatalogs = icebergCatalogs;
		this.catalog = catalog;
		this.duckDb = duckDb;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws IOException {
		CommitLog commits = new CommitLog(this.layout);
		Path staging = this.layout.staging(this.run.fileId());
		ExecutionContext jobContext = chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext();
		StoreCommit existing = commits.find(this.run.source(), this.run.sha256()).orElse(null);
		if (existing == null) {
			StagingManifest manifest = StagingManifest.read(staging);
			if (manifest == null) {
				throw new IllegalStateException("The staging folder " + staging + " has no manifest: the ingest step "
						+ "did not finish its files; run the ingestion again");
			}
			existing = commit(manifest, staging, chunkContext.getStepContext().getStepExecution().getJobExecutionId());
			commits.commit(existing);
			FaultPoint.reach("commit.logged");
			commitToIceberg(existing);
			FaultPoint.reach("commit.written");
		}
		else {
			commitToIceberg(existing);
		}
		StagingWriter.deleteRecursively(staging);
		jobContext.putLong(READ, existing.read());
		jobContext.putLong(WRITTEN, existing.written());
		jobContext.putLong(REJECTED, existing.rejected());
		jobContext.putLong(PENDING, existing.pending());
		if (existing.rejectsFile() != null) {
			jobContext.putString(REJECTS_FILE, this.layout.root().resolve(existing.rejectsFile()).toString());
		}
		if (existing.pendingFile() != null) {
			jobContext.putString(PENDING_FILE, this.layout.root().resolve(existing.pendingFile()).toString());
		}
		return RepeatStatus.FINISHED;
	}

	/**
	 * The export's snapshot in the Iceberg tables, after the store's commit: a crash in
	 * between is made up for by the next run ({@link IcebergCommits#rollForward}). So is
	 * a commit the catalog refused (a shared catalog out of reach): the export is in the
	 * store, and the run says so rather than failing as if nothing of it was stored.
	 */
	private void commitToIceberg(StoreCommit commit) {
		if (!IcebergTables.present(this.layout)) {
			return;
		}
		try (IcebergTables tables = this.icebergCatalogs.open()) {
			new IcebergCommits(tables).commit(commit);
		}
		catch (RuntimeException ex) {
			log.warn("{} is in the store, but its Iceberg snapshot could not be made ({}); the next ingestion "
					+ "makes it", commit.file(), rootMessage(ex));
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return String.valueOf(cause.getMessage());
	}

	private StoreCommit commit(StagingManifest manifest, Path staging, long jobExecutionId) throws IOException {
		long total = 0;
		for (WrittenFile file : manifest.files()) {
			Path target = this.layout.root().resolve(file.path());
			moveIn(staging.resolve(file.path()), target, file.rows());
			total += file.rows();
		}
		if (total != manifest.written()) {
			throw new IllegalStateException("The staged files hold " + total + " records, the step wrote "
					+ manifest.written() + "; nothing was committed");
		}
		long held = 0;
		for (WrittenFile file : manifest.heldFiles()) {
			moveIn(staging.resolve(file.path()), this.layout.root().resolve(file.path()), file.rows());
			held += file.rows();
		}
		if (held != manifest.rejected() + manifest.pending()) {
			throw new IllegalStateException("The staged files hold " + held + " rejected or pending rows, the step "
					+ "set aside " + (manifest.rejected() + manifest.pending()) + "; nothing was committed");
		}
		String rejects = report(staging, manifest.rejectsFile(),
				this.layout.rejects(this.run.source(), this.run.fileId()));
		String pending = report(staging, manifest.pendingFile(),
				this.layout.pending(this.run.source(), this.run.fileId()));
		// counted with the files in place and before the commit names them, so that the
		// commit carries it: the trace index looks for earlier versions only when it is
		// not zero
		long superseded;
		try {
			superseded = SupersedeTasklet.count(this.run, this.catalog, this.duckDb);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not count the stored records this export supersedes; nothing was committed: "
							+ ex.getMessage(),
					ex);
		}
		SourceMapping mapping = this.run.mapping();
		return new StoreCommit(this.run.source(), this.run.fileName(), this.run.sha256(), mapping.file().toString(),
				mapping.sha256(), this.run.ingestedAt(), jobExecutionId,
				manifest.written() + manifest.rejected() + manifest.pending(), manifest.written(), manifest.rejected(),
				manifest.pending(), manifest.files(), manifest.heldFiles(), rejects, pending, this.run.resolves(),
				superseded);
	}

	/** Moves a report into the store. @return its path relative to the store root */
	private @Nullable String report(Path staging, @Nullable String name, Path target) {
		if (name == null) {
			return null;
		}
		move(staging.resolve(name), target);
		return this.layout.root().relativize(target).toString().replace('\\', '/');
	}

	private static void moveIn(Path staged, Path target, long rows) throws IOException {
		Path present = Files.exists(staged) ? staged : target;
		long footerRows = footerRows(present);
		if (footerRows != rows) {
			throw new IllegalStateException(present + " holds " + footerRows + " rows, expected " + rows);
		}
		if (present == staged) {
			try (var channel = java.nio.channels.FileChannel.open(staged, java.nio.file.StandardOpenOption.WRITE)) {
				channel.force(true);
			}
			move(staged, target);
		}
	}

	private static void move(Path from, Path to) {
		try {
			if (Files.exists(from)) {
				Files.createDirectories(to.getParent());
				Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				FaultPoint.reach("commit.moved");
			}
			else if (!Files.exists(to)) {
				throw new IllegalStateException("Neither " + from + " nor " + to + " exists");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not move " + from + " to " + to, ex);
		}
	}

	/**
	 * The row count in a Parquet file's footer (read without Hadoop's file-format
	 * classes).
	 */
	static long footerRows(Path file) throws IOException {
		try (SeekableByteChannel channel = Files.newByteChannel(file)) {
			long size = channel.size();
			ByteBuffer tail = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
			channel.position(size - 8);
			while (tail.hasRemaining() && channel.read(tail) > 0) {
				// reading the footer length and magic
			}
			int footerLength = tail.getInt(0);
			if (size < 12 || tail.get(4) != 'P' || tail.get(5) != 'A' || tail.get(6) != 'R' || tail.get(7) != '1') {
				throw new IOException(file + " is not a complete Parquet file");
			}
			channel.position(size - 8 - footerLength);
			return Util.readFileMetaData(Channels.newInputStream(channel)).getNum_rows();
		}
	}

}
