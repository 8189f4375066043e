package org.lottrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * Writes CSV that spreadsheet programs open safely: a text cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so that no
 * value is ever run as a formula (CSV injection). Numbers are written as numbers. Fields
 * are quoted where needed, lines end with CRLF (RFC 4180), text is UTF-8.
 */
public final class SafeCsv implements AutoCloseable {

	private final CSVPrinter printer;

	public SafeCsv(Writer writer, List<String> header) {
		try {
			this.printer = CSVFormat.RFC4180.builder().get().print(writer);
			this.printer.printRecord(header.stream().map(SafeCsv::text).toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Writes a row; {@link Number} values are written as numbers, everything else as
	 * guarded text.
	 */
	public void row(List<?> values) {
		try {
			for (Object value : values) {
				this.printer.print((value instanceof Number) ? value : text(value));
			}
			this.printer.println();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The cell text of a value: empty for {@code null}, guarded against formula
	 * evaluation.
	 */
	public static String text(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		String text = (value instanceof java.math.BigDecimal d) ? d.stripTrailingZeros().toPlainString()
				: value.toString();
		return isFormulaLike(text) ? "'" + text : text;
	}

	/** True when a spreadsheet program could take the text for a formula. */
	public static boolean isFormulaLike(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
	}

	public void flush() {
		try {
			this.printer.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		try {
			this.printer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
