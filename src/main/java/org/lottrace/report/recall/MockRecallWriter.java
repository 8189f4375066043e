package org.lottrace.report.recall;

import java.nio.file.Path;
import java.time.Clock;

import org.lottrace.report.ReportFormat;
import org.lottrace.report.ReportTemplates;
import org.lottrace.report.TraceFindings;
import org.lottrace.store.AtomicFiles;

/**
 * Writes the report of a BRCGS / SQF traceability test (mock recall) as one
 * self-contained HTML file: the scenario, start and finish times with the verdict against
 * the 4-hour target, the backward trace (supplier lots, receipts, reference documents)
 * and the forward trace (customers, shipments), the quantity reconciliation of the batch
 * and of each ingredient lot with the share accounted for, the gaps in the records, and
 * blank fields for the team to fill in: team, contact verification, on-hand counts,
 * corrective actions, retest decision and signatures.
 */
public final class MockRecallWriter {

	private final Clock clock;

	public MockRecallWriter() {
		this(Clock.systemDefaultZone());
	}

	/**
	 * @param clock when the report is generated, and the time zone times are shown in
	 */
	public MockRecallWriter(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Writes the report of a mock recall to {@code file}, replacing it; the file is
	 * written aside and renamed, so it is never left half written.
	 * @return {@code file}
	 */
	public Path write(TraceFindings findings, MockRecallTimes times, Path file) {
		return AtomicFiles.writeString(file, render(findings, times));
	}

	String render(TraceFindings findings, MockRecallTimes times) {
		ReportFormat format = new ReportFormat(this.clock.getZone());
		return ReportTemplates.render("mock-recall", MockRecallPage.of(findings, times, format, this.clock.instant()));
	}

}
