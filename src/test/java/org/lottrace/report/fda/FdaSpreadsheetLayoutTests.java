package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lottrace.kde.Cte;
import org.lottrace.report.fda.FdaSpreadsheet.Column;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/**
 * The header rows: FDA's template for three tabs, the rule's KDE order for the other
 * four.
 */
class FdaSpreadsheetLayoutTests {

	private static final List<String> LOCATION = List.of("Business Name", "Phone Number", "Street Address", "City",
			"State", "ZIP Code", "Country");

	private final FdaSpreadsheet empty = FdaSpreadsheet.of(Events.records());

	@Test
	void hasOneSheetPerCteInTheRuleOrderThenTheExtraSheets() {
		assertThat(this.empty.sheets()).extracting(Sheet::name)
			.containsExactly("Harvesting", "Cooling", "Initial Packing", "First Land-Based Receiving", "Shipping",
					"Receiving", "Transformation", "Explanations", "Request", "Missing or doubtful KDEs");
		assertThat(this.empty.cteSheets()).extracting(Sheet::cte).containsExactly(Cte.values());
		assertThat(this.empty.sheets()).extracting(Sheet::fileName)
			.containsExactly("fda-harvesting.csv", "fda-cooling.csv", "fda-initial-packing.csv",
					"fda-first-land-based-receiving.csv", "fda-shipping.csv", "fda-receiving.csv",
					"fda-transformation.csv", "fda-explanations.csv", "fda-request.csv", "fda-gaps.csv");
	}

	@Test
	void emptySheetsStillHaveTheirHeaderRow() {
		for (Sheet sheet : this.empty.cteSheets()) {
			assertThat(sheet.rows()).as(sheet.name()).isEmpty();
			assertThat(sheet.columns()).as(sheet.name()).isNotEmpty();
		}
	}

	@Test
	void receivingFollowsFdaColumnsAToAj() {
		Sheet receiving = this.empty.sheet(Cte.RECEIVING);
		assertThat(receiving.headers()).containsExactlyElementsOf(concat(
				List.of("Traceability Lot Code", "Quantity", "Unit of Measure", "Product Name", "Brand Name",
						"Commodity", "Variety", "Packaging Size", "Packaging Style"),
				prefixed("Immediate Previous Source"), prefixed("Receiving Location"), List.of("Date Received"),
				prefixed("TLC Source"), List.of("TLC Source Reference", "Reference Document Type",
						"Reference Document Number", "2nd Reference Document Type", "2nd Reference Document Number")));
		assertThat(header(receiving, "J")).isEqualTo("Immediate Previous Source Business Name");
		assertThat(header(receiving, "Q")).isEqualTo("Receiving Location Business Name");
		assertThat(header(receiving, "X")).isEqualTo("Date Received");
		assertThat(header(receiving, "Y")).isEqualTo("TLC Source Business Name");
		assertThat(header(receiving, "AE")).isEqualTo("TLC Source Country");
		assertThat(header(receiving, "AF")).isEqualTo("TLC Source Reference");
		assertThat(header(receiving, "AG")).isEqualTo("Reference Document Type");
		assertThat(receiving.columns()).hasSize(36);
		assertThat(Sheet.letter(35)).isEqualTo("AJ");
	}

	@Test
	void shippingHasTheShapeOfReceiving() {
		Sheet shipping = this.empty.sheet(Cte.SHIPPING);
		assertThat(shipping.headers()).containsExactlyElementsOf(concat(
				List.of("Traceability Lot Code", "Quantity", "Unit of Measure", "Product Name", "Brand Name",
						"Commodity", "Variety", "Packaging Size", "Packaging Style"),
				prefixed("Immediate Subsequent Recipient"), prefixed("Ship-From Location"), List.of("Date Shipped"),
				prefixed("TLC Source"), List.of("TLC Source Reference", "Reference Document Type",
						"Reference Document Number", "2nd Reference Document Type", "2nd Reference Document Number")));
		assertThat(header(shipping, "X")).isEqualTo("Date Shipped");
		assertThat(header(shipping, "AJ")).isEqualTo("2nd Reference Document Number");
	}

	@Test
	void transformationFollowsFdaColumnsAToAe() {
		Sheet transformation = this.empty.sheet(Cte.TRANSFORMATION);
		assertThat(transformation.headers()).containsExactlyElementsOf(concat(List.of("Input Traceability Lot Code",
				"Input Product Name", "Input Brand Name", "Input Commodity", "Input Variety", "Input Packaging Size",
				"Input Packaging Style", "Input Quantity Used", "Input Unit of Measure", "New Traceability Lot Code"),
				prefixed("Transformation Location"),
				List.of("TLC Source Reference", "Date Transformation Completed", "Output Product Name",
						"Output Brand Name", "Output Commodity", "Output Variety", "Output Packaging Size",
						"Output Packaging Style", "Output Quantity", "Output Unit of Measure",
						"Reference Document Type", "Reference Document Number", "2nd Reference Document Type",
						"2nd Reference Document Number")));
		assertThat(header(transformation, "H")).isEqualTo("Input Quantity Used");
		assertThat(header(transformation, "J")).isEqualTo("New Traceability Lot Code");
		assertThat(header(transformation, "K")).isEqualTo("Transformation Location Business Name");
		assertThat(header(transformation, "R")).isEqualTo("TLC Source Reference");
		assertThat(header(transformation, "S")).isEqualTo("Date Transformation Completed");
		assertThat(header(transformation, "Z")).isEqualTo("Output Quantity");
		assertThat(header(transformation, "AE")).isEqualTo("2nd Reference Document Number");
		assertThat(transformation.columns()).hasSize(31);
	}

