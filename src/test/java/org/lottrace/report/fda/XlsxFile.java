package org.lottrace.report.fda;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads an XLSX file back from its XML parts, for tests: sheet names, and each cell's
 * type, stored value, text and number format. Nothing is evaluated.
 */
final class XlsxFile {

	private final Map<String, String> parts = new HashMap<>();

	private final Map<String, String> sheetParts = new LinkedHashMap<>();

	private final List<String> sharedStrings = new ArrayList<>();

	private final List<String> cellFormats = new ArrayList<>();

	/**
	 * One cell as stored: {@code t} attribute ({@code s}, {@code n}, ...), value,
	 * formula.
	 */
	record StoredCell(String ref, @Nullable String type, @Nullable String value, @Nullable String text,
			@Nullable String formula, @Nullable String format) {

	}

	XlsxFile(Path file) {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
				this.parts.put(entry.getName(),
						new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		readWorkbook();
		NodeList strings = parse("xl/sharedStrings.xml").getElementsByTagName("si");
		for (int i = 0; i < strings.getLength(); i++) {
			this.sharedStrings.add(strings.item(i).getTextContent());
		}
		readStyles();
	}

	/** The raw XML of a part, e.g. {@code xl/workbook.xml}. */
	String part(String name) {
		return this.parts.get(name);
	}

	List<String> sheetNames() {
		return List.copyOf(this.sheetParts.keySet());
	}

	/** The XML of a worksheet, by sheet name. */
	String sheetXml(String sheet) {
		return this.parts.get(this.sheetParts.get(sheet));
	}

	/** Every stored cell of a sheet, by reference ({@code A1}). */
	Map<String, StoredCell> cells(String sheet) {
		Map<String, StoredCell> cells = new LinkedHashMap<>();
		NodeList list = parse(this.sheetParts.get(sheet)).getElementsByTagName("c");
		for (int i = 0; i < list.getLength(); i++) {
			Element c = (Element) list.item(i);
			String type = c.hasAttribute("t") ? c.getAttribute("t") : null;
			String value = child(c, "v");
			String text = ("s".equals(type) && value != null) ? this.sharedStrings.get(Integer.parseInt(value)) : value;
			String format = c.hasAttribute("s") ? this.cellFormats.get(Integer.parseInt(c.getAttribute("s"))) : null;
			cells.put(c.getAttribute("r"),
					new StoredCell(c.getAttribute("r"), type, value, text, child(c, "f"), format));
		}
		return cells;
	}

	private void readWorkbook() {
		Map<String, String> targets = new HashMap<>();
		NodeList rels = parse("xl/_rels/workbook.xml.rels").getElementsByTagName("Relationship");
		for (int i = 0; i < rels.getLength(); i++) {
			Element rel = (Element) rels.item(i);
			targets.put(rel.getAttribute("Id"), rel.getAttribute("Target"));
		}
		NodeList sheets = parse("xl/workbook.xml").getElementsByTagName("sheet");
		for (int i = 0; i < sheets.getLength(); i++) {
			Element sheet = (Element) sheets.item(i);
			String target = targets.get(sheet.getAttribute("r:id"));
			this.sheetParts.put(sheet.getAttribute("name"),
					target.startsWith("/") ? target.substring(1) : "xl/" + target);
		}
	}

	private void readStyles() {
		Document styles = parse("xl/styles.xml");
		Map<String, String> numFmts = new HashMap<>(Map.of("0", "General", "14", "m/d/yyyy"));
		NodeList fmts = styles.getElementsByTagName("numFmt");
		for (int i = 0; i < fmts.getLength(); i++) {
			Element fmt = (Element) fmts.item(i);
			numFmts.put(fmt.getAttribute("numFmtId"), fmt.getAttribute("formatCode"));
		}
		Element cellXfs = (Element) styles.getElementsByTagName("cellXfs").item(0);
		NodeList xfs = cellXfs.getElementsByTagName("xf");
		for (int i = 0; i < xfs.getLength(); i++) {
			String id = ((Element) xfs.item(i)).getAttribute("numFmtId");
			this.cellFormats.add(numFmts.getOrDefault(id.isEmpty() ? "0" : id, "#" + id));
		}
	}

	private Document parse(String part) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			return factory.newDocumentBuilder()
				.parse(new ByteArrayInputStream(this.parts.get(part).getBytes(StandardCharsets.UTF_8)));
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot parse " + part, ex);
		}
	}

	private static @Nullable String child(Element element, String name) {
		NodeList children = element.getElementsByTagName(name);
		return (children.getLength() > 0) ? children.item(0).getTextContent() : null;
	}

}
