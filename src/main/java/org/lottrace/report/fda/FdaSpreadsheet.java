package org.lottrace.report.fda;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.report.RecordSet;

/**
 * The FDA electronic sortable spreadsheet (21 CFR 1.1455(c)): one sheet per Critical
 * Tracking Event with one header row and composite KDEs split into columns, plus the
 * explanations, the request's scope and the list of missing or doubtful KDEs. This is the
 * content only; {@link FdaXlsxWriter} and {@link FdaCsvWriter} write it, so both formats
 * read the one column layout ({@link CteLayouts}).
 *
 * @param title what the records are, from the {@link RecordSet}
 * @param generatedAt when the records were selected
 * @param sheets every sheet in workbook order: the seven CTE sheets (Harvesting, Cooling,
 * Initial Packing, First Land-Based Receiving, Shipping, Receiving, Transformation), then
 * Explanations, Request and Missing or doubtful KDEs
 * @param gaps every required KDE that is missing or doubtful, in sheet, row and column
 * order
 */
public record FdaSpreadsheet(String title, Instant generatedAt, List<Sheet> sheets, List<Gap> gaps) {

	public FdaSpreadsheet {
		sheets = List.copyOf(sheets);
		gaps = List.copyOf(gaps);
	}

	/** What a cell reads when a KDE the rule requires is not in the records. */
	public static final String MISSING = "MISSING";

	public static final String EXPLANATIONS = "Explanations";

	public static final String REQUEST = "Request";

	public static final String GAPS = "Missing or doubtful KDEs";

	/** The spreadsheet of a set of records. */
	public static FdaSpreadsheet of(RecordSet records) {
		return FdaSheets.build(records);
	}

	public Sheet sheet(String name) {
		return this.sheets.stream()
			.filter((s) -> s.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no sheet '" + name + "'"));
	}

	public Sheet sheet(Cte cte) {
		return this.sheets.stream()
			.filter((s) -> s.cte() == cte)
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no sheet for " + cte));
	}

	/** The seven CTE sheets, in workbook order. */
	public List<Sheet> cteSheets() {
		return this.sheets.stream().filter((s) -> s.cte() != null).toList();
	}

	/**
	 * A column: its header, the KDE it holds, what it means and the paragraph of 21 CFR
	 * Part 1 it answers.
	 *
	 * @param kde the Key Data Element, e.g. "Location description of the immediate
	 * previous source"
	 * @param description what the column holds, for the explanations sheet
	 * @param citation the paragraph that requires the KDE, e.g. {@code § 1.1345(a)(4)};
	 * empty for the extra sheets
	 */
	public record Column(String header, String kde, String description, String citation, Type type) {

		/** How the values of a column are written. */
		public enum Type {

			/** Text; also every {@link FdaSpreadsheet#MISSING} marker. */
			TEXT,

			/** {@link java.time.LocalDate} values. */
			DATE,

			/** {@link Number} values. */
			NUMBER

		}

	}

	/**
	 * One sheet.
	 *
	 * @param name the worksheet name
	 * @param fileName the CSV file name, e.g. {@code fda-receiving.csv}
	 * @param cte the CTE of a CTE sheet; {@code null} for the extra sheets
	 * @param rows the data rows, in order; each value is a {@link String}, a
	 * {@link java.time.LocalDate}, a {@link Number} or {@code null} for an empty cell
	 */
	public record Sheet(String name, String fileName, @Nullable Cte cte, List<Column> columns,
			List<List<@Nullable Object>> rows) {

		public Sheet {
			columns = List.copyOf(columns);
			List<List<@Nullable Object>> copy = new ArrayList<>(rows.size());
			rows.forEach((row) -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
			rows = Collections.unmodifiableList(copy);
		}

		public List<String> headers() {
			return this.columns.stream().map(Column::header).toList();
		}

		/** The index of a column, by header. */
		public int column(String header) {
			for (int i = 0; i < this.columns.size(); i++) {
				if (this.columns.get(i).header().equals(header)) {
					return i;
				}
			}
			throw new NoSuchElementException("no column '" + header + "' on sheet " + this.name);
		}

		/**
		 * A value by data row (0 is the first row below the header) and column header.
		 */
		public @Nullable Object value(int row, String header) {
			return this.rows.get(row).get(column(header));
		}

		/** The spreadsheet letter of a column: 0 is {@code A}, 26 is {@code AA}. */
		public static String letter(int column) {
			StringBuilder letters = new StringBuilder();
			for (int n = column + 1; n > 0; n = (n - 1) / 26) {
				letters.insert(0, (char) ('A' + (n - 1) % 26));
			}
			return letters.toString();
		}

	}

	/**
	 * A KDE the rule requires that is missing, or a value in doubt.
	 *
	 * @param kind {@link org.lottrace.trace.Gap.Kind#MISSING_KDE}, or
	 * {@link org.lottrace.trace.Gap.Kind#ASSUMED_TLC_SOURCE} for a TLC source that the
	 * mapping assumes rather than reads
	 * @param sheet the sheet name
	 * @param row the row as numbered in the file (the header is row 1)
	 * @param cell the cell reference, e.g. {@code K7}
	 * @param column the column header
	 * @param kde the Key Data Element
	 * @param citation the paragraph that requires it
	 * @param recordKey the record the KDE belongs to
	 * @param sourceFile the export the record was read from
	 * @param sourceLine the line of the export
	 * @param reason what is missing or in doubt, and why
	 */
	public record Gap(org.lottrace.trace.Gap.Kind kind, String sheet, int row, String cell, String column, String kde,
			String citation, String recordKey, String sourceFile, long sourceLine, String reason) {

	}

}
