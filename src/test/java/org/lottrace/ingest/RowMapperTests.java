package org.lottrace.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventLocations;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.store.StoreMasterData;
import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.ingest.RowMappers.accepted;
import static org.lottrace.ingest.RowMappers.pending;
import static org.lottrace.ingest.RowMappers.rejected;
import static org.lottrace.ingest.RowMappers.row;

/** Mapping one export row to a record: width, key, parsing, look-ups, normalization. */
class RowMapperTests {

	private static final String TICKETS = """
			source: scale-tickets
			kind: transformation-input
			files: ["TICKETS_*.csv"]
			csv: {delimiter: ";", decimal-separator: ","}
			key: [Ticket]
			fields:
			  lot_code: Lot scanned
			  work_order: Work Order
			  quantity: Net
			  unit: Unit
			  event_time: {column: Date/Time, format: dd.MM.yyyy HH:mm}
			  location_code: {constant: BAKERY-01}
			""";

	private static final String TICKETS_HEADER = "Ticket;Date/Time;Work Order;Lot scanned;Net;Unit";

	@TempDir
	Path dir;

	@Test
	void mapsAReceivingRowToAnEventWithItsNormalizedQuantity() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50,HM-2609-114,R10201,30,BAG,PO-88100,BAKERY-01"));

