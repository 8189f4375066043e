package org.lottrace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.lottrace.kde.KdeEvent;
import org.lottrace.report.fda.FdaSpreadsheet;
import org.lottrace.trace.Gap;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * A trace's answers together with everything they could not see: the gaps of the trace
 * (rows of its scope rejected or pending, inputs not linked, unknown locations, mass
 * balances that do not close) and the KDEs the FDA spreadsheet of its records finds
 * missing. Every output of a trace (command line, {@code trace.json}, the HTML summary,
 * the mock-recall report, the spreadsheet's gaps sheet, the page) shows the same list,
 * and says the answer is incomplete when it is not empty.
 *
 * @param analysis the answers
 * @param records every record reached, with what the reports need to show them
 * @param spreadsheet the FDA sortable spreadsheet of those records
 * @param gaps every gap, the trace's first, then missing KDEs (one per KDE and reason)
 */
public record TraceFindings(TraceAnalysis analysis, RecordSet records, FdaSpreadsheet spreadsheet, List<Gap> gaps) {

	public TraceFindings {
		gaps = List.copyOf(gaps);
	}

	/** True when the answer saw everything in its scope. */
	public boolean complete() {
		return this.gaps.isEmpty();
	}

	public static TraceFindings of(TraceAnalysis analysis) {
		RecordSet records = RecordSets.of(analysis.result(), analysis.gaps());
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(records);
		List<Gap> gaps = new ArrayList<>(analysis.gaps());
		gaps.addAll(missingKdes(analysis.result(), spreadsheet.gaps()));
		return new TraceFindings(analysis, records, spreadsheet, gaps);
	}

	/**
	 * The spreadsheet's missing or doubtful KDE cells, one gap per KDE and reason, with
	 * the lots concerned and the first export line.
	 */
	static List<Gap> missingKdes(TraceResult result, List<FdaSpreadsheet.Gap> cells) {
		Map<KdeEvent, TracedLot> lots = new LinkedHashMap<>();
		Map<String, KdeEvent> byKey = new LinkedHashMap<>();
		result.events().forEach((e) -> byKey.put(e.recordKey(), e));
		Map<String, List<FdaSpreadsheet.Gap>> grouped = new LinkedHashMap<>();
		for (FdaSpreadsheet.Gap cell : cells) {
			if (cell.kind() == Gap.Kind.ASSUMED_TLC_SOURCE) {
				// stated by the site for every record of a source: listed on the gaps
				// sheet,
				// not a gap of the answer
				continue;
			}
			grouped
				.computeIfAbsent(cell.kind() + "\u001f" + cell.kde() + "\u001f" + cell.reason(),
						(k) -> new ArrayList<>())
				.add(cell);
		}
		List<Gap> gaps = new ArrayList<>();
		grouped.values().forEach((same) -> {
			FdaSpreadsheet.Gap first = same.get(0);
			TreeSet<String> labels = new TreeSet<>();
			for (FdaSpreadsheet.Gap cell : same) {
				KdeEvent event = byKey.get(cell.recordKey());
				TracedLot lot = (event != null) ? lots.computeIfAbsent(event, result::lotOf) : null;
				if (lot != null) {
					labels.add(result.label(lot));
				}
			}
			String rows = (same.size() == 1) ? "row " + first.row() : same.size() + " rows";
			gaps.add(new Gap(first.kind(), labels.isEmpty() ? null : String.join(", ", labels), first.kde() + " ("
					+ first.citation() + "), " + rows + " of the " + first.sheet() + " sheet: " + first.reason(), null,
					first.sourceFile(), first.sourceLine()));
		});
		return gaps;
	}

}
