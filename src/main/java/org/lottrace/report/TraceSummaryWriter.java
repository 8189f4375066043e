package org.lottrace.report;

import java.nio.file.Path;
import java.time.Clock;

import org.lottrace.report.LotGenealogy.Graph;
import org.lottrace.report.TraceSummaryPage.Genealogy;
import org.lottrace.trace.TraceAnalysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the trace summary: one self-contained HTML file (inline CSS and SVG, no scripts,
 * fonts or images to fetch) that a quality manager can open offline or attach to an
 * e-mail. The three answers come first (which batch, which ingredient lots, who else
 * received product), then the lot genealogy, the mass balance per lot and the open
 * questions in the records.
 * <p>
 * The genealogy is laid out by ELK's layered algorithm. The batch and everything behind
 * it are always drawn; past {@link #DEFAULT_FORWARD_LOT_LIMIT} lots reached forward, the
 * nearest are drawn and the rest collapsed into "+N more lots" boxes (the page says so),
 * and the drawing scrolls inside the page when it is larger than the window.
 */
public final class TraceSummaryWriter {

	/** Lots reached forward that are drawn before the rest are collapsed. */
	public static final int DEFAULT_FORWARD_LOT_LIMIT = 60;

	private static final Logger log = LoggerFactory.getLogger(TraceSummaryWriter.class);

	private final Clock clock;

	private final int forwardLotLimit;

	public TraceSummaryWriter() {
		this(Clock.systemDefaultZone(), DEFAULT_FORWARD_LOT_LIMIT);
	}

	/**
	 * @param clock when the page is generated, and the time zone times are shown in
	 * @param forwardLotLimit how many lots reached only forward are drawn before the
	 * others are collapsed
	 */
	public TraceSummaryWriter(Clock clock, int forwardLotLimit) {
		if (forwardLotLimit < 0) {
			throw new IllegalArgumentException("forwardLotLimit must not be negative");
		}
		this.clock = clock;
		this.forwardLotLimit = forwardLotLimit;
	}

	/**
	 * Writes the summary of a trace to {@code file}, replacing it; the file is written
	 * aside and renamed, so it is never left half written.
	 * @return {@code file}
	 */
	public Path write(TraceAnalysis analysis, Path file) {
		return ReportFiles.writeAtomically(file, render(analysis));
	}

	String render(TraceAnalysis analysis) {
		ReportFormat format = new ReportFormat(this.clock.getZone());
		TraceSummaryPage page = TraceSummaryPage.of(analysis, genealogy(analysis), format, this.clock.instant());
		return ReportTemplates.render("trace-summary", page);
	}

	private Genealogy genealogy(TraceAnalysis analysis) {
		Graph graph = LotGenealogy.of(analysis, new TraceNames(analysis.result()), this.forwardLotLimit);
		String svg;
		try {
			svg = GenealogySvg.render(GenealogyLayout.layout(graph));
		}
		catch (RuntimeException ex) {
			log.warn("Cannot lay out the lot genealogy of " + analysis.result().request().subject(), ex);
			return new Genealogy("",
					"The genealogy could not be drawn (" + ex.getMessage() + "); the tables below give the same links.",
					false);
		}
		return new Genealogy(svg, note(graph), graph.collapsedLots() > 0);
	}

	private static String note(Graph graph) {
		String order = "Left to right: ingredient lots, intermediates, the traced lot, the lots made later. ";
		if (graph.collapsedLots() == 0) {
			return order + "All " + graph.nodes().size() + " lots are drawn.";
		}
		int drawn = graph.forwardLots() - graph.collapsedLots();
		return order + "The traced lot and everything that went into it are drawn in full. Of the "
				+ graph.forwardLots() + " lots reached going forward, the " + drawn
				+ " nearest are drawn (those made from the traced lot first); the other " + graph.collapsedLots()
				+ " are collapsed into grey \"+N more lots\" boxes. Every shipment is listed in section 3.";
	}

}
