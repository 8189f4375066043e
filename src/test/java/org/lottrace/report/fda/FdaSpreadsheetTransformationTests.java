package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lottrace.kde.Cte;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.RecordKind;
import org.lottrace.report.RecordSet;
import org.lottrace.report.fda.FdaSpreadsheet.Gap;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/**
 * Transformation rows: one row per input lot with the output quantity once, separate
 * input and output rows for several outputs, tickets of one lot added up.
 */
class FdaSpreadsheetTransformationTests {

	/** What the scale scanned (receiving lot numbers) and the lots they are. */
	private static final Map<String, RecordSet.Lot> ALIASES = Map.of("R10203", new RecordSet.Lot("L2301", "V120"),
			"R10209", new RecordSet.Lot("L2301", "V130"));

	private static final KdeEvent BUTTER_RECEIVED = Events.complete(RecordKind.RECEIVING).build();

	private static final KdeEvent PEANUT_BUTTER_RECEIVED = Events.complete(RecordKind.RECEIVING)
		.key("erp-receiving|RC-5009|1")
		.lot("L2301", "V130")
		.product("PB-CREAMY-35")
		.partner("V130")
		.tlcSource("V130")
		.build();

	private static final KdeEvent COOKIES = Events.complete(RecordKind.TRANSFORMATION_OUTPUT).build();

	@Test
	void oneOutputHasOneRowPerInputLotAndItsQuantityOnceOnly() {
		Sheet sheet = sheet(COOKIES, ticket("T-10103", "R10203", "15"), ticket("T-10104", "R10209", "12.5"));
		assertThat(sheet.rows()).hasSize(2);
		assertThat(column(sheet, "Input Traceability Lot Code")).containsExactly("L2301", "L2301");
		assertThat(column(sheet, "Input Product Name")).containsExactly("Unsalted butter", "Peanut butter, creamy");
		assertThat(column(sheet, "Input Quantity Used")).containsExactly(new BigDecimal("15"), new BigDecimal("12.5"));
		assertThat(column(sheet, "Input Unit of Measure")).containsExactly("kg", "kg");
		assertThat(column(sheet, "New Traceability Lot Code")).containsExactly("C261014A", "C261014A");
		assertThat(column(sheet, "Output Product Name")).containsOnly("Peanut Butter Sandwich Cookies, 12 ct");
		assertThat(column(sheet, "Transformation Location Business Name")).containsOnly("Sunrise Bakery");
		assertThat(column(sheet, "Date Transformation Completed")).containsOnly(LocalDate.of(2026, 10, 14));
		assertThat(column(sheet, "Output Quantity")).containsExactly(new BigDecimal("27"), null);
		assertThat(column(sheet, "Output Unit of Measure")).containsExactly("case", null);
		assertThat(column(sheet, "Reference Document Number")).containsOnly("WO-1014-P");
		assertThat(column(sheet, "2nd Reference Document Number")).containsExactly("T-10103", "T-10104");
	}

	@Test
	void ticketsOfOneLotInOneWorkOrderAreAddedUpInOneRow() {
		Sheet sheet = sheet(COOKIES, ticket("T-10212", "R10209", "16.2"), ticket("T-10203", "R10209", "3.8"),
				ticket("T-10103", "R10203", "15"));
		assertThat(sheet.rows()).hasSize(2);
		assertThat(column(sheet, "Input Quantity Used")).containsExactly(new BigDecimal("15"), new BigDecimal("20"));
		assertThat(column(sheet, "2nd Reference Document Type")).containsExactly("Scale ticket", "Scale ticket");
		assertThat(column(sheet, "2nd Reference Document Number")).containsExactly("T-10103", "T-10203, T-10212");
	}

