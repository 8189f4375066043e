package org.lottrace.ingest;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every problem a mapping file can have, each reported with what to do about it. */
class MappingCheckerTests {

	private static final String KINDS = "receiving, shipping, transformation-input, transformation-output, "
			+ "harvesting, cooling, initial-packing, first-land-based-receiving, location, product";

	@TempDir
	Path dir;

	@Test
	void suggestsTheNearestFieldForAnUnknownOne() {
		// when
		MappingException ex = problems("""
				source: test-source
				kind: transformation-input
				files: ["T_*.csv"]
				key: [Ticket]
				fields:
				  lot_cod: Lot
				  work_order: WO
				  quantity: Qty
				  unit: UoM
				  event_date: Date
				  colour: Colour
				""");

		// then
		assertThat(ex.problems()).containsExactly(
				"fields.lot_cod: not a field of kind transformation-input; did you mean lot_code?",
				"fields.colour: not a field of kind transformation-input",
				"fields: kind transformation-input needs lot_code (§ 1.1350(a)(1)(i)); map it to a column or a constant");
		assertThat(ex.getMessage()).startsWith(this.dir.resolve("test-source.yml") + ": fields.lot_cod: ");
	}

	@Test
	void citesTheParagraphThatRequiresAnUnmappedKde() {
		// when
		MappingException ex = problems("""
				source: erp-receiving
				kind: receiving
				files: ["RCV_*.csv"]
				key: [Receipt No, Line]
				fields:
				  lot_code: Vendor Lot
				  product_code: Item No
				  quantity: Qty
				  unit: UoM
				  event_date: Rcv Date
				  location_code: Site
				  reference_document_type: {constant: Purchase order}
				""");

		// then
		assertThat(ex.problems()).containsExactly(
				"fields: kind receiving needs partner_location_code (§ 1.1345(a)(4)); map it to a column or a constant",
				"fields: kind receiving needs tlc_source_location_code or tlc_source_reference or lot_assigner "
						+ "(§ 1.1345(a)(7)); map it to a column or a constant",
				"fields: kind receiving needs reference_document_number (§ 1.1345(a)(8)); map it to a column or a "
						+ "constant");
	}

	@Test
	void rejectsAnUnknownKindListingTheKnownOnes() {
		// when
		MappingException unknown = problems(inputMapping("kind: recieving"));
		MappingException missing = problems(inputMapping(""));

		// then
		assertThat(unknown.problems()).containsExactly("kind: unknown 'recieving'; one of " + KINDS);
		assertThat(missing.problems()).containsExactly("kind: missing; one of " + KINDS);
	}

	@Test
	void rejectsASourceNameThatCannotNameFiles() {
		// when
		MappingException ex = problems(
				inputMapping("kind: transformation-input").replace("source: test-source", "source: ERP Receiving"));

		// then
		assertThat(ex.problems())
			.containsExactly("source: give a name of lower-case letters, digits and dashes, e.g. erp-receiving");
	}

	@Test
	void rejectsAnInvalidDatePattern() {
		// when
		MappingException ex = problems(inputMapping("kind: transformation-input").replace("event_date: Date",
				"event_date: {column: Date, format: [dd.MM.yyyy, dd.MM.yyyy bb]}"));

		// then
		assertThat(ex.problems()).singleElement()
			.asString()
			.startsWith("fields.event_date: invalid date format 'dd.MM.yyyy bb': ")
			.contains("b");
	}

	@Test
	void rejectsAFormatOnAFieldThatIsNotADate() {
		// when
		MappingException ex = problems(inputMapping("kind: transformation-input").replace("quantity: Qty",
				"quantity: {column: Qty, format: " + "'#,##0.00'}"));

		// then
		assertThat(ex.problems()).containsExactly("fields.quantity: format applies to dates and times only");
	}

	@Test
	void rejectsALookupOnAFieldOfTheWrongType() {
		// when
		MappingException ex = problems(inputMapping("kind: transformation-input")
			.replace("lot_code: Lot", "lot_code: {column: Lot, lookup: gtin}")
			.replace("work_order: WO", "work_order: WO\n  product_code: {column: Item, lookup: gln}\n"
					+ "  location_code: {column: Site, lookup: sku}"));

		// then
		assertThat(ex.problems()).containsExactly("fields.lot_code: lookup gtin does not apply to a TEXT field",
				"fields.product_code: lookup gln does not apply to a PRODUCT field",
				"fields.location_code: unknown lookup 'sku'; one of code, gln, partner, gtin");
	}

