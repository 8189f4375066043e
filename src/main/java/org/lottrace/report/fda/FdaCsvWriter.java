package org.lottrace.report.fda;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.lottrace.report.fda.FdaSpreadsheet.Sheet;
import org.lottrace.store.AtomicFiles;
import org.lottrace.store.SafeCsv;

/**
 * Writes an {@link FdaSpreadsheet} as CSV, one file per sheet ({@code fda-receiving.csv},
 * ..., {@code fda-explanations.csv}, {@code fda-request.csv}, {@code fda-gaps.csv}):
 * UTF-8 with a byte order mark so that Excel reads accents, CRLF line ends, ISO dates,
 * plain numbers, and text guarded against formula evaluation by {@link SafeCsv}.
 */
public final class FdaCsvWriter {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private FdaCsvWriter() {
	}

	/**
	 * Writes every sheet into {@code directory} (created if needed), each file through a
	 * temporary file.
	 * @return the files written, in sheet order
	 */
	public static List<Path> write(FdaSpreadsheet spreadsheet, Path directory) {
		List<Path> files = new ArrayList<>();
		for (Sheet sheet : spreadsheet.sheets()) {
			files.add(AtomicFiles.write(directory.resolve(sheet.fileName()), (out) -> {
				Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
				writer.write(BYTE_ORDER_MARK);
				try (SafeCsv csv = new SafeCsv(writer, sheet.headers())) {
					sheet.rows().forEach(csv::row);
				}
			}));
		}
		return List.copyOf(files);
	}

}
