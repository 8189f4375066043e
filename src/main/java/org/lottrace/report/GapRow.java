package org.lottrace.report;

import java.util.List;
import java.util.Objects;

import org.lottrace.trace.Gap;

/**
 * One gap of an answer, formatted for the HTML reports.
 *
 * @param kind what sort of gap ({@code Pending row})
 * @param lot the lot it concerns, or empty
 * @param reason what is missing and why
 * @param where the export file and line, or empty
 */
public record GapRow(String kind, String lot, String reason, String where) {

	public static List<GapRow> of(List<Gap> gaps) {
		return gaps.stream()
			.map((g) -> new GapRow(ReportFormat.capitalized(g.kind().label()), Objects.toString(g.lot(), ""),
					g.reason(), Objects.toString(g.where(), "")))
			.toList();
	}

	/** The verdict at the top of a report. */
	public static String verdict(List<Gap> gaps) {
		return Gap.verdict(gaps) + (gaps.isEmpty() ? "" : " Every gap is listed below.");
	}

}
