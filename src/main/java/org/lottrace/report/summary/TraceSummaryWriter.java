package org.lottrace.report.summary;

import java.nio.file.Path;
import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.ReportTemplates;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.TraceNames;
import org.lottrace.report.genealogy.GenealogyLayout;
import org.lottrace.report.genealogy.GenealogySvg;
import org.lottrace.report.genealogy.LotGenealogy;
import org.lottrace.report.genealogy.LotGenealogy.Graph;
import org.lottrace.report.genealogy.LotGenealogy.Limits;
import org.lottrace.report.summary.TraceSummaryPage.Genealogy;
import org.lottrace.store.AtomicFiles;
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
 * The genealogy is laid out by ELK's layered algorithm, left to right. The traced lot and
 * everything that went into it are always drawn. Lots made from the traced lot are drawn
 * nearest first up to a limit; the other lots reached forward (made from a shared
 * ingredient lot) are drawn one by one only when they are few, since each has several
 * shared inputs and their edges soon tangle. What is not drawn is counted in "+N more
 * lots" boxes, and the page says so; every shipment stays listed in section 3. The
 * drawing scrolls inside the page when it is larger than the window.
 */
public final class TraceSummaryWriter {

	/** Lots made from the traced lot that are drawn before the rest are collapsed. */
	public static final int DEFAULT_FROM_START_LIMIT = 60;

	/**
	 * Other lots reached forward (through a shared ingredient lot) that are drawn one by
	 * one; when there are more, they are all collapsed.
	 */
	public static final int DEFAULT_OTHER_FORWARD_LIMIT = 12;

	private static final Logger log = LoggerFactory.getLogger(TraceSummaryWriter.class);

	private final Clock clock;

	private final Limits limits;

	public TraceSummaryWriter() {
		this(Clock.systemDefaultZone(), DEFAULT_FROM_START_LIMIT, DEFAULT_OTHER_FORWARD_LIMIT);
	}

	/**
	 * @param clock when the page is generated, and the time zone times are shown in
	 * @param fromStartLimit how many lots made from the traced lot are drawn before the
	 * rest are collapsed
	 * @param otherForwardLimit up to how many other lots reached forward are drawn one by
	 * one
	 */
	public TraceSummaryWriter(Clock clock, int fromStartLimit, int otherForwardLimit) {
		if (fromStartLimit < 0 || otherForwardLimit < 0) {
			throw new IllegalArgumentException("The limits must not be negative");
		}
		this.clock = clock;
		this.limits = new Limits(fromStartLimit, otherForwardLimit);
	}

	/**
	 * Writes the summary of a trace to {@code file}, replacing it; the file is written
	 * aside and renamed, so it is never left half written.
	 * @return {@code file}
	 */
	public Path write(TraceFindings findings, Path file) {
		return write(findings, draw(findings.analysis()), file);
	}

	/**
	 * Writes the summary of a trace with its genealogy already drawn (see {@link #draw}).
	 * @return {@code file}
	 */
	public Path write(TraceFindings findings, Drawing drawing, Path file) {
		return AtomicFiles.writeString(file, render(findings, drawing.genealogy));
	}

	/**
	 * Lays out a trace's genealogy once, for the summary and for its own file: the layout
	 * is the longest part of either.
	 */
	public Drawing draw(TraceAnalysis analysis) {
		return new Drawing(genealogy(analysis));
	}

	/** A trace's genealogy, laid out. */
	public static final class Drawing {

		private final Genealogy genealogy;

		private Drawing(Genealogy genealogy) {
			this.genealogy = genealogy;
		}

		/**
		 * The drawing as a standalone SVG document with its own styles (the web page
		 * shows it, as {@code genealogy.svg}), or {@code null} when it could not be
		 * drawn.
		 */
		public @Nullable String standaloneSvg() {
			String svg = this.genealogy.svg();
			if (svg.isEmpty()) {
				return null;
			}
			int open = svg.indexOf('>') + 1;
			return svg.substring(0, open) + "<style>" + STANDALONE_STYLE + "</style>" + svg.substring(open);
		}

	}

	private static final String STANDALONE_STYLE = ".genealogy text { font-family: Arial, sans-serif; font-size: 11px; "
			+ "fill: #1d2430; } .genealogy text.code { font-size: 12px; font-weight: 700; } "
			+ ".genealogy text.supplier { fill: #5b6474; } .genealogy .node rect { stroke-width: 1.2; } "
			+ ".genealogy .node.backward rect { fill: #e8f0fb; stroke: #3b6db3; } "
			+ ".genealogy .node.start rect { fill: #fde7d9; stroke: #c2410c; stroke-width: 3; } "
			+ ".genealogy .node.forward rect { fill: #eaf6ee; stroke: #3f8f5a; } "
			+ ".genealogy .node.collapsed rect { fill: #f1f2f4; stroke: #8a919c; stroke-dasharray: 4 3; } "
			+ ".genealogy .edge { fill: none; stroke-width: 1.3; } .genealogy .edge.backward { stroke: #3b6db3; } "
			+ ".genealogy .edge.forward { stroke: #3f8f5a; stroke-dasharray: 5 3; } "
			+ ".genealogy .arrow.backward { fill: #3b6db3; } .genealogy .arrow.forward { fill: #3f8f5a; }";

	String render(TraceFindings findings) {
		return render(findings, genealogy(findings.analysis()));
	}

	private String render(TraceFindings findings, Genealogy genealogy) {
		ReportFormat format = new ReportFormat(this.clock.getZone());
		TraceSummaryPage page = TraceSummaryPage.of(findings, genealogy, format, this.clock.instant());
		return ReportTemplates.render("trace-summary", page);
	}

	private Genealogy genealogy(TraceAnalysis analysis) {
		Graph graph = LotGenealogy.of(analysis, new TraceNames(analysis.result()), this.limits);
		String svg;
		try {
			svg = GenealogySvg.render(GenealogyLayout.layout(graph));
		}
		catch (RuntimeException ex) {
			log.warn("Cannot lay out the lot genealogy of " + analysis.result().request().subject(), ex);
			return new Genealogy("",
					"The genealogy could not be drawn (" + ex.getMessage() + "); the tables give the same links.",
					false);
		}
		return new Genealogy(svg, note(graph, this.limits), graph.collapsed() > 0);
	}

	static String note(Graph graph, Limits limits) {
		String order = "Left to right: ingredient lots, intermediates, the traced lot, the lots made later. ";
		if (graph.collapsed() == 0) {
			return order + "All " + graph.nodes().size() + " lots are drawn.";
		}
		StringBuilder note = new StringBuilder(order)
			.append("The traced lot and everything that went into it are drawn in full. ");
		if (graph.fromStart() > limits.fromStart()) {
			note.append("Of the ")
				.append(graph.fromStart())
				.append(" lots made from the traced lot, the ")
				.append(limits.fromStart())
				.append(" nearest are drawn. ");
		}
		if (graph.others() > limits.others()) {
			note.append("The ")
				.append(graph.others())
				.append(" other lots made from the same ingredient lots are more than ")
				.append(limits.others())
				.append(", too many to draw one by one without tangling: ");
		}
		return note.append("the ")
			.append(graph.collapsed())
			.append(" lots not drawn are counted in grey \"+N more lots\" boxes, each under the first drawn lot "
					+ "they are made from (in the order of section 3). Every shipment is listed in section 3.")
			.toString();
	}

}
