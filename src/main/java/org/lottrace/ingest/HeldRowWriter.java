package org.lottrace.ingest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Provenance;
import org.lottrace.store.HeldRow;
import org.lottrace.store.PartitionedParquetWriter;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.StoreSchemas;

/**
 * Keeps the rows of one ingestion that did not become records: every one in the store's
 * {@code held} table (what pending rows are mapped again from, and what traces check for
 * gaps), and, for people, a CSV report of the rejected rows and one of the pending rows:
 * one line per reason, with the row's fields exactly as read. The reports are data files,
 * not formula-guarded: a value is shown as the export had it.
 */
final class HeldRowWriter {

	static final List<String> REJECT_COLUMNS = List.of("source", "file", "line", "field", "value", "reason", "row");

	static final List<String> PENDING_COLUMNS = List.of("source", "file", "line", "field", "value", "waits_for",
			"reason", "row");

	static final String REJECTS_FILE = "rejects.csv", PENDING_FILE = "pending.csv";

	private final Path stagingDir;

	private final IngestRun run;

	private final PartitionedParquetWriter<HeldRow> parquet;

	private final CSVFormat rowFormat;

	private @Nullable CSVPrinter rejects;

	private @Nullable CSVPrinter pending;

	private long rejectedRows;

	private long pendingRows;

	HeldRowWriter(Path stagingDir, IngestRun run, WriterSettings settings, Map<String, String> metadata) {
		this.stagingDir = stagingDir;
		this.run = run;
		this.parquet = new PartitionedParquetWriter<>(StoreSchemas.HELD_ROW, stagingDir, run.fileId() + ".parquet",
				settings, metadata);
		this.rowFormat = CSVFormat.DEFAULT.builder()
			.setDelimiter(run.mapping().dialect().delimiter())
			.setRecordSeparator("")
			.get();
	}

	void hold(MappedRow.Held held) {
		Provenance provenance = new Provenance(this.run.source(), this.run.fileName(), this.run.sha256(), held.line(),
				this.run.ingestedAt());
		this.parquet.write(new HeldRow(held.pending(), this.run.mapping().kind().code(), held.recordKey(),
				held.fieldTexts(), held.violations(), held.raw(), held.eventDate(), provenance));
		String row = this.rowFormat.format(held.raw().toArray());
		try {
			if (held.pending()) {
				this.pending = (this.pending != null) ? this.pending : open(PENDING_FILE, PENDING_COLUMNS);
				for (KdeViolation v : held.violations()) {
					this.pending.printRecord(this.run.source(), this.run.fileName(), held.line(), v.field(), value(v),
							v.waitsFor(), v.reason(), row);
				}
				this.pendingRows++;
			}
			else {
				this.rejects = (this.rejects != null) ? this.rejects : open(REJECTS_FILE, REJECT_COLUMNS);
				for (KdeViolation v : held.violations()) {
					this.rejects.printRecord(this.run.source(), this.run.fileName(), held.line(), v.field(), value(v),
							v.reason(), row);
				}
				this.rejectedRows++;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the held rows of " + this.run.fileName(), ex);
		}
	}

	private static String value(KdeViolation violation) {
		return (violation.value() != null) ? violation.value() : "";
	}

	private CSVPrinter open(String name, List<String> columns) throws IOException {
		BufferedWriter out = Files.newBufferedWriter(this.stagingDir.resolve(name), StandardCharsets.UTF_8);
		return CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get().print(out);
	}

	long rejected() {
		return this.rejectedRows;
	}

	long pending() {
		return this.pendingRows;
	}

	/** Finishes the files. @return the held-row Parquet files written */
	List<WrittenFile> finish() {
		List<WrittenFile> files = new ArrayList<>(this.parquet.finish());
		close();
		return files;
	}

	@Nullable String rejectsFile() {
		return (this.rejectedRows > 0) ? REJECTS_FILE : null;
	}

	@Nullable String pendingFile() {
		return (this.pendingRows > 0) ? PENDING_FILE : null;
	}

	/** Closes what is open; after a failure the next attempt rewrites everything. */
	void close() {
		this.parquet.close();
		for (CSVPrinter printer : new CSVPrinter[] { this.rejects, this.pending }) {
			if (printer != null) {
				try {
					printer.close();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		this.rejects = null;
		this.pending = null;
	}

}
