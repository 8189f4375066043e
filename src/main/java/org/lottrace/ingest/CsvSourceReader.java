package org.lottrace.ingest;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.SourceMapping.Dialect;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Reads an export with Apache Commons CSV in the source's dialect: encoding (a byte-order
 * mark wins over the configured encoding), title lines to skip, header row, delimiter,
 * quote, escape and comments. Any line ending is accepted. Bytes that are not valid in
 * the encoding fail the file rather than being silently replaced. It keeps no restart
 * state: a failed ingestion starts the file again, since its Parquet output is rewritten
 * whole.
 */
public class CsvSourceReader implements SourceReader {

	private final Path file;

	private final Dialect dialect;

	private @Nullable CountingInputStream bytes;

	private @Nullable CSVParser parser;

	private @Nullable Iterator<CSVRecord> records;

	private final Consumer<List<String>> onHeader;

	private List<String> header = List.of();

	private Charset charset;

	/**
	 * The parser's line where the last record read ended: the next record starts on the
	 * line after it. (The parser's own line number has moved past the record its iterator
	 * holds ready.)
	 */
	private long lastRecordEnd;

	/**
	 * @param onHeader called once the file is open, with its header (empty without one):
	 * where the mapping is checked against the header, so that a drifted export fails
	 * before any row is read
	 */
	public CsvSourceReader(Path file, Dialect dialect, Consumer<List<String>> onHeader) {
		this.file = file;
		this.dialect = dialect;
		this.onHeader = onHeader;
		this.charset = dialect.encoding();
	}

	@Override
	public void open(ExecutionContext executionContext) throws ItemStreamException {
		try {
			this.bytes = new CountingInputStream(Files.newInputStream(this.file));
			BOMInputStream bom = BOMInputStream.builder()
				.setInputStream(new BufferedInputStream(this.bytes, 1 << 16))
				.setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
				.get();
			this.charset = bom.hasBOM() ? Charset.forName(bom.getBOMCharsetName()) : this.dialect.encoding();
			Reader reader = skipLines(new InputStreamReader(bom, decoder(this.charset)), this.dialect.skipLines());
			this.parser = CSVParser.builder().setReader(reader).setFormat(format()).get();
			this.records = this.parser.iterator();
			if (this.dialect.header()) {
				readHeader();
			}
			this.lastRecordEnd = this.parser.getCurrentLineNumber();
		}
		catch (IOException | UncheckedIOException ex) {
			close();
			throw new SourceFileException(
					this.file.getFileName() + ": " + where(ex, "cannot read the file") + ": " + message(ex), ex);
		}
		try {
			this.onHeader.accept(this.header);
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	private void readHeader() {
		Iterator<CSVRecord> records = Opened.part(this.records, "the CSV reader");
		if (!records.hasNext()) {
			throw new SourceFileException(this.file.getFileName()
					+ ": the file is empty; expected a header line at line " + (this.dialect.skipLines() + 1));
		}
		this.header = records.next().toList().stream().map(String::trim).toList();
	}

	private CSVFormat format() {
		return CSVFormat.Builder.create()
			.setDelimiter(this.dialect.delimiter())
			.setQuote(this.dialect.quote())
			.setEscape(this.dialect.escape())
			.setCommentMarker(this.dialect.comment())
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(false)
			.setTrim(false)
			.setRecordSeparator("\n")
			.get();
	}

	/** Skips title lines, ended by LF, CRLF or CR as the parser's lines are. */
	private static Reader skipLines(Reader reader, int lines) throws IOException {
		if (lines == 0) {
			return reader;
		}
		BufferedReader buffered = new BufferedReader(reader, 1 << 16);
		for (int i = 0; i < lines && buffered.readLine() != null; i++) {
			// a title line
		}
		return buffered;
	}

	private static CharsetDecoder decoder(Charset charset) {
		return charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
	}

	/** The header's column names, trimmed; empty when the dialect has no header. */
	public List<String> header() {
		return this.header;
	}

	@Override
	public long bytesRead() {
		CountingInputStream counter = this.bytes;
		return (counter != null) ? counter.count : 0;
	}

	@Override
	public @Nullable SourceRow read() {
		try {
			Iterator<CSVRecord> records = Opened.part(this.records, "the CSV reader");
			CSVParser parser = Opened.part(this.parser, "the CSV parser");
			while (records.hasNext()) {
				CSVRecord record = records.next();
				long line = this.lastRecordEnd + 1 + commentLines(record) + this.dialect.skipLines();
				this.lastRecordEnd = parser.getCurrentLineNumber();
				if (record.size() == 1 && record.get(0).isBlank()) {
					continue;
				}
				return new SourceRow(line, record);
			}
			return null;
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			long line = this.lastRecordEnd + 1 + this.dialect.skipLines();
			throw new SourceFileException(
					this.file.getFileName() + ": " + where(ex, "cannot read line " + line) + ": " + message(ex), ex);
		}
	}

	private static long commentLines(CSVRecord record) {
		String comment = record.getComment();
		return (comment != null) ? comment.chars().filter((c) -> c == '\n').count() + 1 : 0;
	}

	private String message(Exception ex) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		if (cause instanceof CharacterCodingException) {
			return "bytes that are not valid " + this.charset.name()
					+ "; set csv.encoding in the mapping (e.g. windows-1252)";
		}
		return String.valueOf(cause.getMessage());
	}

	/**
	 * Where the file failed. Bytes are decoded a buffer ahead of the parser, so for bytes
	 * that are not valid in the encoding the file is searched for the line that holds
	 * them.
	 */
	private String where(Exception ex, String otherwise) {
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		long line = (cause instanceof CharacterCodingException) ? InvalidBytes.line(this.file, this.charset) : 0;
		return (line > 0) ? "line " + line : otherwise;
	}

	@Override
	public void close() {
		try {
			if (this.parser != null) {
				this.parser.close();
			}
			else if (this.bytes != null) {
				this.bytes.close();
			}
		}
		catch (IOException ex) {
			// nothing left to read from it
		}
		finally {
			this.parser = null;
			this.records = null;
		}
	}

	private static final class CountingInputStream extends FilterInputStream {

		private volatile long count;

		CountingInputStream(InputStream in) {
			super(in);
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				this.count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				this.count += n;
			}
			return n;
		}

	}

}