	@Test
	void ticketsOfOneLotInDifferentUnitsStayApart() {
		KdeEvent pounds = ticketBuilder("T-10105", "R10203").quantity("10", "lb").build();
		Sheet sheet = sheet(COOKIES, ticket("T-10103", "R10203", "15"), pounds);
		assertThat(column(sheet, "Input Unit of Measure")).containsExactly("kg", "lb");
		assertThat(column(sheet, "Output Quantity")).containsExactly(new BigDecimal("27"), null);
	}

	@Test
	void severalOutputsGetInputRowsThenOutputRows() {
		KdeEvent whole = Events.complete(RecordKind.TRANSFORMATION_OUTPUT).build();
		KdeEvent broken = Events.output("erp-production|WO-1014-P|B261014A")
			.lot("B261014A", "BAKERY-01")
			.product("COOKIE-BROKEN")
			.quantity("3.5", "kg")
			.date("2026-10-14")
			.location("BAKERY-01")
			.workOrder("WO-1014-P")
			.reference("Work order", "WO-1014-P")
			.build();
		FdaSpreadsheet spreadsheet = spreadsheet(whole, broken, ticket("T-10103", "R10203", "15"),
				ticket("T-10104", "R10209", "12.5"));
		Sheet sheet = spreadsheet.sheet(Cte.TRANSFORMATION);
		assertThat(sheet.rows()).hasSize(4);
		assertThat(column(sheet, "Input Traceability Lot Code")).containsExactly("L2301", "L2301", null, null);
		assertThat(column(sheet, "Input Quantity Used")).containsExactly(new BigDecimal("15"), new BigDecimal("12.5"),
				null, null);
		assertThat(column(sheet, "New Traceability Lot Code")).containsExactly(null, null, "B261014A", "C261014A");
		assertThat(column(sheet, "Output Product Name")).containsExactly(null, null, "Broken cookies for crumb",
				"Peanut Butter Sandwich Cookies, 12 ct");
		assertThat(column(sheet, "Output Quantity")).containsExactly(null, null, new BigDecimal("3.5"),
				new BigDecimal("27"));
		assertThat(column(sheet, "Reference Document Number")).containsOnly("WO-1014-P");
		assertThat(column(sheet, "Date Transformation Completed")).containsOnly(LocalDate.of(2026, 10, 14));
		assertThat(spreadsheet.gaps()).isEmpty();
	}

	@Test
	void anOutputWithoutInputRecordsStillHasARowWithItsInputMarkedMissing() {
		FdaSpreadsheet spreadsheet = spreadsheet(COOKIES);
		Sheet sheet = spreadsheet.sheet(Cte.TRANSFORMATION);
		assertThat(sheet.rows()).hasSize(1);
		assertThat(sheet.value(0, "Input Traceability Lot Code")).isEqualTo(FdaSpreadsheet.MISSING);
		assertThat(sheet.value(0, "Input Quantity Used")).isNull();
		assertThat(sheet.value(0, "New Traceability Lot Code")).isEqualTo("C261014A");
		assertThat(sheet.value(0, "Output Quantity")).isEqualTo(new BigDecimal("27"));
		assertThat(spreadsheet.gaps()).singleElement().satisfies((gap) -> {
			assertThat(gap.cell()).isEqualTo("A2");
			assertThat(gap.citation()).isEqualTo("§ 1.1350(a)(1)(i)");
			assertThat(gap.reason()).contains("WO-1014-P");
			assertThat(gap.recordKey()).isEqualTo(COOKIES.recordKey());
		});
	}

