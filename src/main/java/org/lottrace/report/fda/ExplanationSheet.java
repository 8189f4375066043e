package org.lottrace.report.fda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.report.RecordSet;
import org.lottrace.report.fda.FdaSpreadsheet.Column;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/**
 * The Explanations sheet: what every column means and which paragraph it answers, the
 * codes and abbreviations used, and the conventions (§ 1.1455(c): the information needed
 * to understand the records).
 */
final class ExplanationSheet {

	static final String TRANSFORMATION_CONVENTION = "Rows are grouped by work order. A transformation with one "
			+ "output lot has one row per input lot: the input lot, its product and the quantity used from it, "
			+ "beside the output lot's KDEs. Several scale tickets of the same input lot and unit in one work order "
			+ "are added up in one row, their numbers listed in 2nd Reference Document Number. The Output Quantity "
			+ "and Output Unit of Measure appear on the first row of the transformation only, so that no quantity is "
			+ "ever repeated and a column total counts each lot once. A transformation with several output lots has "
			+ "input rows (input columns filled, New Traceability Lot Code and the output product and quantity "
			+ "columns empty), then one row per output lot (output columns filled, input columns empty). Every row "
			+ "of a transformation shows its location, completion date and reference document (the work order). An "
			+ "output lot with no input record still has a row, its Input Traceability Lot Code MISSING. An input "
			+ "whose output lot is outside these records shows the input and the input's own location, date and "
			+ "documents only.";

	private static final List<Column> COLUMNS = List.of(text("Topic", "What kind of explanation the row gives"),
			text("Sheet", "The sheet the row explains, if one"), text("Column", "The column letter, if one"),
			text("Term", "The header, code, marker or abbreviation explained"), text("Explanation", "What it means"),
			text("CFR Citation", "The paragraph of 21 CFR Part 1 Subpart S the column answers"));

	private static final Map<String, String> UNITS = Map.ofEntries(Map.entry("kg", "kilogram"), Map.entry("g", "gram"),
			Map.entry("lb", "pound (0.45359237 kg)"), Map.entry("oz", "ounce (28.35 g)"),
			Map.entry("t", "metric ton (1000 kg)"), Map.entry("each", "one piece (count)"),
			Map.entry("dozen", "twelve pieces"), Map.entry("l", "litre"), Map.entry("ml", "millilitre"),
			Map.entry("gal", "US gallon (3.785 l)"), Map.entry("case", "case (shipping case)"), Map.entry("bag", "bag"),
			Map.entry("pail", "pail"), Map.entry("drum", "drum"), Map.entry("tote", "tote"),
			Map.entry("pallet", "pallet"), Map.entry("bin", "bin"), Map.entry("tank", "tank"));

	private ExplanationSheet() {
	}

	static Sheet of(RecordSet records, List<Sheet> cteSheets) {
		List<List<@Nullable Object>> rows = new ArrayList<>();
		rows.add(row("Purpose", null, null, "This workbook",
				"The Key Data Elements (KDEs) of the Critical Tracking Events (CTEs) in the records that the "
						+ "Request sheet describes, as the electronic sortable spreadsheet FDA may request",
				"§ 1.1455(c)"));
		sheets(rows, cteSheets);
		cteSheets.forEach((sheet) -> columns(rows, sheet.name(), sheet.columns()));
		columns(rows, FdaSpreadsheet.EXPLANATIONS, COLUMNS);
		columns(rows, FdaSpreadsheet.REQUEST, RequestSheets.REQUEST_COLUMNS);
		columns(rows, FdaSpreadsheet.GAPS, RequestSheets.GAP_COLUMNS);
		conventions(rows);
		codes(rows, records);
		abbreviations(rows);
		return new Sheet(FdaSpreadsheet.EXPLANATIONS, "fda-explanations.csv", null, COLUMNS, rows);
	}

