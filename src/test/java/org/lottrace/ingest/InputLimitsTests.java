package org.lottrace.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.ingest.RowMappers.accepted;
import static org.lottrace.ingest.RowMappers.rejected;
import static org.lottrace.ingest.RowMappers.row;

/**
 * Values that must not enter the store: too long, with control characters, implausible
 * dates, numbers that are not plain decimals. Each rejects its row (wrong in itself, so
 * never pending), with the reason; the row itself is kept as read.
 */
class InputLimitsTests {

	private static final String VENDORS = """
			source: erp-vendors
			kind: location
			files: ["VENDORS*.csv"]
			key: [Vendor No]
			fields:
			  location_code: Vendor No
			  location_type: {constant: supplier}
			  business_name: Name
			  city: City
			  country: {constant: US}
			""";

	@TempDir
	Path dir;

	@Test
	void rejectsACodeOrATextLongerThanItsKindMayBeAndQuotesOnlyItsStart() {
		// given
		RowMapper receipts = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);
		RowMapper vendors = RowMappers.mapper(this.dir, VENDORS, "Vendor No,Name,City");
		String lot = "L".repeat(257);
		String name = "N".repeat(1025);

		// when
		MappedRow longLot = receipts.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50," + lot + ",R1,30,BAG,PO-1,BAKERY-01"));
		MappedRow longName = vendors.map(row("V900," + name + ",Salina"));
		MappedRow justFits = receipts
			.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50," + lot.substring(1) + ",R1,30,BAG,PO-1,BAKERY-01"));