	@Test
	void anInputWhoseNumberResolvesToNoLotIsShownAsRecordedAndDoubtful() {
		KdeEvent unknown = ticketBuilder("T-10199", "R99999").quantity("2", "kg")
			.source("TICKETS_20261012.csv", 40)
			.build();
		FdaSpreadsheet spreadsheet = spreadsheet(COOKIES, ticket("T-10103", "R10203", "15"), unknown);
		Sheet sheet = spreadsheet.sheet(Cte.TRANSFORMATION);
		assertThat(column(sheet, "Input Traceability Lot Code")).containsExactly("L2301", "R99999");
		assertThat(column(sheet, "Input Product Name")).containsExactly("Unsalted butter", FdaSpreadsheet.MISSING);
		assertThat(spreadsheet.gaps()).extracting(Gap::cell, Gap::citation)
			.containsExactly(tuple("A3", "§ 1.1350(a)(1)(i)"), tuple("B3", "§ 1.1350(a)(1)(ii)"),
					tuple("F3", "§ 1.1350(a)(1)(ii)"), tuple("G3", "§ 1.1350(a)(1)(ii)"));
		Gap doubtful = spreadsheet.gaps().get(0);
		assertThat(doubtful.reason()).contains("R99999").contains("resolves to no traceability lot");
		assertThat(doubtful.sourceFile()).isEqualTo("TICKETS_20261012.csv");
		assertThat(doubtful.sourceLine()).isEqualTo(40);
		assertThat(spreadsheet.gaps().get(1).reason()).contains("R99999 resolves to no lot");
	}

	@Test
	void anInputWhoseOutputIsNotInTheRecordsShowsTheInputOnly() {
		Sheet sheet = sheet(ticket("T-10103", "R10203", "15"));
		assertThat(sheet.rows()).hasSize(1);
		assertThat(sheet.value(0, "Input Traceability Lot Code")).isEqualTo("L2301");
		assertThat(sheet.value(0, "New Traceability Lot Code")).isNull();
		assertThat(sheet.value(0, "Output Quantity")).isNull();
		assertThat(sheet.value(0, "Reference Document Number")).isEqualTo("WO-1014-P");
	}

	@Test
	void noOutputQuantityIsRepeatedAcrossTransformations() {
		KdeEvent other = Events.output("erp-production|WO-1013-P|C261013A")
			.lot("C261013A", "BAKERY-01")
			.product("COOKIE-PB-12")
			.quantity("24", "case")
			.date("2026-10-13")
			.location("BAKERY-01")
			.workOrder("WO-1013-P")
			.reference("Work order", "WO-1013-P")
			.build();
		KdeEvent otherInput = ticketBuilder("T-10090", "R10209").workOrder("WO-1013-P")
			.reference("Work order", "WO-1013-P")
			.date("2026-10-13")
			.build();
		Sheet sheet = sheet(COOKIES, other, otherInput, ticket("T-10103", "R10203", "15"),
				ticket("T-10104", "R10209", "12.5"));
		assertThat(column(sheet, "New Traceability Lot Code")).containsExactly("C261013A", "C261014A", "C261014A");
		assertThat(column(sheet, "Output Quantity")).containsExactly(new BigDecimal("24"), new BigDecimal("27"), null);
	}

	private static KdeEvent ticket(String ticket, String scanned, String kg) {
		return ticketBuilder(ticket, scanned).quantity(kg, "kg").build();
	}

	private static Events.Builder ticketBuilder(String ticket, String scanned) {
		return Events.input("scale-tickets|" + ticket)
			.lot(scanned, null)
			.quantity("1", "kg")
			.date("2026-10-14")
			.location("BAKERY-01")
			.workOrder("WO-1014-P")
			.reference("Work order", "WO-1014-P")
			.reference2("Scale ticket", ticket)
			.source("TICKETS.csv", 4);
	}

	private static FdaSpreadsheet spreadsheet(KdeEvent... transformation) {
		List<KdeEvent> events = new ArrayList<>(List.of(BUTTER_RECEIVED, PEANUT_BUTTER_RECEIVED));
		events.addAll(List.of(transformation));
		return FdaSpreadsheet.of(Events.records(events, ALIASES));
	}

	private static Sheet sheet(KdeEvent... transformation) {
		return spreadsheet(transformation).sheet(Cte.TRANSFORMATION);
	}

	private static List<Object> column(Sheet sheet, String header) {
		int c = sheet.column(header);
		return sheet.rows().stream().map((row) -> row.get(c)).toList();
	}

}
