package org.lottrace.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lottrace.ingest.SourceMapping.ColumnRef;
import org.lottrace.ingest.SourceMapping.Dialect;
import org.lottrace.ingest.SourceMapping.FieldSource;
import org.lottrace.ingest.SourceMapping.Lookup;
import org.lottrace.kde.Field;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.LocationField;
import org.lottrace.kde.RecordKind;

import static org.assertj.core.api.Assertions.assertThat;

/** Every option a mapping file offers, read into a {@link SourceMapping}. */
class MappingReaderTests {

	@TempDir
	Path dir;

	@Test
	void aJobsFolderWithoutUnitsYmlUsesTheDefaultUnits(@org.junit.jupiter.api.io.TempDir Path empty) {
		// when
		org.lottrace.kde.UnitConverter units = JobsDirectory.readUnits(empty);

		// then: the common units and spellings, and no per-item conversion
		assertThat(units.canonical("LBS", java.util.Map.of())).isEqualTo("lb");
		assertThat(units.canonical("cs", java.util.Map.of())).isEqualTo("case");
		assertThat(units.baseUnit("lb")).isEqualTo("kg");
		assertThat(units.factor("case", "kg", "EGG-SHELL-LG")).isEmpty();
	}

	@Test
	void readsTheDefaultsOfAnExportWithoutCsvSection() {
		// given
		SourceMapping mapping = MappingFiles.input(this.dir, "");

		// then
		assertThat(mapping.dialect()).isEqualTo(
				new Dialect(',', '"', null, StandardCharsets.UTF_8, true, 0, null, true, List.of(""), '.', null));
		assertThat(mapping.source()).isEqualTo("test-source");
		assertThat(mapping.kind()).isEqualTo(RecordKind.TRANSFORMATION_INPUT);
		assertThat(mapping.files()).containsExactly("T_*.csv");
		assertThat(mapping.inbox()).isEqualTo("test-source");
		assertThat(mapping.key()).containsExactly(new ColumnRef("Ticket", 0));
		assertThat(mapping.unitAliases()).isEmpty();
		assertThat(mapping.file()).isEqualTo(this.dir.resolve("test-source.yml"));
		assertThat(mapping.sha256()).hasSize(64);
	}

