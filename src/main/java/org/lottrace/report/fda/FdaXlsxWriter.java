package org.lottrace.report.fda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;
import org.lottrace.report.fda.FdaSpreadsheet.Column;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;
import org.lottrace.store.AtomicFiles;

/**
 * Writes an {@link FdaSpreadsheet} as one XLSX workbook with fastexcel, streaming: one
 * worksheet per sheet, the header row frozen and under an AutoFilter so that every column
 * sorts and filters, dates as date cells ({@code yyyy-mm-dd}), numbers as numbers and
 * text as text. No cell is ever a formula: fastexcel stores strings as shared strings, so
 * a value such as {@code =1+1} opens as the text it is.
 */
public final class FdaXlsxWriter {

	static final String DATE_FORMAT = "yyyy-mm-dd";

	private static final int FLUSH_EVERY = 1000;

	private static final int MIN_WIDTH = 8;

	/** Three lines of wrapped header text. */
	private static final double HEADER_HEIGHT = 45;

	private static final int MAX_WIDTH = 60;

	private FdaXlsxWriter() {
	}

	/**
	 * Writes the workbook to {@code file} through a temporary file in the same folder.
	 * @return {@code file}
	 */
	public static Path write(FdaSpreadsheet spreadsheet, Path file) {
		return AtomicFiles.write(file, (out) -> write(spreadsheet, out));
	}

	private static void write(FdaSpreadsheet spreadsheet, OutputStream out) throws IOException {
		Workbook workbook = new Workbook(out, "lottrace", null);
		workbook.properties().setTitle(spreadsheet.title());
		for (Sheet sheet : spreadsheet.sheets()) {
			Worksheet worksheet = workbook.newWorksheet(sheet.name());
			header(worksheet, sheet);
			List<List<@Nullable Object>> rows = sheet.rows();
			for (int r = 0; r < rows.size(); r++) {
				row(worksheet, r + 1, rows.get(r));
				if ((r + 1) % FLUSH_EVERY == 0) {
					worksheet.flush();
				}
			}
			worksheet.finish();
		}
		workbook.finish();
	}

	/**
	 * Widths, the frozen header row and the AutoFilter go before the first row is
	 * flushed.
	 */
	private static void header(Worksheet worksheet, Sheet sheet) {
		List<Column> columns = sheet.columns();
		for (int c = 0; c < columns.size(); c++) {
			worksheet.width(c, width(sheet, c));
			worksheet.value(0, c, columns.get(c).header());
		}
		worksheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDEBF7").wrapText(true).set();
		worksheet.rowHeight(0, HEADER_HEIGHT);
		worksheet.freezePane(0, 1);
		worksheet.setAutoFilter(0, 0, sheet.rows().size(), columns.size() - 1);
	}

	private static void row(Worksheet worksheet, int r, List<@Nullable Object> values) {
		for (int c = 0; c < values.size(); c++) {
			Object value = values.get(c);
			if (value instanceof LocalDate date) {
				worksheet.value(r, c, date);
				worksheet.style(r, c).format(DATE_FORMAT).set();
			}
			else if (value instanceof Number number) {
				worksheet.value(r, c, number);
			}
			else if (value != null) {
				worksheet.value(r, c, value.toString());
			}
		}
	}

	/** Wide enough for the header and the longest value, within bounds. */
	static int width(Sheet sheet, int column) {
		if (sheet.columns().get(column).type() == Column.Type.DATE) {
			return Math.max(12, Math.min(sheet.columns().get(column).header().length(), 24));
		}
		int longest = Math.min(sheet.columns().get(column).header().length(), 24);
		for (List<@Nullable Object> row : sheet.rows()) {
			Object value = row.get(column);
			if (value != null) {
				longest = Math.max(longest, value.toString().length());
				if (longest >= MAX_WIDTH) {
					break;
				}
			}
		}
		return Math.max(MIN_WIDTH, Math.min(longest + 2, MAX_WIDTH));
	}

}
