package org.lottrace.report.genealogy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lottrace.report.BakeryTrace;
import org.lottrace.report.Html;
import org.lottrace.report.Html.Box;
import org.lottrace.report.TraceFixture;
import org.lottrace.report.TraceNames;
import org.lottrace.report.genealogy.GenealogyLayout.Layout;
import org.lottrace.report.genealogy.GenealogyLayout.PlacedNode;
import org.lottrace.report.genealogy.LotGenealogy.Graph;
import org.lottrace.report.genealogy.LotGenealogy.Kind;
import org.lottrace.report.genealogy.LotGenealogy.Limits;
import org.lottrace.report.genealogy.LotGenealogy.Node;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceResult.TracedLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LotGenealogyTests {

	private static final Limits LIMITS = new Limits(60, 12);

	private static final Pattern EDGE = Pattern
		.compile("<path class=\"edge (\\w+)\" data-from=\"([^\"]+)\" data-to=\"([^\"]+)\" d=\"M([^\"]+)\"");

	@Test
	void drawsOneNodePerLotAndOneEdgePerLink() {
		TraceAnalysis analysis = BakeryTrace.analysis();

		String svg = svg(analysis);

		List<Box> boxes = Html.nodes(svg);
		assertThat(boxes).hasSize(analysis.result().lots().size());
		assertThat(boxes).extracting(Box::id)
			.containsExactlyInAnyOrderElementsOf(
					analysis.result().lots().keySet().stream().map((id) -> "lot-" + id).toList());
		assertThat(boxes.stream().collect(Collectors.groupingBy(Box::kind, Collectors.counting())))
			.containsExactlyInAnyOrderEntriesOf(Map.of("start", 1L, "backward", 4L, "forward", 3L));
		assertThat(EDGE.matcher(svg).results().map((m) -> m.group(2) + ">" + m.group(3)))
			.containsExactlyInAnyOrderElementsOf(analysis.result()
				.links()
				.stream()
				.map((l) -> "lot-" + l.inputLot() + ">lot-" + l.outputLot())
				.toList());
		assertThat(EDGE.matcher(svg).results().filter((m) -> m.group(1).equals("forward")).count()).isEqualTo(3);
	}

	@Test
	void placesNodesAndRoutesEdgesWhereElkLaidThemOut() {
		TraceAnalysis analysis = BakeryTrace.analysis();
		Layout layout = GenealogyLayout.layout(LotGenealogy.of(analysis, new TraceNames(analysis.result()), LIMITS));

		String svg = GenealogySvg.render(layout);

		Map<String, Box> boxes = Html.nodes(svg).stream().collect(Collectors.toMap(Box::id, Function.identity()));
		for (PlacedNode placed : layout.nodes()) {
			Box box = boxes.get(placed.node().id());
			assertThat(box.x()).isCloseTo(placed.x(), within(0.06));
			assertThat(box.y()).isCloseTo(placed.y(), within(0.06));
		}
		assertThat(layout.nodes().stream().map(PlacedNode::x).distinct().count()).as("layers").isEqualTo(3);
		assertThat(svg).startsWith("<svg class=\"genealogy\" width=\"" + SvgWriter.number(layout.width())
				+ "\" height=\"" + SvgWriter.number(layout.height()) + "\"");
	}

	@Test
	void nodesDoNotOverlapAndEdgesRunLeftToRightFromInputToOutput() {
		String svg = svg(BakeryTrace.analysis());

		List<Box> boxes = Html.nodes(svg);
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				assertThat(boxes.get(i).overlaps(boxes.get(j))).as(boxes.get(i) + " / " + boxes.get(j)).isFalse();
			}
		}
		Map<String, Box> byId = boxes.stream().collect(Collectors.toMap(Box::id, Function.identity()));
		Matcher edges = EDGE.matcher(svg);
		while (edges.find()) {
			Box from = byId.get(edges.group(2));
			Box to = byId.get(edges.group(3));
			String[] points = edges.group(4).split(" L");
			assertThat(from.x() + from.width()).isLessThan(to.x());
			assertThat(Double.parseDouble(points[0].split(",")[0])).isCloseTo(from.x() + from.width(), within(0.1));
			assertThat(Double.parseDouble(points[points.length - 1].split(",")[0])).isCloseTo(to.x(), within(0.1));
		}
	}

	@Test
	void labelsLotsWithTheirSupplierOrMadeHere() {
		String svg = svg(BakeryTrace.analysis());

		assertThat(svg)
			.contains("<g class=\"node backward\" id=\"lot-3\"><title>L2301 · Unsalted butter · "
					+ "Dairy Gold Creamery · ingredient, level 1</title>")
			.contains("<text class=\"supplier\"", ">Nutty Butter Co.</text>", ">made here</text>")
			.contains("<g class=\"node start\" id=\"lot-1\">");
	}

	@Test
	void joinsSeveralInputRecordsOfOneLotIntoOneEdge() {
		TraceFixture fixture = BakeryTrace.fixture();
		TracedLot flour = fixture.lot(2, "HM-2610-021", "V100", 1, 0);
		fixture.input(flour, fixture.lot(1, "C261014A", TraceFixture.SITE, 0, 0), "5", "kg", "WO-1014-P", "T-10199");
		TraceAnalysis analysis = fixture.analysis(BakeryTrace.request());

		String svg = svg(analysis);

		assertThat(analysis.result().links()).hasSize(8);
		assertThat(EDGE.matcher(svg).results().count()).isEqualTo(7);
		assertThat(svg).contains("data-from=\"lot-2\" data-to=\"lot-1\"").contains("<title>2 input records</title>");
	}

	@Test
	void escapesTextInTheDrawing() {
		TraceFixture fixture = BakeryTrace.fixture();
		fixture.location("V100", "supplier", "Mills <&> \"Sons\"", "", "", "");

		String svg = svg(fixture.analysis(BakeryTrace.request()));

		assertThat(svg).contains(">Mills &lt;&amp;&gt; &quot;Sons&quot;</text>").doesNotContain("<&>");
	}

	@Test
	void collapsesALargeForwardPartBeyondTheLimits() {
		TraceAnalysis analysis = BakeryTrace.large();

		Graph graph = LotGenealogy.of(analysis, new TraceNames(analysis.result()), LIMITS);

		assertThat(graph.fromStart()).isEqualTo(100);
		assertThat(graph.others()).isEqualTo(200);
		assertThat(graph.collapsed()).isEqualTo(240);
		assertThat(graph.nodes()).hasSize(3 + 60 + 2);
		assertThat(graph.nodes().stream().filter((n) -> n.kind() == Kind.FORWARD).map((n) -> n.lines().get(0)))
			.hasSize(60)
			.allMatch((code) -> code.startsWith("B-"))
			.contains("B-000", "B-059")
			.doesNotContain("B-060");
		assertThat(graph.nodes().stream().filter((n) -> n.kind() == Kind.COLLAPSED))
			.extracting((n) -> n.id() + ": " + n.lines().get(0) + ", " + n.lines().get(1))
			.containsExactly("more-1: +40 more lots, from B", "more-2: +200 more lots, from I1");
		assertThat(graph.edges()).hasSize(2 + 60 + 2)
			.extracting((e) -> e.from() + ">" + e.to())
			.contains("lot-1>more-1", "lot-2>more-2");
		String svg = GenealogySvg.render(GenealogyLayout.layout(graph));
		assertThat(Html.nodes(svg)).hasSize(65).filteredOn((b) -> b.kind().equals("collapsed")).hasSize(2);
	}

	@Test
	void collapsesOtherForwardLotsUnderTheFirstSharedIngredientLotInTheOrderOfTheShipments() {
		TraceAnalysis analysis = BakeryTrace.analysis();

		Graph graph = LotGenealogy.of(analysis, new TraceNames(analysis.result()), new Limits(60, 2));

		assertThat(graph.others()).isEqualTo(3);
		assertThat(graph.nodes()).extracting(Node::kind).doesNotContain(Kind.FORWARD);
		assertThat(graph.nodes().stream().filter((n) -> n.kind() == Kind.COLLAPSED))
			.extracting((n) -> n.lines().get(0) + ", " + n.lines().get(1) + ", " + n.lines().get(2))
			.containsExactly("+2 more lots, from L2301 (Nutty Butter Co.), 1 shipment: see section 3",
					"+1 more lot, from HM-2610-021, 1 shipment: see section 3");
		assertThat(graph.nodes()).filteredOn((n) -> n.id().equals("more-5"))
			.extracting(Node::title)
			.containsExactly("2 more lots made from L2301 (Nutty Butter Co.), directly or not, not drawn; "
					+ "shipments of them: 1 (listed in section 3)");
	}

	@Test
	void drawsEveryLotOfALargeTraceWithinTheLimits() {
		TraceAnalysis analysis = BakeryTrace.large();

		Graph graph = LotGenealogy.of(analysis, new TraceNames(analysis.result()), new Limits(300, 300));

		assertThat(graph.collapsed()).isZero();
		assertThat(graph.nodes()).hasSize(303).extracting(Node::kind).doesNotContain(Kind.COLLAPSED);
		assertThat(graph.edges()).hasSize(302);
	}

	private static String svg(TraceAnalysis analysis) {
		return GenealogySvg
			.render(GenealogyLayout.layout(LotGenealogy.of(analysis, new TraceNames(analysis.result()), LIMITS)));
	}

}