	@Test
	void harvestingListsTheKdesOf1325aInOrder() {
		assertThat(this.empty.sheet(Cte.HARVESTING).headers())
			.containsExactlyElementsOf(concat(prefixed("Immediate Subsequent Recipient"),
					List.of("Commodity", "Variety", "Quantity", "Unit of Measure"), prefixed("Farm"),
					List.of("Field or Container Name", "Date Harvested"), references()));
	}

	@Test
	void coolingListsTheKdesOf1325bInOrder() {
		assertThat(this.empty.sheet(Cte.COOLING).headers())
			.containsExactlyElementsOf(concat(prefixed("Immediate Subsequent Recipient"),
					List.of("Commodity", "Variety", "Quantity", "Unit of Measure"), prefixed("Cooling Location"),
					List.of("Date Cooled"), prefixed("Harvest Farm"), references()));
	}

	@Test
	void initialPackingListsTheSixteenKdesOf1330aInOrder() {
		assertThat(this.empty.sheet(Cte.INITIAL_PACKING).headers()).containsExactlyElementsOf(concat(
				List.of("Commodity Received", "Variety Received", "Date Received", "Quantity Received",
						"Unit of Measure Received"),
				prefixed("Harvest Farm"),
				List.of("Field or Container Name", "Harvester Business Name", "Harvester Phone Number",
						"Date Harvested"),
				prefixed("Cooling Location"),
				List.of("Date Cooled", "Traceability Lot Code", "Product Name", "Brand Name", "Commodity", "Variety",
						"Packaging Size", "Packaging Style", "Quantity", "Unit of Measure"),
				prefixed("Packing Location"), List.of("TLC Source Reference", "Date Packed"), references()));
	}

	@Test
	void firstLandBasedReceivingListsTheKdesOf1335InOrder() {
		assertThat(this.empty.sheet(Cte.FIRST_LAND_BASED_RECEIVING).headers()).containsExactlyElementsOf(concat(
				List.of("Traceability Lot Code", "Product Name", "Brand Name", "Commodity", "Variety", "Packaging Size",
						"Packaging Style", "Quantity", "Unit of Measure", "Harvest Date Range Start",
						"Harvest Date Range End", "Catch Location"),
				prefixed("First Land-Based Receiver"), List.of("TLC Source Reference", "Date Landed"), references()));
	}

	@Test
	void everyColumnCitesTheParagraphOfItsCteAndSaysWhatItHolds() {
		for (Sheet sheet : this.empty.cteSheets()) {
			String section = sheet.cte().section().replaceAll("\\(.*", "");
			for (Column column : sheet.columns()) {
				assertThat(column.citation()).as(sheet.name() + " " + column.header()).startsWith(section);
				assertThat(column.description()).as(sheet.name() + " " + column.header()).isNotBlank();
				assertThat(column.kde()).as(sheet.name() + " " + column.header()).isNotBlank();
			}
			assertThat(sheet.headers()).as(sheet.name()).doesNotHaveDuplicates();
		}
		Sheet receiving = this.empty.sheet(Cte.RECEIVING);
		assertThat(receiving.columns().get(receiving.column("Immediate Previous Source Phone Number")).citation())
			.isEqualTo("§ 1.1345(a)(4)");
		assertThat(receiving.columns().get(receiving.column("TLC Source Reference")).citation())
			.isEqualTo("§ 1.1345(a)(7)");
		Sheet transformation = this.empty.sheet(Cte.TRANSFORMATION);
		assertThat(transformation.columns().get(transformation.column("Input Quantity Used")).citation())
			.isEqualTo("§ 1.1350(a)(1)(iii)");
	}

	@Test
	void columnTypesTellDatesAndNumbersFromText() {
		Sheet receiving = this.empty.sheet(Cte.RECEIVING);
		assertThat(receiving.columns().get(receiving.column("Date Received")).type()).isEqualTo(Column.Type.DATE);
		assertThat(receiving.columns().get(receiving.column("Quantity")).type()).isEqualTo(Column.Type.NUMBER);
		assertThat(receiving.columns().get(receiving.column("Unit of Measure")).type()).isEqualTo(Column.Type.TEXT);
	}

	private static String header(Sheet sheet, String letter) {
		for (int c = 0; c < sheet.columns().size(); c++) {
			if (Sheet.letter(c).equals(letter)) {
				return sheet.columns().get(c).header();
			}
		}
		throw new AssertionError("no column " + letter);
	}

	private static List<String> prefixed(String prefix) {
		return LOCATION.stream().map((part) -> prefix + " " + part).toList();
	}

	private static List<String> references() {
		return List.of("Reference Document Type", "Reference Document Number", "2nd Reference Document Type",
				"2nd Reference Document Number");
	}

	@SafeVarargs
	private static List<String> concat(List<String>... parts) {
		return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
	}

}
