package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lottrace.kde.Cte;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.RecordKind;
import org.lottrace.report.RecordSet;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/**
 * The explanations, the request's scope and the counts: what FDA needs to read the
 * sheets.
 */
class FdaSpreadsheetExtraSheetsTests {

	private final FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(
			List.of(Events.complete(RecordKind.RECEIVING).build(), Events.complete(RecordKind.SHIPPING).build(),
					Events.complete(RecordKind.TRANSFORMATION_OUTPUT).build(),
					Events.complete(RecordKind.TRANSFORMATION_INPUT).build()),
			Map.of("R10203", new RecordSet.Lot("L2301", "V120"))));

	@Test
	void explanationsGiveEveryColumnOfEverySheetWithItsMeaningAndCitation() {
		Sheet explanations = this.spreadsheet.sheet(FdaSpreadsheet.EXPLANATIONS);
		assertThat(explanations.headers()).containsExactly("Topic", "Sheet", "Column", "Term", "Explanation",
				"CFR Citation");
		List<List<Object>> columns = rows(explanations, "Column");
		int expected = this.spreadsheet.sheets().stream().mapToInt((s) -> s.columns().size()).sum();
		assertThat(columns).hasSize(expected);
		assertThat(columns).contains(List.of("Column", "Receiving", "AF", "TLC Source Reference",
				"A reference that gives access to the TLC source's location description instead of it (a GLN, an FDA "
						+ "Food Facility Registration Number or a web address), if one is used",
				"§ 1.1345(a)(7)"));
		assertThat(columns).anySatisfy((row) -> assertThat(row).containsExactly("Column", "Transformation", "H",
				"Input Quantity Used", "Quantity of the input used from this lot", "§ 1.1350(a)(1)(iii)"));
		assertThat(columns).anySatisfy((row) -> assertThat(row).containsExactly("Column", "Missing or doubtful KDEs",
				"K", "Source Line", "The line of the export (the header is line 1)", ""));
	}

	@Test
	void explanationsGiveTheCodesMarkersAndConventionsUsed() {
		Sheet explanations = this.spreadsheet.sheet(FdaSpreadsheet.EXPLANATIONS);
		assertThat(terms(explanations, "Unit of measure")).containsExactly("case", "kg");
		assertThat(explanation(explanations, "Unit of measure", "kg")).isEqualTo("kilogram");
		assertThat(terms(explanations, "Location code")).containsExactly("BAKERY-01", "C200-01", "V120");
		assertThat(explanation(explanations, "Location code", "V120")).startsWith("Dairy Gold Creamery, Eau Claire");
		assertThat(terms(explanations, "Product code")).containsExactly("BUTTER-UNS-36", "COOKIE-PB-12");
		assertThat(explanation(explanations, "Marker", FdaSpreadsheet.MISSING)).contains("Missing or doubtful KDEs");
		assertThat(explanation(explanations, "Convention", "Transformation rows"))
			.isEqualTo(ExplanationSheet.TRANSFORMATION_CONVENTION)
			.contains("first row of the transformation only");
		assertThat(explanation(explanations, "Convention", "CSV files")).contains("apostrophe").contains("=, +, -, @");
		assertThat(explanation(explanations, "Convention", "Dates and times")).contains("yyyy-mm-dd")
			.contains("time zone");
		assertThat(terms(explanations, "Abbreviation")).contains("TLC", "KDE", "CTE");
		assertThat(terms(explanations, "Sheet")).containsExactly("Harvesting", "Cooling", "Initial Packing",
				"First Land-Based Receiving", "Shipping", "Receiving", "Transformation", "Explanations", "Request",
				"Missing or doubtful KDEs");
	}

	@Test
	void requestGivesScopeVersionAndCountsPerSheet() {
		Sheet request = this.spreadsheet.sheet(FdaSpreadsheet.REQUEST);
		assertThat(request.headers()).containsExactly("Item", "Value");
		Map<Object, Object> items = new java.util.LinkedHashMap<>();
		request.rows().forEach((row) -> items.put(row.get(0), row.get(1)));
		assertThat(items).containsEntry("Title", "Trace of lot C261014A")
			.containsEntry("Request", "trace of lot C261014A")
			.containsEntry("Direction", "both")
			.containsEntry("Generated at", "2026-11-02T08:30:00Z")
			.containsEntry("lottrace version", "development")
			.containsEntry("KDE records", 4)
			.containsEntry("Receiving: KDE records", 1)
			.containsEntry("Receiving: rows", 1)
			.containsEntry("Transformation: KDE records", 2)
			.containsEntry("Transformation: rows", 1)
			.containsEntry("Harvesting: rows", 0)
			.containsEntry("Missing or doubtful KDEs", 0);
	}

	@Test
	void countsTheGapsOfTheWholeSpreadsheet() {
		KdeEvent noPartner = Events.complete(RecordKind.SHIPPING).partner("C999").build();
		FdaSpreadsheet withGaps = FdaSpreadsheet.of(Events.records(noPartner));
		Sheet request = withGaps.sheet(FdaSpreadsheet.REQUEST);
		assertThat(request.rows()).contains(java.util.Arrays.asList("Missing or doubtful KDEs", 7));
		assertThat(withGaps.sheet(FdaSpreadsheet.GAPS).rows()).hasSize(7);
		assertThat(withGaps.sheet(Cte.SHIPPING).rows()).hasSize(1);
	}

	private static List<List<Object>> rows(Sheet sheet, String topic) {
		return sheet.rows().stream().filter((row) -> topic.equals(row.get(0))).map(List::<Object>copyOf).toList();
	}

	private static List<Object> terms(Sheet sheet, String topic) {
		return sheet.rows().stream().filter((row) -> topic.equals(row.get(0))).map((row) -> row.get(3)).toList();
	}

	private static String explanation(Sheet sheet, String topic, String term) {
		return sheet.rows()
			.stream()
			.filter((row) -> topic.equals(row.get(0)) && term.equals(row.get(3)))
			.map((row) -> (String) row.get(4))
			.findFirst()
			.orElseThrow();
	}

}