	private static void columns(List<List<@Nullable Object>> rows, String sheet, List<Column> columns) {
		for (int c = 0; c < columns.size(); c++) {
			Column column = columns.get(c);
			rows.add(row("Column", sheet, Sheet.letter(c), column.header(), column.description(), column.citation()));
		}
	}

	private static void sheets(List<List<@Nullable Object>> rows, List<Sheet> cteSheets) {
		for (Sheet sheet : cteSheets) {
			Cte cte = Objects.requireNonNull(sheet.cte(), "a CTE sheet");
			rows.add(
					row("Sheet", sheet.name(), null, sheet.name(),
							"The KDEs of " + cte.title().toLowerCase(Locale.ROOT) + " events, one row per " + "record ("
									+ cte.section() + "); an empty sheet means the records hold no such event",
							cte.section()));
		}
		rows.add(row("Sheet", FdaSpreadsheet.EXPLANATIONS, null, FdaSpreadsheet.EXPLANATIONS,
				"This sheet: every column, code, marker and convention used", "§ 1.1455(c)"));
		rows.add(row("Sheet", FdaSpreadsheet.REQUEST, null, FdaSpreadsheet.REQUEST,
				"What these records cover, when they were selected, by which lottrace version, and how many rows "
						+ "each sheet has",
				""));
		rows.add(row("Sheet", FdaSpreadsheet.GAPS, null, FdaSpreadsheet.GAPS,
				"Every KDE the rule requires that the records do not hold (the cell reads MISSING) or that is in "
						+ "doubt, every TLC source that is assumed rather than recorded, and every row of an export "
						+ "in the scope of the request that did not become a record (rejected, or pending until the "
						+ "data it waits for arrives), with the record or the export line it comes from",
				""));
	}

	private static void conventions(List<List<@Nullable Object>> rows) {
		rows.add(row("Marker", null, null, FdaSpreadsheet.MISSING,
				"A KDE the rule requires for this event that the records do not hold; each one is listed on the "
						+ FdaSpreadsheet.GAPS + " sheet with the reason. An empty cell means the KDE does not "
						+ "apply to the row (a variety for a food without one, the output columns of an input row)",
				""));
		convention(rows, "Traceability lot code", "The lot code as the TLC source assigned it. Where a system "
				+ "scanned an internal lot number (an ERP receiving number), the sheets show the traceability lot code "
				+ "it resolves to; a number that resolves to no lot is shown as recorded and listed as doubtful. Two "
				+ "suppliers may use the same code: the TLC Source columns tell those lots apart");
		convention(rows, "TLC source",
				"When a record does not name its TLC source, the TLC source shown is whoever "
						+ "assigned the lot code: the supplier for a receipt, this site for food it packed, landed or "
						+ "transformed");
		convention(rows, "TLC source assumed", "Some exports do not say who assigned a lot code; the site then "
				+ "states, once for the whole export, who did (e.g. the vendor, because its suppliers pack what they "
				+ "ship). Such a TLC source is shown, and each row is listed on the " + FdaSpreadsheet.GAPS
				+ " sheet as 'TLC source assumed' with the stated reason, so that it is never taken for a recorded "
				+ "one");
		convention(rows, "Location descriptions", "Business name, phone number, street address, city, state, ZIP "
				+ "code and country come from the master data of the location code the record names. State and ZIP "
				+ "code are required for addresses in the United States");
		convention(rows, "Product descriptions", "Product name, brand, commodity, variety, packaging size and "
				+ "packaging style come from the master data of the product the record names (§ 1.1310: brand, "
				+ "commodity and variety if applicable). A transformation input names only its lot: it shows the "
				+ "product that other records of the same lot name");
		convention(rows, "Transformation rows", TRANSFORMATION_CONVENTION);
		convention(rows, "Quantities", "Numbers in the unit of measure recorded at the event, not converted");
		convention(rows, "Row order", "Rows are sorted by event date, then traceability lot code, then record key "
				+ "(Transformation: date, the transformation's new lot code, work order, input rows before output "
				+ "rows, record key), so the same records always give the same rows. Every column sorts and filters");
		convention(rows, "Dates and times", "Dates are calendar dates at the site of the event as recorded, without "
				+ "a time zone, written yyyy-mm-dd (ISO 8601); in the XLSX file they are date cells. Generated at "
				+ "on the Request sheet is a UTC time (ISO 8601, ending in Z)");
		convention(rows, "CSV files", "One file per sheet, UTF-8 with a byte order mark, comma-separated, lines "
				+ "ending CRLF (RFC 4180). A text value starting with =, +, -, @, a tab or a carriage return is "
				+ "written with an apostrophe (') in front so that no spreadsheet program runs it as a formula; the "
				+ "apostrophe is not part of the value. The XLSX file stores such values unchanged as text cells and "
				+ "holds no formulas");
		convention(rows, "Record key", "Identifies a record: the source (export mapping) and the key columns of "
				+ "the export row, e.g. erp-receiving|RC-5003|1; the gaps sheet gives the export file and line too");
	}

