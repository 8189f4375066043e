package org.lottrace.kde;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.kde.KdeRows.complete;
import static org.lottrace.kde.KdeRows.with;
import static org.lottrace.kde.KdeRows.without;

class KdeRecordsTests {

	@Test
	void takesTheEventDateFromTheEventTime() {
		// given
		FieldValues values = without(complete(RecordKind.TRANSFORMATION_INPUT), KdeField.EVENT_DATE);
		with(values, KdeField.EVENT_TIME, LocalDateTime.of(2026, 10, 19, 23, 59));

		// when
		KdeRecords.complete(RecordKind.TRANSFORMATION_INPUT, values);

		// then
		assertThat(values.date(KdeField.EVENT_DATE)).isEqualTo(LocalDate.of(2026, 10, 19));
	}

	@Test
	void keepsAnEventDateTheRowGives() {
		// given
		FieldValues values = complete(RecordKind.TRANSFORMATION_INPUT);
		with(values, KdeField.EVENT_TIME, LocalDateTime.of(2026, 10, 19, 23, 59));

		// when
		KdeRecords.complete(RecordKind.TRANSFORMATION_INPUT, values);

		// then
		assertThat(values.date(KdeField.EVENT_DATE)).isEqualTo(LocalDate.of(2026, 10, 5));
	}

	@ParameterizedTest(name = "{0}: tlc source {1}, partner {2}, location {3} -> {4}")
	@CsvSource(nullValues = "-", value = { "RECEIVING, V120, V130, BAKERY-01, V120",
			"RECEIVING, -, V130, BAKERY-01, V130", "SHIPPING, BAKERY-01, C200-01, BAKERY-01, BAKERY-01",
			"SHIPPING, -, C200-01, BAKERY-01, -", "TRANSFORMATION_OUTPUT, -, -, BAKERY-01, BAKERY-01",
			"TRANSFORMATION_OUTPUT, CO-PACKER, -, BAKERY-01, CO-PACKER",
			"INITIAL_PACKING, -, FARM-1, PACKER-1, PACKER-1", "FIRST_LAND_BASED_RECEIVING, -, VESSEL-1, DOCK-1, DOCK-1",
			"TRANSFORMATION_INPUT, V120, V130, BAKERY-01, -", "HARVESTING, -, COOLER-1, FARM-1, -",
			"COOLING, -, PACKER-1, COOLER-1, -" })
	void fillsInWhoAssignedTheLotWhereTheCteTells(RecordKind kind, String tlcSource, String partner, String location,
			String expected) {
		// given
		FieldValues values = new FieldValues(kind.fields().size());
		values.set(KdeField.TLC_SOURCE_LOCATION_CODE, tlcSource, tlcSource);
		values.set(KdeField.PARTNER_LOCATION_CODE, partner, partner);
		values.set(KdeField.LOCATION_CODE, location, location);

		// when
		KdeRecords.complete(kind, values);

		// then
		assertThat(values.string(KdeField.LOT_ASSIGNER)).isEqualTo(expected);
		assertThat(values.text(KdeField.LOT_ASSIGNER)).isNull();
	}

	@ParameterizedTest
	@EnumSource(names = { "RECEIVING", "SHIPPING", "TRANSFORMATION_OUTPUT" })
	void keepsAnAssignerTheRowGives(RecordKind kind) {
		// given
		FieldValues values = with(complete(kind), KdeField.LOT_ASSIGNER, "FARM-1");

		// when
		KdeRecords.complete(kind, values);

		// then
		assertThat(values.string(KdeField.LOT_ASSIGNER)).isEqualTo("FARM-1");
	}

	@Test
	void leavesMasterDataAlone() {
		// given
		FieldValues values = complete(RecordKind.LOCATION);

		// when
		KdeRecords.complete(RecordKind.LOCATION, values);

		// then
		assertThat(values.string(LocationField.LOCATION_CODE)).isEqualTo("BAKERY-01");
	}

	@Test
	void buildsAnEventWithoutFarmKdesWhenTheRowHasNone() {
		// given
		FieldValues values = complete(RecordKind.SHIPPING);
		without(values, KdeField.HARVEST_DATE, KdeField.HARVEST_END_DATE, KdeField.COOLING_DATE, KdeField.RECEIVED_DATE,
				KdeField.RECEIVED_PRODUCT_CODE, KdeField.RECEIVED_QUANTITY, KdeField.RECEIVED_UNIT,
				KdeField.HARVEST_LOCATION_CODE, KdeField.COOLING_LOCATION_CODE, KdeField.GROWING_AREA,
				KdeField.HARVESTER_BUSINESS_NAME, KdeField.HARVESTER_PHONE, KdeField.CATCH_AREA);
		without(values, KdeField.REFERENCE_DOCUMENT_TYPE_2);
		Quantity normalized = new Quantity(new BigDecimal("326.592506"), "kg");

		// when
		KdeEvent event = KdeRecords.event(RecordKind.SHIPPING, values, "shipping|BOL-1|1", normalized, null,
				KdeRows.PROVENANCE);

		// then
		assertThat(event).isEqualTo(new KdeEvent("shipping|BOL-1|1", Cte.SHIPPING, EventRole.EVENT,
				new TraceabilityLot("L2301", "V120", "R10203"), "BUTTER-UNS-36",
				new Quantity(new BigDecimal("20"), "case"), normalized, LocalDate.of(2026, 10, 5),
				LocalDateTime.of(2026, 10, 5, 6, 30), new EventLocations("BAKERY-01", "V120", "V120", "0614141000135"),
				new ReferenceDocument("Purchase order", "PO-88114"), new ReferenceDocument("", "RC-5003"), "WO-1005-F",
				FarmKdes.NONE, KdeRows.PROVENANCE));
	}

	@Test
	void buildsAnEventWithItsFarmKdes() {
		// given
		FieldValues values = complete(RecordKind.INITIAL_PACKING);

		// when
		KdeEvent event = KdeRecords.event(RecordKind.INITIAL_PACKING, values, "packing|P-1", null, null,
				KdeRows.PROVENANCE);

		// then
		assertThat(event.farm())
			.isEqualTo(new FarmKdes(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2),
					LocalDate.of(2026, 10, 3), "BUTTER-UNS-36", new Quantity(new BigDecimal("21.5"), "case"), "FARM-1",
					"COOLER-1", "Field 7", "Green Acres Farm", "+1 831-555-0100", "FAO 67"));
		assertThat(event.cte()).isEqualTo(Cte.INITIAL_PACKING);
	}

}
