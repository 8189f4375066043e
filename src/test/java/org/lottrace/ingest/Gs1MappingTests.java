package org.lottrace.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.ingest.SourceMapping.FieldSource;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Quantity;
import org.lottrace.store.StoreMasterData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lottrace.ingest.RowMappers.accepted;
import static org.lottrace.ingest.RowMappers.rejected;
import static org.lottrace.ingest.RowMappers.row;

/** {@code gs1:} in a mapping: one GS1 element of a scan per field. */
class Gs1MappingTests {

	private static final String SCANS = """
			source: scale-scans
			kind: transformation-input
			files: ["SCANS_*.csv"]
			csv: {delimiter: ";", decimal-separator: ","}
			key: [Ticket]
			fields:
			  lot_code: {column: Scan, gs1: lot}
			  product_code: {column: Scan, gs1: gtin, lookup: gtin}
			  quantity: {column: Scan, gs1: net-weight}
			  work_order: WO
			  event_date: {column: Scan, gs1: packaging-date}
			""";

	private static final String HEADER = "Ticket;WO;Scan";

	@TempDir
	Path dir;

	/** A product whose GTIN has a valid check digit (unlike the sample bakery's). */
	private static final StoreMasterData MASTER_DATA = new StoreMasterData(List.of(),
			List.of(RowMappers.product("FLOUR-AP-50", "00614141200016", "kg")));

	@Test
	void aNetWeightBringsItsUnitWhenTheMappingMapsNone() {
		// when
		SourceMapping mapping = MappingFiles.read(this.dir, SCANS);

		// then
		FieldSource unit = mapping.fields().get(KdeField.UNIT);
		assertThat(unit.gs1()).isEqualTo(Gs1Part.NET_WEIGHT_UNIT);
		assertThat(unit.columns()).isEqualTo(mapping.fields().get(KdeField.QUANTITY).columns());
	}

	@Test
	void readsLotProductQuantityUnitAndDateOutOfOneScan() {
		// given a European export: decimal commas
		RowMapper mapper = mapper();

		// when a GS1-128 label in pounds, then a Digital Link in kilograms
		KdeEvent pounds = accepted(
				mapper.map(row(';', "T-1;WO-1;(01)00614141200016(10)HM-2610-130(13)261030(3201)000553")),
				KdeEvent.class);
		KdeEvent kilograms = accepted(
				mapper.map(
						row(';', "T-2;WO-1;https://id.gs1.org/01/00614141200016/10/HM-2610-131?13=261000&3102=002530")),
				KdeEvent.class);

		// then
		assertThat(pounds.lot().code()).isEqualTo("HM-2610-130");
		assertThat(pounds.productCode()).isEqualTo("FLOUR-AP-50");
		assertThat(pounds.quantity()).isEqualTo(new Quantity(new BigDecimal("55.3"), "lb"));
		assertThat(pounds.eventDate()).isEqualTo(LocalDate.of(2026, 10, 30));
		assertThat(kilograms.lot().code()).isEqualTo("HM-2610-131");
		assertThat(kilograms.quantity()).isEqualTo(new Quantity(new BigDecimal("25.30"), "kg"));
		assertThat(kilograms.eventDate()).isEqualTo(LocalDate.of(2026, 10, 31));
	}

	@Test
	void aScanThatDoesNotParseRejectsTheRowWithTheParsersReason() {
		// given
		RowMapper mapper = mapper();
		String scan = "(01)00614141200017(10)HM-2610-130(13)261031(3102)002530";

		// when
		MappedRow mapped = mapper.map(row(';', "T-3;WO-1;" + scan));

		// then every field read from the scan says why
		String reason = "(01) GTIN 00614141200017: wrong check digit 7, expected 6";
		assertThat(rejected(mapped)).contains(new KdeViolation("lot_code", scan, reason),
				new KdeViolation("quantity", scan, reason), new KdeViolation("unit", scan, reason));
	}

	@Test
	void aScanWithoutTheElementLeavesTheFieldEmpty() {
		// given
		RowMapper mapper = mapper();

		// when the label has no lot
		MappedRow mapped = mapper.map(row(';', "T-4;WO-1;(01)00614141200016(13)261031(3102)002530"));

		// then the required lot code is missing
		assertThat(rejected(mapped)).extracting(KdeViolation::field).containsExactly("lot_code");
	}

	private RowMapper mapper() {
		return new RowMapper(MappingFiles.read(this.dir, SCANS), List.of(HEADER.split(";")), MASTER_DATA,
				MappingFiles.UNITS, new KdeValidator(MASTER_DATA, RowMappers.TODAY), "SCANS_1.csv", RowMappers.SHA256,
				RowMappers.INGESTED_AT);
	}

	@Test
	void refusesAnElementThatDoesNotFitTheField() {
		String yaml = SCANS.replace("work_order: WO", "work_order: WO\n  location_code: {column: Scan, gs1: expiry}")
			.replace("{column: Scan, gs1: packaging-date}", "{column: Scan, gs1: packaging-date, format: yyMMdd}")
			.replace("gs1: lot}", "gs1: batch}");

		assertThatThrownBy(() -> MappingFiles.read(this.dir, yaml)).isInstanceOf(MappingException.class)
			.hasMessageContaining("fields.lot_code: unknown gs1 element 'batch'; one of gtin, lot, serial, ")
			.hasMessageContaining("fields.location_code: gs1 expiry does not apply to a LOCATION field")
			.hasMessageContaining("fields.event_date: a gs1 date needs no format");
	}

}