	@Test
	void rejectsAUnitAliasToAnUnknownUnit() {
		// when
		MappingException ex = problems(
				inputMapping("kind: transformation-input") + "units:\n  BX: box\n  KILO: KG\n  PCE:\n");

		// then
		assertThat(ex.problems()).containsExactly("units.BX: 'box' is not a unit of jobs/units.yml",
				"units.PCE: give the unit of jobs/units.yml it stands for");
	}

	@Test
	void reportsAYamlSyntaxErrorWithItsLine() {
		// when
		MappingException ex = problems("""
				source: test-source
				kind: transformation-input
				files: ["T_*.csv"
				key: [Ticket]
				""");

		// then
		assertThat(ex.problems()).singleElement()
			.asString()
			.startsWith("line 3: while parsing a flow sequence")
			.contains("line 4, column 1");
	}

	@Test
	void namesAnUnknownSettingAndTheKnownOnes() {
		// when
		MappingException csv = problems(inputMapping("kind: transformation-input") + "csv:\n  delimeter: \";\"\n");
		MappingException field = problems(
				inputMapping("kind: transformation-input").replace("unit: UoM", "unit: {colum: UoM}"));

		// then
		assertThat(csv.problems()).containsExactly("csv.delimeter: unknown setting; one of delimiter, quote, escape, "
				+ "encoding, header, skip-lines, comment, trim, null-values, decimal-separator, grouping-separator");
		assertThat(field.problems()).containsExactly("fields.unit.colum: unknown setting; one of column, position, "
				+ "columns, separator, constant, default, format, values, lookup, gs1");
	}

	@Test
	void reportsAnEmptyFile() {
		// when
		MappingException empty = problems("");
		MappingException comments = problems("# nothing here yet\n\n");

		// then
		assertThat(empty.problems()).containsExactly("the file is empty");
		assertThat(comments.problems()).containsExactly("the file is empty");
	}

	@Test
	void reportsAMissingFile() {
		// when
		MappingException ex = catchThrowableOfType(MappingException.class,
				() -> MappingReader.readMapping(this.dir.resolve("missing.yml"), MappingFiles.UNITS));

		// then
		assertThat(ex.problems()).containsExactly("file not found");
	}

	@Test
	void reportsEveryProblemOfTheFileAtOnce() {
		// when
		MappingException ex = problems("""
				source: test-source
				kind: transformation-input
				csv:
				  delimiter: ";;"
				  skip-lines: -1
				  encoding: latin-99
				key: [0, " "]
				fields:
				  lot_code: {column: Lot, constant: X}
				  work_order: {default: WO-1}
				  quantity:
				  unit: UoM
				  event_date: Date
				""");

		// then
		assertThat(ex.problems()).containsExactly("csv.delimiter: give one character, not ';;'",
				"csv.skip-lines: must be zero or more",
				"csv.encoding: unknown encoding 'latin-99' (try UTF-8 or windows-1252)",
				"key: '0' is neither a column name nor a column position (1, 2, ...)",
				"key: ' ' is neither a column name nor a column position (1, 2, ...)",
				"fields.lot_code: give exactly one of column, position, columns or constant",
				"fields.work_order: give exactly one of column, position, columns or constant",
				"fields.quantity: empty; give a column or a constant",
				"fields: kind transformation-input needs quantity (§ 1.1350(a)(1)(iii)); map it to a column or a "
						+ "constant",
				"files: give the file-name patterns of this source's exports, e.g. ['RCV_*.csv'], or write master "
						+ "data in the file itself under rows:");
	}

	@Test
	void requiresAKeyAndSomeFields() {
		// when
		MappingException ex = problems("""
				source: test-source
				kind: location
				files: ["SITES.csv"]
				""");

		// then
		assertThat(ex.problems()).containsExactly(
				"key: give the columns that identify a row across exports, e.g. [BOL, Line]", "fields: none mapped");
	}

	private MappingException problems(String yaml) {
		return catchThrowableOfType(MappingException.class, () -> MappingFiles.read(this.dir, yaml));
	}

	private static String inputMapping(String kindLine) {
		return """
				source: test-source
				%s
				files: ["T_*.csv"]
				key: [Ticket]
				""".formatted(kindLine) + MappingFiles.INPUT_FIELDS;
	}

}