		// then
		assertThat(rejected(longLot)).containsExactly(new KdeViolation("lot_code", "L".repeat(40) + "... (cut)",
				"257 characters; a code may have at most 256 (limits.code-length)"));
		assertThat(rejected(longName)).containsExactly(new KdeViolation("business_name", "N".repeat(40) + "... (cut)",
				"1,025 characters; a value may have at most 1,024 (limits.text-length)"));
		assertThat(accepted(justFits, KdeEvent.class).lot().code()).hasSize(256);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "NUL in a lot code|HM-26\u0000 09|lot_code|U+0000 at character 6",
					"escape sequence in a lot code|HM\u001b[2J-2609|lot_code|U+001B at character 3",
					"line separator in a lot code|HM\u20282609|lot_code|U+2028 at character 3",
					"right-to-left override in a lot code|HM-\u202e9062|lot_code|U+202E at character 4",
					"C1 control in a lot code|HM-\u00852609|lot_code|U+0085 at character 4" })
	void rejectsControlCharactersInCodes(String what, String lot, String field, String where) {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,\"" + lot + "\",R1,30,BAG,PO-1,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(
				new KdeViolation(field, lot, "holds the control character " + where + "; codes and names may not"));
	}

	@Test
	void rejectsControlCharactersInNamesAndKeepsTheRowAsRead() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, VENDORS, "Vendor No,Name,City");

		// when
		MappedRow bell = mapper.map(row("V900,Heartland\u0007 Mills,Salina"));
		MappedRow tab = mapper.map(row("V901,\"Heartland\tMills\",Salina"));

		// then
		assertThat(rejected(bell)).extracting(KdeViolation::reason)
			.containsExactly("holds the control character U+0007 at character 10; codes and names may not");
		assertThat(rejected(tab)).extracting(KdeViolation::field).containsExactly("business_name");
		assertThat(((MappedRow.Held) bell).raw()).containsExactly("V900", "Heartland\u0007 Mills", "Salina");
	}

	@Test
	void rejectsAKeyValueWithAControlCharacterEvenWhenNoFieldMapsIt() {
		// given: the scale's ticket number is its key and no field
		RowMapper mapper = RowMappers.mapper(this.dir, """
				source: test-source
				kind: transformation-input
				files: ["T_*.csv"]
				key: [Ticket]
				""" + MappingFiles.INPUT_FIELDS, "Ticket,Lot,WO,Qty,UoM,Date");

		// when
		MappedRow mapped = mapper.map(row("T-1\u0000,R10201,WO-1,3,kg,2026-10-20"));

		// then
		assertThat(rejected(mapped)).containsExactly(new KdeViolation(KdeViolation.ROW, "T-1\u0000",
				"key column 'Ticket': holds the control character U+0000 at character 4; codes and names may not"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"1e5|not a plain decimal number: '1e5' (an exponent, as a spreadsheet writes large or small "
					+ "numbers; export the number in full)",
			"2.5E+3|not a plain decimal number: '2.5E+3' (an exponent, as a spreadsheet writes large or small "
					+ "numbers; export the number in full)",
			"NaN|not a number: 'NaN'", "Infinity|not a number: 'Infinity'", "0x1F|not a number: '0x1F'",
			"\u0661\u0662|not a number: '\u0661\u0662'", "12,5|not a number: '12,5'", "1 000|not a number: '1 000'",
			"--3|not a number: '--3'", "-|not a number: '-'", "-3|must be greater than zero" })
	void acceptsOnlyPlainDecimalNumbers(String quantity, String reason) {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		MappedRow mapped = mapper
			.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,HM-1,R1,\"" + quantity + "\",BAG,PO-1,BAKERY-01"));

		// then
		assertThat(rejected(mapped)).containsExactly(new KdeViolation("quantity", quantity, reason));
	}

	@Test
	void readsGroupingSeparatorsOnlyBetweenGroupsOfThreeDigits() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir,
				RowMappers.RECEIVING.replace("kind: receiving", "kind: receiving\ncsv: {grouping-separator: \",\"}"),
				RowMappers.RECEIVING_HEADER);

		// when
		MappedRow grouped = mapper.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,HM-1,R1,\"1,234.5\",BAG,PO-1,BAKERY-01"));
		MappedRow misplaced = mapper.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,HM-1,R1,\"12,5\",BAG,PO-1,BAKERY-01"));
		MappedRow plain = mapper.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,HM-1,R1,.5,BAG,PO-1,BAKERY-01"));

		// then
		assertThat(accepted(grouped, KdeEvent.class).quantity().value()).isEqualTo(new BigDecimal("1234.5"));
		assertThat(rejected(misplaced)).extracting(KdeViolation::reason).containsExactly("not a number: '12,5'");
		assertThat(accepted(plain, KdeEvent.class).quantity().value()).isEqualTo(new BigDecimal(".5"));
	}

	@Test
	void rejectsDatesInYearOneAnd1900AndOnesThatDoNotExist() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);

		// when
		List<MappedRow> mapped = List.of("1/1/0001", "1/1/1900", "9/31/2026")
			.stream()
			.map((date) -> mapper.map(row("RC-1,1," + date + ",V100,FLOUR-AP-50,HM-1,R1,30,BAG,PO-1,BAKERY-01")))
			.toList();

		// then
		String tooEarly = "date is before 2000-01-01, the earliest plausible date (limits.earliest-date in the mapping)";
		assertThat(mapped).map((m) -> rejected(m).get(0))
			.containsExactly(new KdeViolation("event_date", "1/1/0001", tooEarly),
					new KdeViolation("event_date", "1/1/1900", tooEarly),
					new KdeViolation("event_date", "9/31/2026", "not a valid date in the format M/d/yyyy"));
	}

	@Test
	void takesTheLimitsAMappingSets() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, RowMappers.RECEIVING + """
				limits:
				  code-length: 12
				  text-length: 2000
				  code-pattern: "[A-Z0-9-]+"
				  earliest-date: 1990-01-01
				  days-ahead: 0
				""", RowMappers.RECEIVING_HEADER);
		String tomorrow = RowMappers.TODAY.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy"));

		// when
		MappedRow old = mapper.map(row("RC-1,1,6/1/1995,V100,FLOUR-AP-50,HM-2609-114,R1,30,BAG,PO-1,BAKERY-01"));
		MappedRow longLot = mapper.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,HM-2609-114-X,R1,30,BAG,PO-1,BAKERY-01"));
		MappedRow lowerCase = mapper.map(row("RC-1,1,10/5/2026,V100,FLOUR-AP-50,hm-2609,R1,30,BAG,PO-1,BAKERY-01"));
		MappedRow ahead = mapper
			.map(row("RC-1,1," + tomorrow + ",V100,FLOUR-AP-50,HM-2609-114,R1,30,BAG,PO-1,BAKERY-01"));

		// then
		assertThat(accepted(old, KdeEvent.class).eventDate()).isEqualTo(LocalDate.of(1995, 6, 1));
		assertThat(rejected(longLot)).extracting(KdeViolation::reason)
			.containsExactly("13 characters; a code may have at most 12 (limits.code-length)");
		assertThat(rejected(lowerCase)).extracting(KdeViolation::reason)
			.containsExactly("not a code of the form [A-Z0-9-]+ (limits.code-pattern)");
		assertThat(rejected(ahead)).extracting(KdeViolation::reason).containsExactly("date is in the future");
	}

}
