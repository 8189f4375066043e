package org.lottrace.report.genealogy;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.lottrace.report.genealogy.GenealogyLayout.Layout;
import org.lottrace.report.genealogy.GenealogyLayout.PlacedEdge;
import org.lottrace.report.genealogy.GenealogyLayout.PlacedNode;
import org.lottrace.report.genealogy.GenealogyLayout.Point;

/**
 * Draws a laid-out lot genealogy as inline SVG: one {@code <g class="node">} per lot at
 * ELK's position, one {@code <path class="edge">} per edge along ELK's route. Colours
 * come from the page's style sheet (classes {@code start}, {@code backward},
 * {@code forward}, {@code collapsed}).
 */
public final class GenealogySvg {

	/** Characters that fit on a line of a node at the drawing's font size. */
	private static final int LINE_CHARACTERS = 30;

	private GenealogySvg() {
	}

	public static String render(Layout layout) {
		String width = SvgWriter.number(layout.width());
		String height = SvgWriter.number(layout.height());
		SvgWriter svg = new SvgWriter();
		svg.start("svg", "class", "genealogy", "width", width, "height", height, "viewBox",
				"0 0 " + width + " " + height, "role", "img", "aria-labelledby", "genealogy-title");
		svg.element("title", "Lot genealogy: " + layout.nodes().size() + " nodes", "id", "genealogy-title");
		markers(svg);
		svg.newLine().start("g", "class", "edges");
		layout.edges().forEach((edge) -> edge(svg, edge));
		svg.end("g").newLine().start("g", "class", "nodes");
		layout.nodes().forEach((node) -> node(svg, node));
		return svg.end("g").end("svg").toString();
	}

	private static void markers(SvgWriter svg) {
		svg.start("defs");
		for (String kind : List.of("backward", "forward")) {
			svg.start("marker", "id", "arrow-" + kind, "viewBox", "0 0 10 10", "refX", "10", "refY", "5", "markerWidth",
					"7", "markerHeight", "7", "orient", "auto");
			svg.empty("path", "d", "M0,0L10,5L0,10z", "class", "arrow " + kind);
			svg.end("marker");
		}
		svg.end("defs");
	}

	private static void edge(SvgWriter svg, PlacedEdge placed) {
		String kind = placed.edge().forward() ? "forward" : "backward";
		String d = placed.points()
			.stream()
			.map((p) -> SvgWriter.number(p.x()) + "," + SvgWriter.number(p.y()))
			.collect(Collectors.joining(" L", "M", ""));
		svg.newLine()
			.start("path", "class", "edge " + kind, "data-from", placed.edge().from(), "data-to", placed.edge().to(),
					"d", d, "marker-end", "url(#arrow-" + kind + ")");
		if (placed.edge().links() > 1) {
			svg.element("title", placed.edge().links() + " input records");
		}
		svg.end("path");
	}

	private static void node(SvgWriter svg, PlacedNode placed) {
		String kind = placed.node().kind().name().toLowerCase(Locale.ROOT);
		svg.newLine().start("g", "class", "node " + kind, "id", placed.node().id());
		svg.element("title", placed.node().title());
		svg.empty("rect", "x", SvgWriter.number(placed.x()), "y", SvgWriter.number(placed.y()), "width",
				SvgWriter.number(placed.width()), "height", SvgWriter.number(placed.height()), "rx", "5");
		List<String> lines = placed.node().lines();
		String[] classes = { "code", "product", "supplier" };
		for (int i = 0; i < lines.size() && i < classes.length; i++) {
			Point at = new Point(placed.x() + 8, placed.y() + 17 + i * 15);
			svg.element("text", fit(lines.get(i)), "class", classes[i], "x", SvgWriter.number(at.x()), "y",
					SvgWriter.number(at.y()));
		}
		svg.end("g");
	}

	private static String fit(String line) {
		return (line.length() <= LINE_CHARACTERS) ? line : line.substring(0, LINE_CHARACTERS - 1) + "…";
	}

}
