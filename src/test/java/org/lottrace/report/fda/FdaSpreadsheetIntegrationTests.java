package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.report.RecordSet;
import org.lottrace.report.RecordSets;
import org.lottrace.report.fda.FdaSpreadsheet.Gap;
import org.lottrace.report.fda.XlsxFile.StoredCell;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The real pipeline on the bundled sample data: ingest {@code sample-data/}, trace lot
 * C261014A both ways, write the FDA spreadsheet as XLSX and CSV, and read the files back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.batch.job.enabled=false", "lottrace.ingest.jobs=jobs" })
class FdaSpreadsheetIntegrationTests {

	@TempDir
	static Path store;

	@TempDir
	static Path reports;

	@Autowired
	IngestService ingestService;

	@Autowired
	TraceService traceService;

	/** Built once, by the first test (the context and the store are shared by all). */
	private static FdaSpreadsheet spreadsheet;

	private static XlsxFile xlsx;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> store.toString());
	}

	@BeforeEach
	void ingestTraceAndWriteOnce() {
		if (spreadsheet != null) {
			return;
		}
		List<IngestResult> ingested = this.ingestService
			.ingest(this.ingestService.plan(List.of(Path.of("sample-data")), null));
		// 22 exports, then a retry of the pending rows of 3 of them (still pending)
		assertThat(ingested).filteredOn((r) -> r.status() != IngestResult.Status.RESOLVED)
			.hasSize(22)
			.allMatch((r) -> r.status() == IngestResult.Status.INGESTED);
		assertThat(ingested).filteredOn((r) -> r.status() == IngestResult.Status.RESOLVED)
			.extracting(IngestResult::written, IngestResult::pending)
			.containsOnly(org.assertj.core.groups.Tuple.tuple(0L, 1L));
		RecordSet records = RecordSets.of(this.traceService.trace(TraceRequest.lot("C261014A", Direction.BOTH)),
				List.of());
		spreadsheet = FdaSpreadsheet.of(records);
		xlsx = new XlsxFile(FdaXlsxWriter.write(spreadsheet, reports.resolve("fda-C261014A.xlsx")));
		FdaCsvWriter.write(spreadsheet, reports.resolve("csv"));
	}

	@Test
	void receivingShowsTheTwoSuppliersLotsL2301ApartByTheirTlcSource() {
		List<Map<String, String>> l2301 = table("Receiving").stream()
			.filter((row) -> "L2301".equals(row.get("Traceability Lot Code")))
			.toList();
		assertThat(l2301).extracting((row) -> row.get("TLC Source Business Name"))
			.containsExactlyInAnyOrder("Nutty Butter Co.", "Dairy Gold Creamery");
		assertThat(l2301).extracting((row) -> row.get("Product Name"))
			.containsExactlyInAnyOrder("Peanut butter, creamy", "Unsalted butter");
		assertThat(l2301).extracting((row) -> row.get("Immediate Previous Source City"))
			.containsExactlyInAnyOrder("Dothan", "Eau Claire");
	}

	@Test
	void transformationShowsThe30KgOfFillingLotF261013AUsedInWorkOrderWo1014P() {
		List<Map<String, String>> wo1014 = table("Transformation").stream()
			.filter((row) -> "WO-1014-P".equals(row.get("Reference Document Number")))
			.toList();
		assertThat(wo1014).filteredOn((row) -> "F261013A".equals(row.get("Input Traceability Lot Code")))
			.singleElement()
			.satisfies((row) -> {
				assertThat(row.get("Input Quantity Used")).isEqualTo("30");
				assertThat(row.get("Input Unit of Measure")).isEqualTo("kg");
				assertThat(row.get("Input Product Name")).isEqualTo("Peanut butter cream filling (intermediate)");
				assertThat(row.get("New Traceability Lot Code")).isEqualTo("C261014A");
				assertThat(row.get("2nd Reference Document Number")).isEqualTo("T-10105");
			});
		assertThat(wo1014).hasSize(7)
			.extracting((row) -> row.get("Input Traceability Lot Code"))
			.containsExactlyInAnyOrder("HM-2609-114", "HM-2610-021", "24301", "L2301", "EG1009", "F261013A",
					"C261008A");
		assertThat(wo1014).extracting((row) -> row.get("Output Quantity"))
			.as("the 27 cases produced, once")
			.containsOnlyOnce("27")
			.containsOnly("27", null);
		assertThat(wo1014).extracting((row) -> row.get("Date Transformation Completed")).containsOnly("2026-10-14");
	}

	@Test
	void shippingShowsLotC261014AAtItsThreeCustomers() {
		Map<String, String> shipped = new LinkedHashMap<>();
		table("Shipping").stream()
			.filter((row) -> "C261014A".equals(row.get("Traceability Lot Code")))
			.forEach((row) -> shipped.put(row.get("Immediate Subsequent Recipient Business Name"),
					row.get("Quantity") + " " + row.get("Unit of Measure")));
		assertThat(shipped).containsExactly(Map.entry("Green Valley Market #12", "8 case"),
				Map.entry("Campus Dining Services", "6 case"),
				Map.entry("Midwest Foodservice Distributors", "12 case"));
	}

	@Test
	void csvFilesHoldTheSameFacts() throws IOException {
		List<CSVRecord> shipping = csv("fda-shipping.csv");
		List<String> header = shipping.get(0).toList();
		int recipient = header.indexOf("Immediate Subsequent Recipient Business Name");
		assertThat(shipping).filteredOn((row) -> "C261014A".equals(row.get(0)))
			.extracting((row) -> row.get(recipient) + ": " + row.get(1) + " " + row.get(2))
			.containsExactly("Green Valley Market #12: 8 case", "Campus Dining Services: 6 case",
					"Midwest Foodservice Distributors: 12 case");
		List<CSVRecord> receiving = csv("fda-receiving.csv");
		assertThat(receiving).filteredOn((row) -> "L2301".equals(row.get(0)))
			.extracting((row) -> row.get(24) + " " + row.get(23))
			.containsExactlyInAnyOrder("Dairy Gold Creamery 2026-10-05", "Nutty Butter Co. 2026-10-09");
		assertThat(csv("fda-request.csv"))
			.anySatisfy((row) -> assertThat(row.toList()).containsExactly("Request", "trace of lot C261014A"));
	}

	@Test
	void everyTransformationRowOfALotCodeRequestForAnIngredientNamesWhatItBecame() {
		// given: the FDA asks for the records of flour lot HM-2609-114, which went into
		// batches the request does not name
		org.lottrace.trace.RecordSelection selection = this.traceService
			.records(new org.lottrace.trace.RecordRequest(List.of(), null, null, List.of("HM-2609-114")));

		// when
		FdaSpreadsheet flour = FdaSpreadsheet.of(RecordSets.of(selection));

		// then: each transformation row names the new lot code and its food
		FdaSpreadsheet.Sheet transformation = flour.sheet(org.lottrace.kde.Cte.TRANSFORMATION);
		assertThat(transformation.rows()).hasSizeGreaterThan(3);
		for (int row = 0; row < transformation.rows().size(); row++) {
			assertThat(transformation.value(row, "New Traceability Lot Code")).as("row %d", row)
				.isNotNull()
				.isNotEqualTo(FdaSpreadsheet.MISSING);
			assertThat(transformation.value(row, "Output Product Name")).as("row %d", row)
				.isNotNull()
				.isNotEqualTo(FdaSpreadsheet.MISSING);
		}
		assertThat(flour.gaps()).noneSatisfy((gap) -> assertThat(gap.column()).startsWith("New Traceability"));
	}

	@Test
	void theReceiptsAssumedTlcSourceIsMarkedOnTheGapsSheetAndNoKdeIsMissing() {
		// the sample's receiving mapping states that the vendor assigned the lot code
		assertThat(spreadsheet.gaps()).isNotEmpty().allSatisfy((gap) -> {
			assertThat(gap.kind()).isEqualTo(org.lottrace.trace.Gap.Kind.ASSUMED_TLC_SOURCE);
			assertThat(gap.column()).isEqualTo("TLC Source Business Name");
			assertThat(gap.reason()).isEqualTo("assumed, not recorded in the export (mapping erp-receiving): our "
					+ "suppliers pack or make what they ship, so the vendor assigned the lot code");
			assertThat(gap.sourceFile()).startsWith("RCV_");
		});
		Map<String, StoredCell> gaps = xlsx.cells(FdaSpreadsheet.GAPS);
		assertThat(gaps.get("A1").text()).isEqualTo("Gap");
		assertThat(gaps.get("A2").text()).isEqualTo("TLC source assumed");
		assertThat(xlsx.sheetNames()).hasSize(10);
		assertThat(table(FdaSpreadsheet.EXPLANATIONS))
			.anySatisfy((row) -> assertThat(row).containsEntry("Term", "TLC source assumed"));
	}

	/**
	 * A sheet of the XLSX file as rows of text by header; numbers and dates as stored.
	 */
	private List<Map<String, String>> table(String sheet) {
		Map<String, StoredCell> cells = xlsx.cells(sheet);
		Map<String, String> headers = new LinkedHashMap<>();
		Map<Integer, Map<String, String>> rows = new LinkedHashMap<>();
		cells.values().forEach((cell) -> {
			String column = cell.ref().replaceAll("\\d", "");
			int row = Integer.parseInt(cell.ref().replaceAll("\\D", ""));
			if (row == 1) {
				headers.put(column, cell.text());
			}
			else {
				String text = FdaXlsxWriter.DATE_FORMAT.equals(cell.format()) ? date(cell.value()) : cell.text();
				rows.computeIfAbsent(row, (r) -> new LinkedHashMap<>()).put(headers.get(column), text);
			}
		});
		return new ArrayList<>(rows.values());
	}

	/** A date cell's serial number (days since 1899-12-30) as an ISO date. */
	private static String date(String serial) {
		return LocalDate.of(1899, 12, 30).plusDays((long) Double.parseDouble(serial)).toString();
	}

	private static List<CSVRecord> csv(String name) throws IOException {
		String text = Files.readString(reports.resolve("csv").resolve(name), StandardCharsets.UTF_8);
		return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
	}

}