	@Test
	void readsEveryDialectOption() {
		// when
		SourceMapping mapping = MappingFiles.input(this.dir, """
				inbox: scales/line-2
				csv:
				  delimiter: ";"
				  quote: "'"
				  escape: "\\\\"
				  encoding: windows-1252
				  header: false
				  skip-lines: 2
				  comment: "#"
				  trim: false
				  null-values: ["", "NULL", "n/a"]
				  decimal-separator: ","
				  grouping-separator: "."
				""");

		// then
		assertThat(mapping.dialect()).isEqualTo(new Dialect(';', '\'', '\\', Charset.forName("windows-1252"), false, 2,
				'#', false, List.of("", "NULL", "n/a"), ',', '.'));
		assertThat(mapping.inbox()).isEqualTo("scales/line-2");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\\t\"", "'\\t'", "tab", "TAB" })
	void readsATabDelimiterWrittenInAnyOfItsSpellings(String delimiter) {
		// when
		SourceMapping mapping = MappingFiles.input(this.dir, "csv:\n  delimiter: " + delimiter + "\n");

		// then
		assertThat(mapping.dialect().delimiter()).isEqualTo('\t');
	}

	@Test
	void turnsQuotingOffWithAnEmptyQuote() {
		// when
		SourceMapping mapping = MappingFiles.input(this.dir, "csv:\n  quote: \"\"\n  delimiter: \"|\"\n");

		// then
		assertThat(mapping.dialect().quote()).isNull();
		assertThat(mapping.dialect().delimiter()).isEqualTo('|');
	}

	@Test
	void readsEveryWayOfSayingWhereAValueComesFrom() {
		// when
		SourceMapping mapping = MappingFiles.read(this.dir, """
				source: erp-receiving
				kind: receiving
				files: ["RCV_*.csv", "rcv-*.txt"]
				key: [Receipt No, 2]
				units:
				  BX: case
				  Kilo: KG
				fields:
				  lot_code: Vendor Lot
				  internal_lot: {column: Rcv Lot}
				  product_code: {column: GTIN, lookup: gtin}
				  quantity: {position: 8}
				  unit: {column: UoM, values: {BX: case, "-": ""}, default: each}
				  event_date: {column: Rcv Date, format: [M/d/yyyy, yyyy-MM-dd]}
				  location_code: {constant: BAKERY-01}
				  partner_location_code: {column: Vendor GLN, lookup: gln}
				  tlc_source_location_code: {column: Vendor No, lookup: partner}
				  reference_document_type: {constant: Purchase order}
				  reference_document_number: {columns: [PO No, PO Line], separator: "/"}
				  reference_document_number_2: {columns: [Receipt No, Line]}
				""");

		// then
		Map<Field, FieldSource> fields = mapping.fields();
		assertThat(fields.keySet()).containsExactly(KdeField.LOT_CODE, KdeField.INTERNAL_LOT, KdeField.PRODUCT_CODE,
				KdeField.QUANTITY, KdeField.UNIT, KdeField.EVENT_DATE, KdeField.LOCATION_CODE,
				KdeField.PARTNER_LOCATION_CODE, KdeField.TLC_SOURCE_LOCATION_CODE, KdeField.REFERENCE_DOCUMENT_TYPE,
				KdeField.REFERENCE_DOCUMENT_NUMBER, KdeField.REFERENCE_DOCUMENT_NUMBER_2);
		assertThat(fields.get(KdeField.LOT_CODE)).isEqualTo(column("Vendor Lot"));
		assertThat(fields.get(KdeField.INTERNAL_LOT)).isEqualTo(column("Rcv Lot"));
		assertThat(fields.get(KdeField.PRODUCT_CODE))
			.isEqualTo(new FieldSource(List.of(named("GTIN")), " ", null, null, List.of(), Map.of(), Lookup.GTIN));
		assertThat(fields.get(KdeField.QUANTITY)).isEqualTo(
				new FieldSource(List.of(new ColumnRef(null, 8)), " ", null, null, List.of(), Map.of(), Lookup.CODE));
		assertThat(fields.get(KdeField.UNIT)).isEqualTo(new FieldSource(List.of(named("UoM")), " ", null, "each",
				List.of(), Map.of("BX", "case", "-", ""), Lookup.CODE));
		assertThat(fields.get(KdeField.EVENT_DATE)).isEqualTo(new FieldSource(List.of(named("Rcv Date")), " ", null,
				null, List.of("M/d/yyyy", "yyyy-MM-dd"), Map.of(), Lookup.CODE));
		assertThat(fields.get(KdeField.LOCATION_CODE))
			.isEqualTo(new FieldSource(List.of(), " ", "BAKERY-01", null, List.of(), Map.of(), Lookup.CODE));
		assertThat(fields.get(KdeField.PARTNER_LOCATION_CODE).lookup()).isEqualTo(Lookup.GLN);
		assertThat(fields.get(KdeField.TLC_SOURCE_LOCATION_CODE).lookup()).isEqualTo(Lookup.PARTNER);
		assertThat(fields.get(KdeField.REFERENCE_DOCUMENT_NUMBER)).isEqualTo(new FieldSource(
				List.of(named("PO No"), named("PO Line")), "/", null, null, List.of(), Map.of(), Lookup.CODE));
		assertThat(fields.get(KdeField.REFERENCE_DOCUMENT_NUMBER_2).separator()).isEqualTo(" ");
		assertThat(mapping.key()).containsExactly(named("Receipt No"), new ColumnRef(null, 2));
		assertThat(mapping.unitAliases()).isEqualTo(Map.of("BX", "case", "Kilo", "KG"));
		assertThat(mapping.files()).containsExactly("RCV_*.csv", "rcv-*.txt");
	}

	@Test
	void readsAHeaderlessExportByPosition() {
		// when
		SourceMapping mapping = MappingFiles.read(this.dir, """
				source: legacy-sites
				kind: location
				files: ["SITES.DAT"]
				csv: {header: false}
				key: [1]
				fields:
				  location_code: {position: 1}
				  business_name: {position: 3}
				""");

		// then
		assertThat(mapping.dialect().header()).isFalse();
		assertThat(mapping.key()).containsExactly(new ColumnRef(null, 1));
		assertThat(mapping.fields().get(LocationField.BUSINESS_NAME).columns()).containsExactly(new ColumnRef(null, 3));
	}

	@Test
	void takesTheEventTimeInPlaceOfTheEventDate() {
		// when
		SourceMapping mapping = MappingFiles.read(this.dir, """
				source: scale-tickets
				kind: transformation-input
				files: ["T_*.csv"]
				key: [Ticket]
				fields:
				  lot_code: Lot
				  work_order: WO
				  quantity: Qty
				  unit: UoM
				  event_time: {column: Date/Time, format: dd.MM.yyyy HH:mm}
				""");

		// then
		assertThat(mapping.fields()).containsKey(KdeField.EVENT_TIME).doesNotContainKey(KdeField.EVENT_DATE);
	}

	private static FieldSource column(String name) {
		return new FieldSource(List.of(named(name)), " ", null, null, List.of(), Map.of(), Lookup.CODE);
	}

	private static ColumnRef named(String name) {
		return new ColumnRef(name, 0);
	}

}
