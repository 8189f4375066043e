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

	private final SourceMapping.Dialect dialect;

	private @Nullable CSVPrinter rejects;

	private @Nullable CSVPrinter pending;

	private long rejectedRows;

	private long pendingRows;

	HeldRowWriter(Path stagingDir, IngestRun run, WriterSettings settings, Map<String, String> metadata) {
		this.stagingDir = stagingDir;
		this.run = run;
		this.parquet = new PartitionedParquetWriter<>(StoreSchemas.HELD_ROW, stagingDir, run.fileId() + ".parquet",
				settings, metadata);
		this.dialect = run.mapping().dialect();
	}

	void hold(MappedRow.Held held) {
		Provenance provenance = new Provenance(this.run.source(), this.run.fileName(), this.run.sha256(), held.line(),
				this.run.ingestedAt());
		this.parquet.write(new HeldRow(held.pending(), this.run.mapping().kind().code(), held.recordKey(),
				held.fieldTexts(), held.violations(), held.raw(), held.eventDate(), provenance));
		String row = line(held.raw(), this.dialect);
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

	/**
	 * A row's fields as the export wrote them: joined by its delimiter, a field quoted
	 * only when it has to be (it holds the delimiter, the quote or a line break), so that
	 * a row read from a line reads back as that line, control characters and all. A
	 * general CSV printer quotes more (a field that starts with a control character or a
	 * {@code #}), and would show a row the export never had.
	 */
	static String line(List<String> fields, SourceMapping.Dialect dialect) {
		StringBuilder line = new StringBuilder();
		Character quote = dialect.quote();
		for (int i = 0; i < fields.size(); i++) {
			String field = fields.get(i);
			if (i > 0) {
				line.append(dialect.delimiter());
			}
			boolean quoted = quote != null && (field.indexOf(dialect.delimiter()) >= 0 || field.indexOf(quote) >= 0
					|| field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0);
			if (quoted) {
				String q = String.valueOf(quote);
				line.append(quote).append(field.replace(q, q + q)).append(quote);
			}
			else {
				line.append(field);
			}
		}
		return line.toString();
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
