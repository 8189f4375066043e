package org.lottrace.report.fda;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.RecordSet;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.fda.FdaSpreadsheet.Column;
import org.lottrace.report.fda.FdaSpreadsheet.Gap;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/**
 * The Request sheet (what the records cover) and the sheet of missing or doubtful KDEs.
 */
final class RequestSheets {

	/** The version written on the Request sheet when not running from a built jar. */
	static final String DEVELOPMENT = "development";

	static final List<Column> REQUEST_COLUMNS = List.of(ExplanationSheet.text("Item", "What is described"),
			new Column("Value", "", "Its value", "", Column.Type.TEXT));

	static final List<Column> GAP_COLUMNS = List.of(
			ExplanationSheet.text("Gap", "What sort of gap: a missing KDE, a TLC source assumed rather than "
					+ "recorded, a row of an export that was rejected or is pending (it waits for other data), an "
					+ "input that could not be linked to a lot, a location master data does not describe, a mass "
					+ "balance that does not close"),
			ExplanationSheet.text("Lot", "The lot it concerns, where one does"),
			ExplanationSheet.text("Sheet", "The sheet of the missing or doubtful value"),
			new Column("Row", "", "The row on that sheet (the header is row 1)", "", Column.Type.NUMBER),
			ExplanationSheet.text("Cell", "The cell reference on that sheet"),
			ExplanationSheet.text("Column Header", "The column of the value"),
			ExplanationSheet.text("KDE", "The Key Data Element"),
			ExplanationSheet.text("CFR Citation", "The paragraph that requires the KDE"),
			ExplanationSheet.text("Record Key", "The record the KDE belongs to"),
			ExplanationSheet.text("Source File", "The export the record was read from"),
			new Column("Source Line", "", "The line of the export (the header is line 1)", "", Column.Type.NUMBER),
			ExplanationSheet.text("Reason", "What is missing or in doubt, and why"));

	private RequestSheets() {
	}

	static Sheet request(RecordSet records, List<Sheet> cteSheets, int gaps) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		rows.add(Arrays.asList("Title", records.title()));
		for (String line : records.scope()) {
			int colon = line.indexOf(": ");
			rows.add((colon > 0) ? Arrays.asList(line.substring(0, colon), line.substring(colon + 2))
					: Arrays.asList("Scope", line));
		}
		rows.add(Arrays.asList("Prepared for", "An FDA request for records: the electronic sortable spreadsheet of "
				+ "21 CFR 1.1455(c), with the explanations needed to read it"));
		rows.add(Arrays.asList("Generated at", records.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString()));
		rows.add(Arrays.asList("lottrace version", version()));
		rows.add(Arrays.asList("KDE records", records.events().size()));
		records.products()
			.values()
			.stream()
			.sorted(java.util.Comparator.comparing(org.lottrace.kde.Product::code))
			.forEach((p) -> rows.add(Arrays.asList("Food " + p.code(),
					p.name() + "; Food Traceability List: "
							+ ((p.ftlCategory() != null) ? p.ftlCategory() : "not on the list")
							+ "; kill step applied here: " + (p.killStep() ? "yes" : "no"))));
		for (Sheet sheet : cteSheets) {
			int count = Math.toIntExact(records.events().stream().filter((e) -> e.cte() == sheet.cte()).count());
			rows.add(Arrays.asList(sheet.name() + ": KDE records", count));
			rows.add(Arrays.asList(sheet.name() + ": rows", sheet.rows().size()));
		}
		rows.add(Arrays.asList(FdaSpreadsheet.GAPS, gaps));
		return new Sheet(FdaSpreadsheet.REQUEST, "fda-request.csv", null, REQUEST_COLUMNS, rows);
	}

	/**
	 * The gaps of the records' scope (rows held back, inputs not linked, ...) first, then
	 * every missing or doubtful cell.
	 */
	static Sheet gaps(List<org.lottrace.trace.Gap> scope, List<Gap> cells) {
		List<List<@Nullable Object>> rows = new ArrayList<>(scope.size() + cells.size());
		for (org.lottrace.trace.Gap g : scope) {
			rows.add(Arrays.asList(ReportFormat.capitalized(g.kind().label()), g.lot(), null, null, null, null, null,
					null, null, g.file(), g.line(), g.reason()));
		}
		for (Gap g : cells) {
			rows.add(Arrays.asList(ReportFormat.capitalized(g.kind().label()), null, g.sheet(), g.row(), g.cell(),
					g.column(), g.kde(), g.citation(), g.recordKey(), g.sourceFile(), g.sourceLine(), g.reason()));
		}
		return new Sheet(FdaSpreadsheet.GAPS, "fda-gaps.csv", null, GAP_COLUMNS, rows);
	}

	/** The version in the jar manifest, or {@value #DEVELOPMENT}. */
	static String version() {
		String version = RequestSheets.class.getPackage().getImplementationVersion();
		return (version != null) ? version : DEVELOPMENT;
	}

}