	private static void codes(List<List<@Nullable Object>> rows, RecordSet records) {
		TreeSet<String> units = new TreeSet<>();
		TreeSet<String> locations = new TreeSet<>();
		TreeSet<String> products = new TreeSet<>();
		for (KdeEvent e : records.events()) {
			units.add(e.quantity().unit());
			if (e.farm().receivedQuantity() != null) {
				units.add(e.farm().receivedQuantity().unit());
			}
			addAll(locations, e.locations().location(), e.locations().partner(), e.locations().tlcSource(),
					(e.lot() != null) ? e.lot().assigner() : null, e.farm().harvestLocation(),
					e.farm().coolingLocation());
			addAll(products, e.productCode(), e.farm().receivedProductCode());
		}
		records.lots().values().forEach((lot) -> locations.add(lot.assigner()));
		units.forEach((u) -> rows.add(row("Unit of measure", null, null, u, UNITS.getOrDefault(u, u), "")));
		for (String code : locations) {
			Location l = records.locations().get(code);
			rows.add(row("Location code", null, null, code, (l != null) ? describe(l) : "not in the master data", ""));
		}
		for (String code : products) {
			Product p = records.products().get(code);
			rows.add(row("Product code", null, null, code, (p != null) ? p.name() : "not in the master data", ""));
		}
	}

	private static String describe(Location l) {
		StringBuilder text = new StringBuilder(l.businessName());
		for (String part : new String[] { l.city(), l.state(), l.country() }) {
			if (part != null) {
				text.append(", ").append(part);
			}
		}
		return (l.gln() != null) ? text.append(" (GLN ").append(l.gln()).append(')').toString() : text.toString();
	}

	private static void abbreviations(List<List<@Nullable Object>> rows) {
		Map<String, String> abbreviations = new TreeMap<>(
				Map.of("CFR", "Code of Federal Regulations (21 CFR Part 1 " + "Subpart S: the Food Traceability Rule)",
						"CTE", "Critical Tracking Event", "KDE", "Key Data Element", "TLC", "Traceability lot code",
						"FTL", "Food Traceability List", "GLN", "GS1 Global Location Number", "ZIP", "US postal code",
						"2nd", "Second"));
		abbreviations.forEach((term, meaning) -> rows.add(row("Abbreviation", null, null, term, meaning, "")));
	}

	private static void convention(List<List<@Nullable Object>> rows, String term, String explanation) {
		rows.add(row("Convention", null, null, term, explanation, ""));
	}

	private static void addAll(TreeSet<String> set, @Nullable String... values) {
		for (String value : values) {
			if (value != null) {
				set.add(value);
			}
		}
	}

	private static List<@Nullable Object> row(String topic, @Nullable String sheet, @Nullable String column,
			String term, String explanation, String citation) {
		return Arrays.asList(topic, sheet, column, term, explanation, citation);
	}

	static Column text(String header, String description) {
		return new Column(header, "", description, "", Column.Type.TEXT);
	}

}
