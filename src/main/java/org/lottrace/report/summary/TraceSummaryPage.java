package org.lottrace.report.summary;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.lottrace.report.GapRow;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.TraceNames;
import org.lottrace.report.summary.BalanceSection.BalanceRow;
import org.lottrace.report.summary.BatchSection.BatchView;
import org.lottrace.report.summary.IngredientSection.IngredientView;
import org.lottrace.report.summary.ShipmentSection.ShipmentView;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult;

/**
 * Everything the trace summary template shows, already formatted: the header, the three
 * answers, the genealogy drawing, the mass balance and what the answer could not see.
 */
record TraceSummaryPage(Header header, List<String> headlines, List<BatchView> batches, boolean tracedBackward,
		List<IngredientView> ingredients, boolean tracedForward, ShipmentView forward, Genealogy genealogy,
		List<BalanceRow> balances, boolean complete, String verdict, List<GapRow> gaps, String what) {

	/** The summary leaves out the audit columns of the mock-recall report. */
	boolean audit() {
		return false;
	}

	/** The request and how it was answered. */
	record Header(String subject, String direction, String reason, String tracedAt, String took, int lots,
			String generatedAt, String version) {

		static Header of(TraceResult result, ReportFormat format, Instant now) {
			TraceRequest request = result.request();
			String reason = (request.reason() != null) ? request.reason() : "";
			return new Header(request.subject(), request.direction().name().toLowerCase(Locale.ROOT), reason,
					format.instant(result.tracedAt()), ReportFormat.duration(result.elapsed()), result.lots().size(),
					format.instant(now), ReportFormat.version());
		}

	}

	/** The drawing, and what the reader should know about it. */
	record Genealogy(String svg, String note, boolean collapsed) {

	}

	static TraceSummaryPage of(TraceFindings findings, Genealogy genealogy, ReportFormat format, Instant now) {
		TraceAnalysis analysis = findings.analysis();
		TraceResult result = analysis.result();
		TraceNames names = new TraceNames(result);
		Direction direction = result.request().direction();
		List<BatchView> batches = BatchSection.of(analysis, names);
		ShipmentView shipments = ShipmentSection.of(analysis, names);
		List<BalanceRow> balances = BalanceSection.rows(BalanceSection.balances(analysis, names, true), names);
		return new TraceSummaryPage(Header.of(result, format, now), SummaryHeadlines.of(analysis, names, shipments),
				batches, direction != Direction.FORWARD, IngredientSection.of(analysis, names),
				direction != Direction.BACKWARD, shipments, genealogy, balances, findings.complete(),
				GapRow.verdict(findings.gaps()), GapRow.of(findings.gaps()), BatchSection.what(analysis, names));
	}

}
