package org.lottrace.report.genealogy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.lottrace.report.genealogy.LotGenealogy.Edge;
import org.lottrace.report.genealogy.LotGenealogy.Graph;
import org.lottrace.report.genealogy.LotGenealogy.Node;

/**
 * Lays out the lot genealogy with the Eclipse Layout Kernel's layered algorithm, left to
 * right: ingredient lots, intermediates, the batch, later lots. Every coordinate of the
 * drawing comes from ELK: node positions and the orthogonal routes of the edges.
 */
public final class GenealogyLayout {

	static final double NODE_WIDTH = 200;

	static final double NODE_HEIGHT = 54;

	record Point(double x, double y) {

	}

	record PlacedNode(Node node, double x, double y, double width, double height) {

	}

	/**
	 * @param points the route from the input lot to the output lot
	 */
	record PlacedEdge(Edge edge, List<Point> points) {

	}

	public record Layout(double width, double height, List<PlacedNode> nodes, List<PlacedEdge> edges) {

	}

	private GenealogyLayout() {
	}

	public static Layout layout(Graph graph) {
		ElkNode root = ElkGraphUtil.createGraph();
		root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
		root.setProperty(LayeredOptions.DIRECTION, Direction.RIGHT);
		root.setProperty(LayeredOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE, 14.0);
		root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 56.0);
		root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 12.0);
		root.setProperty(LayeredOptions.PADDING, new ElkPadding(12));
		Map<String, ElkNode> elkNodes = new HashMap<>();
		for (Node node : graph.nodes()) {
			ElkNode elkNode = ElkGraphUtil.createNode(root);
			elkNode.setIdentifier(node.id());
			elkNode.setDimensions(NODE_WIDTH, NODE_HEIGHT);
			elkNodes.put(node.id(), elkNode);
		}
		List<ElkEdge> elkEdges = new ArrayList<>();
		for (Edge edge : graph.edges()) {
			elkEdges.add(ElkGraphUtil.createSimpleEdge(elkNodes.get(edge.from()), elkNodes.get(edge.to())));
		}
		new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
		return placed(root, graph, elkNodes, elkEdges);
	}

	private static Layout placed(ElkNode root, Graph graph, Map<String, ElkNode> elkNodes, List<ElkEdge> elkEdges) {
		List<PlacedNode> nodes = new ArrayList<>();
		for (Node node : graph.nodes()) {
			ElkNode elkNode = java.util.Objects.requireNonNull(elkNodes.get(node.id()), "every node is laid out");
			nodes.add(new PlacedNode(node, elkNode.getX(), elkNode.getY(), elkNode.getWidth(), elkNode.getHeight()));
		}
		List<PlacedEdge> edges = new ArrayList<>();
		for (int i = 0; i < elkEdges.size(); i++) {
			edges.add(new PlacedEdge(graph.edges().get(i), route(elkEdges.get(i))));
		}
		return new Layout(root.getWidth(), root.getHeight(), List.copyOf(nodes), List.copyOf(edges));
	}

	/**
	 * The points of an edge's sections. The edges are contained in the root, like their
	 * nodes, so the coordinates share one origin.
	 */
	private static List<Point> route(ElkEdge edge) {
		List<Point> points = new ArrayList<>();
		for (ElkEdgeSection section : edge.getSections()) {
			points.add(new Point(section.getStartX(), section.getStartY()));
			for (ElkBendPoint bend : section.getBendPoints()) {
				points.add(new Point(bend.getX(), bend.getY()));
			}
			points.add(new Point(section.getEndX(), section.getEndY()));
		}
		return List.copyOf(points);
	}

}
