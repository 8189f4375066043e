package org.lottrace.report.fda;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.KdeEvent;
import org.lottrace.report.RecordSet;
import org.lottrace.report.fda.FdaSpreadsheet.Gap;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/** Builds an {@link FdaSpreadsheet}: the CTE sheets row by row, then the extra sheets. */
final class FdaSheets {

	private FdaSheets() {
	}

	static FdaSpreadsheet build(RecordSet records) {
		RecordLookup lookup = new RecordLookup(records);
		List<Sheet> sheets = new ArrayList<>();
		List<Gap> gaps = new ArrayList<>();
		for (Cte cte : Cte.values()) {
			List<CteRow> rows = (cte == Cte.TRANSFORMATION) ? TransformationRows.of(lookup, records.events())
					: records.events().stream().filter((e) -> e.cte() == cte).map((e) -> CteRow.of(lookup, e)).toList();
			sheets.add(sheet(cte, CteLayouts.of(cte), rows, gaps));
		}
		List<Sheet> cteSheets = List.copyOf(sheets);
		sheets.add(ExplanationSheet.of(records, cteSheets));
		sheets.add(RequestSheets.request(records, cteSheets, gaps.size() + records.gaps().size()));
		sheets.add(RequestSheets.gaps(records.gaps(), gaps));
		return new FdaSpreadsheet(records.title(), records.generatedAt(), List.copyOf(sheets), List.copyOf(gaps));
	}

	/** Sorts the rows, fills their cells and records the gaps with their row numbers. */
	static Sheet sheet(Cte cte, List<KdeColumn> layout, List<CteRow> facts, List<Gap> gaps) {
		String name = CteLayouts.sheetName(cte);
		List<CteRow> sorted = facts.stream().sorted(CteRow.ORDER).toList();
		List<List<@Nullable Object>> rows = new ArrayList<>(sorted.size());
		for (int r = 0; r < sorted.size(); r++) {
			List<@Nullable Object> row = new ArrayList<>(layout.size());
			for (int c = 0; c < layout.size(); c++) {
				SheetCell cell = layout.get(c).value().apply(sorted.get(r));
				row.add(cell.value());
				String reason = cell.gap();
				KdeEvent record = cell.record();
				if (reason != null && record != null) {
					gaps.add(gap(name, r + 2, c, layout.get(c), cell, reason, record));
				}
			}
			rows.add(row);
		}
		return new Sheet(name, CteLayouts.fileName(cte), cte, layout.stream().map(KdeColumn::column).toList(), rows);
	}

	private static Gap gap(String sheet, int row, int column, KdeColumn kdeColumn, SheetCell cell, String reason,
			KdeEvent record) {
		FdaSpreadsheet.Column c = kdeColumn.column();
		return new Gap(cell.kind(), sheet, row, Sheet.letter(column) + row, c.header(), c.kde(), c.citation(),
				record.recordKey(), record.provenance().file(), record.provenance().line(), reason);
	}

}
