package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.lottrace.kde.Cte;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.RecordKind;
import org.lottrace.report.RecordSet;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/** Values land in their columns, composite KDEs split, rows in a reproducible order. */
class FdaSpreadsheetValuesTests {

	@Test
	void receivingRowSplitsProductAndLocationDescriptions() {
		Sheet receiving = FdaSpreadsheet.of(Events.records(Events.complete(RecordKind.RECEIVING).build()))
			.sheet(Cte.RECEIVING);
		assertThat(receiving.rows()).hasSize(1);
		assertThat(receiving.rows().get(0)).containsExactly("L2301", new BigDecimal("20"), "case", "Unsalted butter",
				"Dairy Gold", "Butter", "Unsalted", "36 lb", "Case", "Dairy Gold Creamery", "+1 715-555-0120",
				"9 Creamery Lane", "Eau Claire", "WI", "54701", "US", "Sunrise Bakery", "+1 217-555-0100",
				"100 Mill Street", "Springfield", "IL", "62701", "US", LocalDate.of(2026, 10, 5), "Dairy Gold Creamery",
				"+1 715-555-0120", "9 Creamery Lane", "Eau Claire", "WI", "54701", "US", null, "Purchase order",
				"PO-88114", "Receipt", "RC-5003");
	}

	@Test
	void shippingShowsTheLotsAssignerAsTlcSourceWhenTheRecordNamesNone() {
		KdeEvent shipped = Events.complete(RecordKind.SHIPPING).without(KdeField.TLC_SOURCE_LOCATION_CODE).build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(shipped));
		Sheet shipping = spreadsheet.sheet(Cte.SHIPPING);
		assertThat(shipping.value(0, "TLC Source Business Name")).isEqualTo("Sunrise Bakery");
		assertThat(shipping.value(0, "Immediate Subsequent Recipient Business Name"))
			.isEqualTo("Green Valley Market #12");
		assertThat(shipping.value(0, "Ship-From Location City")).isEqualTo("Springfield");
		assertThat(shipping.value(0, "Date Shipped")).isEqualTo(LocalDate.of(2026, 10, 15));
		assertThat(shipping.value(0, "Quantity")).isEqualTo(new BigDecimal("8"));
		assertThat(spreadsheet.gaps()).isEmpty();
	}

	@Test
	void showsTheResolvedLotCodeNotTheInternalNumberRecorded() {
		KdeEvent received = Events.complete(RecordKind.RECEIVING).build();
		KdeEvent shipped = Events.complete(RecordKind.SHIPPING).lot("C14", null).build();
		RecordSet records = Events.records(List.of(received, shipped),
				Map.of("C14", new RecordSet.Lot("C261014A", "BAKERY-01")));
		Sheet shipping = FdaSpreadsheet.of(records).sheet(Cte.SHIPPING);
		assertThat(shipping.value(0, "Traceability Lot Code")).isEqualTo("C261014A");
	}

	@Test
	void quantitiesAreNumbersWithoutTrailingZerosDatesAreDates() {
		KdeEvent received = Events.complete(RecordKind.RECEIVING).quantity("20.500000", "kg").build();
		KdeEvent tens = Events.complete(RecordKind.SHIPPING).quantity("10.000000", "case").build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(received, tens));
		assertThat(spreadsheet.sheet(Cte.RECEIVING).value(0, "Quantity")).isEqualTo(new BigDecimal("20.5"));
		BigDecimal ten = (BigDecimal) spreadsheet.sheet(Cte.SHIPPING).value(0, "Quantity");
		assertThat(ten.toString()).isEqualTo("10");
		assertThat(spreadsheet.sheet(Cte.RECEIVING).value(0, "Date Received")).isInstanceOf(LocalDate.class);
	}

	@Test
	void farmSheetsFillCommodityFieldAndPartnerColumns() {
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(Events.complete(RecordKind.HARVESTING).build(),
				Events.complete(RecordKind.COOLING).build(), Events.complete(RecordKind.INITIAL_PACKING).build(),
				Events.complete(RecordKind.FIRST_LAND_BASED_RECEIVING).build()));
		Sheet harvesting = spreadsheet.sheet(Cte.HARVESTING);
		assertThat(harvesting.value(0, "Commodity")).isEqualTo("Tomatoes");
		assertThat(harvesting.value(0, "Variety")).isEqualTo("Roma");
		assertThat(harvesting.value(0, "Farm Business Name")).isEqualTo("Rio Verde Farms");
		assertThat(harvesting.value(0, "Field or Container Name")).isEqualTo("Field 7");
		assertThat(harvesting.value(0, "Immediate Subsequent Recipient Business Name")).isEqualTo("Valley Cooling");
		Sheet cooling = spreadsheet.sheet(Cte.COOLING);
		assertThat(cooling.value(0, "Harvest Farm Country")).isEqualTo("MX");
		assertThat(cooling.value(0, "Cooling Location Business Name")).isEqualTo("Valley Cooling");
		Sheet packing = spreadsheet.sheet(Cte.INITIAL_PACKING);
		assertThat(packing.value(0, "Commodity Received")).isEqualTo("Tomatoes");
		assertThat(packing.value(0, "Quantity Received")).isEqualTo(new BigDecimal("75"));
		assertThat(packing.value(0, "Unit of Measure Received")).isEqualTo("bin");
		assertThat(packing.value(0, "Harvester Phone Number")).isEqualTo("+52 55 5555 0101");
		assertThat(packing.value(0, "Date Cooled")).isEqualTo(LocalDate.of(2026, 10, 1));
		assertThat(packing.value(0, "Traceability Lot Code")).isEqualTo("TP-1001");
		assertThat(packing.value(0, "Packing Location Business Name")).isEqualTo("Valley Cooling");
		assertThat(packing.value(0, "Quantity")).isEqualTo(new BigDecimal("300"));
		Sheet landing = spreadsheet.sheet(Cte.FIRST_LAND_BASED_RECEIVING);
		assertThat(landing.value(0, "Product Name")).isEqualTo("Atlantic cod");
		assertThat(landing.value(0, "Harvest Date Range End")).isEqualTo(LocalDate.of(2026, 9, 29));
		assertThat(landing.value(0, "Catch Location")).isEqualTo("FAO 21");
		assertThat(landing.value(0, "First Land-Based Receiver Business Name")).isEqualTo("Harbor Seafood Receiving");
		assertThat(spreadsheet.gaps()).as("complete records, a Mexican farm without state or ZIP code").isEmpty();
	}

	@Test
	void rowsAreSortedByDateThenLotCodeThenRecordKeyWhateverTheInputOrder() {
		List<KdeEvent> events = new ArrayList<>(List.of(received("erp-receiving|RC-2|1", "B-LOT", "2026-10-05"),
				received("erp-receiving|RC-1|1", "B-LOT", "2026-10-05"),
				received("erp-receiving|RC-3|1", "A-LOT", "2026-10-05"),
				received("erp-receiving|RC-4|1", "Z-LOT", "2026-10-04"),
				received("erp-receiving|RC-5|1", "A-LOT", "2026-10-06")));
		List<List<Object>> first = null;
		for (long seed = 1; seed <= 5; seed++) {
			Collections.shuffle(events, new Random(seed));
			Sheet receiving = FdaSpreadsheet.of(Events.records(events.toArray(KdeEvent[]::new))).sheet(Cte.RECEIVING);
			assertThat(receiving.rows())
				.extracting((row) -> row.get(0) + " " + row.get(receiving.column("Date Received")) + " "
						+ row.get(receiving.column("2nd Reference Document Number")))
				.containsExactly("Z-LOT 2026-10-04 RC-4", "A-LOT 2026-10-05 RC-3", "B-LOT 2026-10-05 RC-1",
						"B-LOT 2026-10-05 RC-2", "A-LOT 2026-10-06 RC-5");
			if (first == null) {
				first = new ArrayList<>(receiving.rows());
			}
			assertThat(receiving.rows()).isEqualTo(first);
		}
	}

	private static KdeEvent received(String key, String lot, String date) {
		String receipt = key.split("\\|")[1];
		return Events.event(Cte.RECEIVING, key)
			.lot(lot, "V120")
			.product("BUTTER-UNS-36")
			.quantity("1", "case")
			.date(date)
			.partner("V120")
			.location("BAKERY-01")
			.reference("Purchase order", "PO-" + receipt)
			.reference2("Receipt", receipt)
			.build();
	}

}