		// then
		assertThat(accepted(mapped, KdeEvent.class)).isEqualTo(new KdeEvent("erp-receiving|RC-5001|1", Cte.RECEIVING,
				EventRole.EVENT, new TraceabilityLot("HM-2609-114", "V100", "R10201"), "FLOUR-AP-50",
				new Quantity(new BigDecimal("30"), "bag"), new Quantity(new BigDecimal("680.388555"), "kg"),
				LocalDate.of(2026, 10, 5), null, new EventLocations("BAKERY-01", "V100", "V100", null),
				new ReferenceDocument("Purchase order", "PO-88100"), new ReferenceDocument("Receipt", "RC-5001"), null,
				FarmKdes.NONE,
				new Provenance("erp-receiving", "RCV_1.csv", RowMappers.SHA256, 2, RowMappers.INGESTED_AT)));
	}

	@Test
	void mapsAScaleTicketWithDecimalCommaAndItsEventDateFromTheTime() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, TICKETS, TICKETS_HEADER);

		// when
		KdeEvent event = accepted(mapper.map(row(';', "T-10014;06.10.2026 07:20;WO-1006-P;R10201;99,200;lb")),
				KdeEvent.class);

		// then
		assertThat(event.lot()).isEqualTo(new TraceabilityLot("R10201", null, null));
		assertThat(event.quantity()).isEqualTo(new Quantity(new BigDecimal("99.200"), "lb"));
		assertThat(event.normalizedQuantity()).isEqualTo(new Quantity(new BigDecimal("44.996363"), "kg"));
		assertThat(event.eventTime()).isEqualTo(LocalDateTime.of(2026, 10, 6, 7, 20));
		assertThat(event.eventDate()).isEqualTo(LocalDate.of(2026, 10, 6));
		assertThat(event.role()).isEqualTo(EventRole.INPUT);
	}

	@Test
	void rejectsARowWithFewerColumnsThanTheHeader() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50"));

		// then
		assertThat(rejected(mapped))
			.containsExactly(new KdeViolation("(row)", null, "the row has 5 columns; the header has 11"));
	}

	@Test
	void rejectsARowWithMoreValuesThanTheHeader() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50,HM-2609-114,R10201,1,500,BAG,PO-88100,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(new KdeViolation("(row)", null,
				"the row has 12 columns; the header has 11 (a delimiter inside an unquoted value?)"));
	}

	@Test
	void acceptsEmptyValuesAfterTheLastColumn() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50,HM-2609-114,R10201,30,BAG,PO-88100,BAKERY-01,, "));

		// then
		assertThat(mapped).isInstanceOf(MappedRow.Accepted.class);
	}

	@Test
	void rejectsARowWithAnEmptyKeyColumn() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-5001, ,10/5/2026,V100,FLOUR-AP-50,HM-2609-114,R10201,30,BAG,PO-88100,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(
				new KdeViolation("(row)", null, "key column 'Line' is empty: the row cannot be identified"));
	}

	@Test
	void skipsRowWithBlankLotCode() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper.map(row("RC-5099,1,10/13/2026,V100,FLOUR-AP-50,,R10299,5,BAG,PO-88299,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(new KdeViolation("lot_code", null,
				"missing: traceability lot code (or local lot number) is required (§ 1.1345(a)(1))"));
	}

	@ParameterizedTest(name = "{0} {2}: {3}")
	@CsvSource(delimiter = '|', value = {
			"event_time|T-1;31.09.2026 07:45;WO-1;R10219;3,0;kg|31.09.2026 07:45|"
					+ "not a valid date in the format dd.MM.yyyy HH:mm",
			"event_time|T-1;2026-10-20 07:45;WO-1;R10219;3,0;kg|2026-10-20 07:45|"
					+ "not a valid date in the format dd.MM.yyyy HH:mm",
			"quantity|T-1;20.10.2026 07:40;WO-1;R10219;12.5;kg|12.5|not a number with decimal separator ',': '12.5'",
			"quantity|T-1;20.10.2026 07:40;WO-1;R10219;twelve;kg|twelve|not a number: 'twelve'",
			"quantity|T-1;20.10.2026 07:40;WO-1;R10219;0,1234567;kg|0,1234567|more than 6 decimal places",
			"quantity|T-1;20.10.2026 07:40;WO-1;R10219;1000000000000;kg|1000000000000|too large (10^12 or more)" })
	void rejectsAValueThatDoesNotParseWithTheReasonOnly(String field, String line, String value, String reason) {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, TICKETS, TICKETS_HEADER);

		// when
		MappedRow mapped = mapper.map(row(';', line));

		// then
		assertThat(rejected(mapped)).containsExactly(new KdeViolation(field, value, reason));
	}

	@Test
	void holdsAnUnknownUnitAsPendingUntilUnitsYmlKnowsIt() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, TICKETS, TICKETS_HEADER);

		// when
		MappedRow mapped = mapper.map(row(';', "T-1;20.10.2026 07:40;WO-1;R10219;3,0;BX"));

		// then
		assertThat(pending(mapped)).containsExactly(new KdeViolation("unit", "BX",
				"unknown unit 'BX': add it to units in the source's mapping or to aliases in jobs/units.yml",
				"unit 'BX' in jobs/units.yml or the mapping's units"));
		assertThat(((MappedRow.Held) mapped).fieldTexts()).containsEntry("unit", "BX")
			.containsEntry("work_order", "WO-1")
			.containsEntry("lot_code", "R10219")
			.containsEntry("location_code", "BAKERY-01");
	}

	@Test
	void mapsAPendingRowAgainFromItsFieldTextsOnceMasterDataKnowsWhatItWaitedFor() {
		// given: a receipt of a product master data does not have yet
		RowMapper today = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);
		MappedRow.Held held = (MappedRow.Held) today
			.map(row("RC-5099,2,10/13/2026,V100,FLOUR-WW-50,HM-2610-022,R10300,5,BAG,PO-88299,BAKERY-01"));
		Provenance original = new Provenance("erp-receiving", "RCV_1.csv", RowMappers.SHA256, 2,
				RowMappers.INGESTED_AT);

		// when: the next night the product is there
		StoreMasterData later = new StoreMasterData(RowMappers.MASTER_DATA.locations(),
				java.util.stream.Stream
					.concat(RowMappers.MASTER_DATA.products().stream(),
							java.util.stream.Stream.of(RowMappers.product("FLOUR-WW-50", null, "kg")))
					.toList());
		RowMapper tomorrow = RowMapper.forTexts(MappingFiles.read(this.dir, RowMappers.RECEIVING), later,
				MappingFiles.UNITS, new KdeValidator(later, RowMappers.TODAY));
		MappedRow again = tomorrow.remap(held.recordKey(), held.fieldTexts(), original, held.raw());

		// then: the same record it would have been, with the export line it was read from
		assertThat(held.pending()).isTrue();
		KdeEvent event = accepted(again, KdeEvent.class);
		assertThat(event.recordKey()).isEqualTo("erp-receiving|RC-5099|2");
		assertThat(event.lot()).isEqualTo(new TraceabilityLot("HM-2610-022", "V100", "R10300"));
		assertThat(event.quantity()).isEqualTo(new Quantity(new BigDecimal("5"), "bag"));
		assertThat(event.eventDate()).isEqualTo(LocalDate.of(2026, 10, 13));
		assertThat(event.provenance()).isEqualTo(original);
		assertThat(RowMapper
			.forTexts(MappingFiles.read(this.dir, RowMappers.RECEIVING), RowMappers.MASTER_DATA, MappingFiles.UNITS,
					new KdeValidator(RowMappers.MASTER_DATA, RowMappers.TODAY))
			.remap(held.recordKey(), held.fieldTexts(), original, held.raw())).isInstanceOf(MappedRow.Held.class);
	}

	@Test
	void acceptsDecimalsWithGroupingSeparatorsAndSixPlaces() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir,
				TICKETS.replace("decimal-separator: \",\"", "decimal-separator: \",\", grouping-separator: \".\""),
				TICKETS_HEADER);

		// when
		KdeEvent grouped = accepted(mapper.map(row(';', "T-1;20.10.2026 07:40;WO-1;R10219;1.234,5;kg")),
				KdeEvent.class);
		KdeEvent sixPlaces = accepted(mapper.map(row(';', "T-2;20.10.2026 07:40;WO-1;R10219;0,123456;kg")),
				KdeEvent.class);
		KdeEvent trailingZeros = accepted(mapper.map(row(';', "T-3;20.10.2026 07:40;WO-1;R10219;2,50000000;kg")),
				KdeEvent.class);

		// then
		assertThat(grouped.quantity().value()).isEqualTo(new BigDecimal("1234.5"));
		assertThat(sixPlaces.quantity().value()).isEqualTo(new BigDecimal("0.123456"));
		assertThat(trailingZeros.quantity().value()).isEqualByComparingTo("2.5");
	}

	@Test
	void rejectsADecimalCommaWhereTheDialectHasADecimalPoint() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50,HM-2609-114,R10201,\"30,5\",BAG,PO-88100,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(new KdeViolation("quantity", "30,5", "not a number: '30,5'"));
	}

	@Test
	void reportsEveryProblemOfARowAtOnce() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-5001,1,13/5/2026,V999,FLOUR-AP-50,HM-2609-114,R10201,-30,BAG,,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(
				new KdeViolation("event_date", "13/5/2026", "not a valid date in the format M/d/yyyy"),
				new KdeViolation("reference_document_number", null,
						"missing: reference document number is required (§ 1.1345(a)(8))"),
				new KdeViolation("quantity", "-30", "must be greater than zero"),
				new KdeViolation("partner_location_code", "V999",
						"unknown location 'V999': not in the master data's locations", "location V999 in master data"),
				new KdeViolation("tlc_source_location_code", "V999",
						"unknown location 'V999': not in the master data's locations", "location V999 in master data"));
	}

	@Test
	void escapesTheKeySeparatorInRecordKeys() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		KdeEvent event = accepted(
				mapper
					.map(row("RC|50\\01,1|2,10/5/2026,V100,FLOUR-AP-50,HM-2609-114,R10201,30,BAG,PO-88100,BAKERY-01")),
				KdeEvent.class);

		// then
		assertThat(event.recordKey()).isEqualTo("erp-receiving|RC\\|50\\\\01|1\\|2");
	}

	@Test
	void normalizesAPackageUnitThroughTheProductsConversions() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		KdeEvent eggs = accepted(
				mapper.map(row("RC-5004,1,10/5/2026,V120,EGG-SHELL-LG,EG1002,R10204,4,CS,PO-88121,BAKERY-01")),
				KdeEvent.class);

		// then
		assertThat(eggs.quantity()).isEqualTo(new Quantity(new BigDecimal("4"), "case"));
		assertThat(eggs.normalizedQuantity()).isEqualTo(new Quantity(new BigDecimal("720.000000"), "each"));
	}

	@Test
	void keepsAPackageUnitAsRecordedWhenItCannotBeNormalizedYet() {
		// given: a receipt of a product without a pail conversion, and a scale ticket
		// that
		// counts cases of a lot it names only by number (its product comes from the lot)
		RowMapper receiving = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);
		RowMapper tickets = RowMappers.mapper(this.dir.resolve("tickets"), TICKETS, TICKETS_HEADER);

		// when
		KdeEvent noConversion = accepted(
				receiving
					.map(row("RC-5001,1,10/5/2026,V100,NO-CONVERSION,HM-2609-114,R10201,3,PAIL,PO-88100,BAKERY-01")),
				KdeEvent.class);
		KdeEvent noProduct = accepted(tickets.map(row(';', "T-1;20.10.2026 07:40;WO-1020-P;R10219;3,0;cs")),
				KdeEvent.class);

		// then: stored as recorded; a trace converts them through the lot's product
		assertThat(noConversion.quantity()).isEqualTo(new Quantity(new BigDecimal("3"), "pail"));
		assertThat(noConversion.normalizedQuantity()).isNull();
		assertThat(noProduct.quantity()).isEqualTo(new Quantity(new BigDecimal("3.0"), "case"));
		assertThat(noProduct.productCode()).isNull();
		assertThat(noProduct.normalizedQuantity()).isNull();
	}

	@Test
	void normalizesToTheBaseUnitOfTheDimensionWithoutAProduct() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, TICKETS, TICKETS_HEADER);

		// when
		KdeEvent event = accepted(mapper.map(row(';', "T-1;20.10.2026 07:40;WO-1020-P;R10219;12;dz")), KdeEvent.class);

		// then
		assertThat(event.quantity()).isEqualTo(new Quantity(new BigDecimal("12"), "dozen"));
		assertThat(event.normalizedQuantity()).isEqualTo(new Quantity(new BigDecimal("144.000000"), "each"));
	}

	@Test
	void keepsTheRowItWasReadFrom() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, TICKETS, TICKETS_HEADER);
		SourceRow row = new SourceRow(78, row(';', "T-19002;31.09.2026 07:45;WO-1020-P;R10219;1,5;kg").record());

		// when
		MappedRow mapped = mapper.map(row);

		// then
		assertThat(mapped).isInstanceOf(MappedRow.Held.class);
		MappedRow.Held held = (MappedRow.Held) mapped;
		assertThat(held.line()).isEqualTo(78);
		assertThat(held.pending()).isFalse();
		assertThat(held.recordKey()).isEqualTo("scale-tickets|T-19002");
		assertThat(held.violations()).containsExactly(
				new KdeViolation("event_time", "31.09.2026 07:45", "not a valid date in the format dd.MM.yyyy HH:mm"));
		assertThat(held.raw()).containsExactly("T-19002", "31.09.2026 07:45", "WO-1020-P", "R10219", "1,5", "kg");
	}

}
