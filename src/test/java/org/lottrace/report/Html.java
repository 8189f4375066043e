package org.lottrace.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small helpers to read the reports back in tests. */
public final class Html {

	private static final Pattern NODE = Pattern.compile("<g class=\"node (\\w+)\" id=\"([^\"]+)\">"
			+ "<title>[^<]*</title><rect x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\"");

	private Html() {
	}

	/** The markup of {@code <section id="...">}. */
	public static String section(String html, String id) {
		int start = html.indexOf("<section id=\"" + id + "\"");
		if (start < 0) {
			start = html.indexOf("<section class=\"glance\" id=\"" + id + "\"");
		}
		if (start < 0) {
			throw new AssertionError("No section " + id);
		}
		return html.substring(start, html.indexOf("</section>", start));
	}

	/** The text a reader sees: tags removed, entities decoded, spaces collapsed. */
	public static String text(String html) {
		String text = html.replaceAll("(?s)<style>.*?</style>", "")
			.replaceAll("<(td|th|li|div|p|dt|dd|h\\d)[^>]*>", " ")
			.replaceAll("<[^>]+>", "");
		return decode(text).replaceAll("\\s+", " ").trim();
	}

	public static String decode(String text) {
		return text.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&#x27;", "'")
			.replace("&#x60;", "`")
			.replace("&#x3D;", "=")
			.replace("&amp;", "&");
	}

	/** The rows of the tables in some markup, each as the text of its cells. */
	public static List<List<String>> rows(String html) {
		List<List<String>> rows = new ArrayList<>();
		Matcher row = Pattern.compile("(?s)<tr[^>]*>(.*?)</tr>").matcher(html);
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = Pattern.compile("(?s)<t[dh][^>]*>(.*?)</t[dh]>").matcher(row.group(1));
			while (cell.find()) {
				cells.add(text(cell.group(1)));
			}
			rows.add(cells);
		}
		return rows;
	}

	/** A drawn node: its kind (start, backward, forward, collapsed), id and box. */
	public record Box(String kind, String id, double x, double y, double width, double height) {

		public boolean overlaps(Box other) {
			return this.x < other.x + other.width && other.x < this.x + this.width && this.y < other.y + other.height
					&& other.y < this.y + this.height;
		}

	}

	public static List<Box> nodes(String svg) {
		List<Box> boxes = new ArrayList<>();
		Matcher m = NODE.matcher(svg);
		while (m.find()) {
			boxes.add(new Box(m.group(1), m.group(2), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
					Double.parseDouble(m.group(5)), Double.parseDouble(m.group(6))));
		}
		return boxes;
	}

	static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
			count++;
		}
		return count;
	}

}
