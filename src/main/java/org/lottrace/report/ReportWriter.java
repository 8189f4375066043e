package org.lottrace.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

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
		SideBySide side = new SideBySide("trace-reports");
		// the summary and its drawing (the layout) take as long as the other reports
		// together
		side.start((pages) -> {
			// laid out once for both files; the layout counts in the summary's time
			TraceSummaryWriter.Drawing[] drawing = new TraceSummaryWriter.Drawing[1];
			time(pages, SUMMARY, () -> {
				drawing[0] = this.summary.draw(analysis);
				this.summary.write(findings, drawing[0], folder.file(SUMMARY));
			});
			time(pages, GENEALOGY, () -> {
				String svg = drawing[0].standaloneSvg();
				if (svg != null) {
					// on its own (not inside the HTML summary) an SVG needs its
					// namespace,
					// or a browser does not draw it
					AtomicFiles.writeString(folder.file(GENEALOGY), svg.startsWith("<svg xmlns=") ? svg
							: svg.replaceFirst("^<svg ", "<svg xmlns=\"http://www.w3.org/2000/svg\" "));
				}
			});
		});
		return side.writeHere((timings) -> {
			time(timings, TRACE_JSON, () -> json(TraceAnswers.of(findings), folder.file(TRACE_JSON)));
			time(timings, FDA_XLSX, () -> FdaXlsxWriter.write(findings.spreadsheet(), folder.file(FDA_XLSX)));
			time(timings, FDA_CSV, () -> FdaCsvWriter.write(findings.spreadsheet(), folder.file(FDA_CSV)));
			time(timings, EpcisDocument.FILE,
					() -> EpcisReport.write(findings.records(), this.clock.getZone(), folder.file(EpcisDocument.FILE)));
			time(timings, MOCK_RECALL, () -> this.mockRecall.write(findings,
					new MockRecallTimes(started, this.clock.instant()), folder.file(MOCK_RECALL)));
		});
	}

	/** Writes the reports of a records request. @return milliseconds per report */
	public Map<String, Long> records(RecordSelection records, ReportFolder folder) {
		Map<String, Long> timings = new LinkedHashMap<>();
		time(timings, RECORDS_JSON, () -> json(RecordsAnswer.of(records), folder.file(RECORDS_JSON)));
		RecordSet set = RecordSets.of(records);
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(set);
		// three files of the same records, each seconds long for a request of two years
		SideBySide side = new SideBySide("records-reports");
		side.start((epcis) -> time(epcis, EpcisDocument.FILE,
				() -> EpcisReport.write(set, this.clock.getZone(), folder.file(EpcisDocument.FILE))));
		side.start((csv) -> time(csv, FDA_CSV, () -> FdaCsvWriter.write(spreadsheet, folder.file(FDA_CSV))));
		timings.putAll(side
			.writeHere((xlsx) -> time(xlsx, FDA_XLSX, () -> FdaXlsxWriter.write(spreadsheet, folder.file(FDA_XLSX)))));
		return timings;
	}

	/** The FDA electronic sortable spreadsheet's sheets as CSV files, in this folder. */
	public static final String FDA_CSV = "csv";

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
