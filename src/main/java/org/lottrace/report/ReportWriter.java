package org.lottrace.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.lottrace.epcis.EpcisDocument;
import org.lottrace.report.fda.FdaCsvWriter;
import org.lottrace.report.fda.FdaSpreadsheet;
import org.lottrace.report.fda.FdaXlsxWriter;
import org.lottrace.report.recall.MockRecallTimes;
import org.lottrace.report.recall.MockRecallWriter;
import org.lottrace.report.summary.TraceSummaryWriter;
import org.lottrace.store.AtomicFiles;
import org.lottrace.trace.RecordSelection;
import org.lottrace.trace.TraceAnalysis;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the files of a report folder and says how long each took. A trace gets the
 * answers as JSON ({@link TraceAnswers}, what the HTTP API serves), the trace summary,
 * its genealogy drawing, the mock-recall report and the FDA sortable spreadsheet of every
 * record reached; a records request gets the FDA spreadsheet. Both get the same records
 * as an EPCIS 2.0 document ({@code epcis.jsonld}), always: it takes milliseconds, and a
 * partner who asks for EPCIS should not need the request run again.
 */
@Component
public class ReportWriter {

	public static final String TRACE_JSON = "trace.json";

	public static final String RECORDS_JSON = "records.json";

	public static final String SUMMARY = "trace-summary.html";

	public static final String GENEALOGY = "genealogy.svg";

	public static final String MOCK_RECALL = "mock-recall.html";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final Clock clock;

	private final TraceSummaryWriter summary;

	private final MockRecallWriter mockRecall;

	public ReportWriter(Clock clock) {
		this.clock = clock;
		this.summary = new TraceSummaryWriter(clock, TraceSummaryWriter.DEFAULT_FROM_START_LIMIT,
				TraceSummaryWriter.DEFAULT_OTHER_FORWARD_LIMIT);
		this.mockRecall = new MockRecallWriter(clock);
	}

	/**
	 * Writes the reports of a trace.
	 * @param started when the request came in: the mock recall's start time
	 * @return milliseconds per report
	 */
	public Map<String, Long> trace(TraceFindings findings, Instant started, ReportFolder folder) {
		TraceAnalysis analysis = findings.analysis();
		// the summary and its drawing (the layout) take as long as the other reports
		// together: on a thread of their own they are written side by side
		FutureTask<Map<String, Long>> pages = new FutureTask<>(() -> {
			Map<String, Long> timings = new LinkedHashMap<>();
			time(timings, SUMMARY, () -> this.summary.write(findings, folder.file(SUMMARY)));
			time(timings, GENEALOGY, () -> {
				String svg = this.summary.genealogySvg(analysis);
				if (svg != null) {
					// on its own (not inside the HTML summary) an SVG needs its
					// namespace,
					// or a browser does not draw it
					AtomicFiles.writeString(folder.file(GENEALOGY), svg.startsWith("<svg xmlns=") ? svg
							: svg.replaceFirst("^<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" "));
				}
			});
			return timings;
		});
		new Thread(pages, "report-pages").start();
		Map<String, Long> timings = new LinkedHashMap<>();
		try {
			time(timings, TRACE_JSON, () -> json(TraceAnswers.of(findings), folder.file(TRACE_JSON)));
			time(timings, "fda", () -> fda(findings.spreadsheet(), folder));
			time(timings, EpcisDocument.FILE,
					() -> EpcisReport.write(findings.records(), this.clock.getZone(), folder.file(EpcisDocument.FILE)));
			time(timings, MOCK_RECALL, () -> this.mockRecall.write(findings,
					new MockRecallTimes(started, this.clock.instant()), folder.file(MOCK_RECALL)));
		}
		finally {
			timings.putAll(finish(pages));
		}
		return timings;
	}

	/** Waits for the pages, and throws what their thread threw. */
	private static Map<String, Long> finish(FutureTask<Map<String, Long>> pages) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return pages.get();
				}
				catch (InterruptedException ex) {
					// the files are being written: let them finish rather than leave a
					// half-written report behind
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Writes the reports of a records request. @return milliseconds per report */
	public Map<String, Long> records(RecordSelection records, ReportFolder folder) {
		Map<String, Long> timings = new LinkedHashMap<>();
		time(timings, RECORDS_JSON, () -> json(RecordsAnswer.of(records), folder.file(RECORDS_JSON)));
		RecordSet set = RecordSets.of(records);
		time(timings, "fda", () -> fda(FdaSpreadsheet.of(set), folder));
		time(timings, EpcisDocument.FILE,
				() -> EpcisReport.write(set, this.clock.getZone(), folder.file(EpcisDocument.FILE)));
		return timings;
	}

	private static void fda(FdaSpreadsheet spreadsheet, ReportFolder folder) {
		FdaXlsxWriter.write(spreadsheet, folder.file(FDA_XLSX));
		FdaCsvWriter.write(spreadsheet, folder.file("csv"));
	}

	/** The FDA electronic sortable spreadsheet, as a workbook. */
	public static final String FDA_XLSX = "fda-sortable-spreadsheet.xlsx";

	static void time(Map<String, Long> timings, String name, Runnable work) {
		long started = System.nanoTime();
		work.run();
		timings.put(name, (System.nanoTime() - started) / 1_000_000);
	}

	static void json(Object value, Path file) {
		AtomicFiles.write(file, (out) -> JSON.writeValue(out, value));
	}

}
