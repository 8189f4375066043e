package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.RecordKind;
import org.lottrace.report.fda.XlsxFile.StoredCell;

/**
 * The workbook as stored: sheets, frozen and filtered headers, cell types, no formulas.
 */
class FdaXlsxWriterTests {

	@TempDir
	Path dir;

	private final FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(
			Events.complete(RecordKind.RECEIVING).quantity("20.5", "kg").build(),
			Events.complete(RecordKind.SHIPPING).build(), Events.complete(RecordKind.TRANSFORMATION_OUTPUT).build()));

	@Test
	void writesOneWorksheetPerSheetInOrder() {
		Path file = FdaXlsxWriter.write(this.spreadsheet, this.dir.resolve("fda.xlsx"));
		XlsxFile xlsx = new XlsxFile(file);
		assertThat(xlsx.sheetNames()).containsExactly("Harvesting", "Cooling", "Initial Packing",
				"First Land-Based Receiving", "Shipping", "Receiving", "Transformation", "Explanations", "Request",
				"Missing or doubtful KDEs");
		Map<String, StoredCell> harvesting = xlsx.cells("Harvesting");
		assertThat(harvesting.get("A1").text()).isEqualTo("Immediate Subsequent Recipient Business Name");
		assertThat(harvesting.keySet()).allMatch((ref) -> ref.endsWith("1"));
	}

	@Test
	void headerRowIsFrozenAndUnderAnAutoFilterOverEveryColumn() {
		XlsxFile xlsx = new XlsxFile(FdaXlsxWriter.write(this.spreadsheet, this.dir.resolve("fda.xlsx")));
		String receiving = xlsx.sheetXml("Receiving");
		assertThat(receiving).containsPattern("<pane [^>]*ySplit=\"1\"[^>]*state=\"frozen\"")
			.contains("<autoFilter ref=\"A1:AJ2\"")
			.containsPattern("<col min=\"1\" max=\"1\" width=\"\\d+(\\.\\d+)?\"");
		assertThat(xlsx.sheetXml("Cooling")).contains("<autoFilter ref=\"A1:AD1\"");
		assertThat(xlsx.sheetXml("Transformation")).contains("<autoFilter ref=\"A1:AE2\"");
		assertThat(xlsx.cells("Receiving").get("AF1").text()).isEqualTo("TLC Source Reference");
	}

	@Test
	void datesAreDateCellsNumbersAreNumbersTextIsText() {
		Map<String, StoredCell> receiving = new XlsxFile(
				FdaXlsxWriter.write(this.spreadsheet, this.dir.resolve("fda.xlsx")))
			.cells("Receiving");
		StoredCell date = receiving.get("X2");
		assertThat(date.type()).isIn(null, "n");
		assertThat(date.format()).isEqualTo("yyyy-mm-dd");
		long serial = LocalDate.of(2026, 10, 5).toEpochDay() - LocalDate.of(1899, 12, 30).toEpochDay();
		assertThat(Double.parseDouble(date.value())).isEqualTo(serial);
		StoredCell quantity = receiving.get("B2");
		assertThat(quantity.type()).isEqualTo("n");
		assertThat(quantity.value()).isEqualTo("20.5");
		StoredCell lot = receiving.get("A2");
		assertThat(lot.type()).isEqualTo("s");
		assertThat(lot.text()).isEqualTo("L2301");
		assertThat(receiving.get("C2").text()).isEqualTo("kg");
	}

	@Test
	void formulaLikeTextIsStoredAsTextAndNoCellIsAFormula() {
		XlsxFile xlsx = new XlsxFile(
				FdaXlsxWriter.write(FdaSpreadsheet.of(Events.formulaLike()), this.dir.resolve("fda.xlsx")));
		Map<String, StoredCell> shipping = xlsx.cells("Shipping");
		assertThat(shipping.get("A2").text()).isEqualTo("-24");
		assertThat(shipping.get("J2").text()).isEqualTo("=1+1");
		assertThat(shipping.get("K2").text()).isEqualTo("+1 555-0100");
		assertThat(shipping.get("L2").text()).isEqualTo("@SUM(A1)");
		assertThat(Stream.of("A2", "J2", "K2", "L2").map(shipping::get)).allSatisfy((cell) -> {
			assertThat(cell.type()).isEqualTo("s");
			assertThat(cell.formula()).isNull();
		});
		for (String sheet : xlsx.sheetNames()) {
			assertThat(xlsx.sheetXml(sheet)).as(sheet).doesNotContain("<f>").doesNotContain("<f ");
		}
	}

	@Test
	void replacesAnOlderFileAndLeavesNoTemporaryFile() throws IOException {
		Path file = this.dir.resolve("reports/fda.xlsx");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "an older report");
		assertThat(FdaXlsxWriter.write(this.spreadsheet, file)).isEqualTo(file);
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
		assertThat(new XlsxFile(file).sheetNames()).hasSize(10);
	}

	@Test
	void createsTheFolderItWritesTo() {
		Path file = this.dir.resolve("a/b/fda.xlsx");
		FdaXlsxWriter.write(this.spreadsheet, file);
		assertThat(file).isRegularFile();
	}

}
