package org.lottrace.gs1;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Test vectors: issue 12's examples, which use the example GTIN 09506000134352 of the GS1
 * Digital Link Standard: URI Syntax (release 1.2 onwards); the GS1-128 example
 * {@code (01)95012345678903(3102)000400} of the GS1 General Specifications (section 5.4,
 * GS1-128); the rules of the General Specifications cited per test (3.2 GTIN, 3.4 dates,
 * 3.6.2 trade measures, 5.10.1 FNC1 and predefined lengths, 7.9.1 check digits, 7.11
 * character set 82, 7.12 century of dates) and of ISO/IEC 15424 for symbology
 * identifiers.
 */
class Gs1ParserTests {

	/** Scans are read in 2026: the century rule is relative to the current year. */
	private final Gs1Parser parser = new Gs1Parser(Clock.fixed(Instant.parse("2026-11-29T12:00:00Z"), ZoneOffset.UTC));

	@Nested
	class ElementStrings {

		@Test
		void readsTheHumanReadableFormWithParentheses() {
			// given issue 12's scale label
			String scan = "(01)09506000134352(10)ABC123(17)261231(3103)001250";

			// when
			ElementString read = Gs1ParserTests.this.parser.parse(scan);

			// then
			assertThat(read.gtin()).contains("09506000134352");
			assertThat(read.lot()).contains("ABC123");
			assertThat(read.date("17")).contains(LocalDate.of(2026, 12, 31));
			assertThat(read.netWeight()).contains(new Measure(new BigDecimal("1.250"), "kg"));
			assertThat(read).hasToString(scan);
		}

		@Test
		void readsTheRawFormWithGroupSeparatorsAfterVariableLengthValues() {
			// given the same data as a scanner sends it: the lot ends with FNC1 (GS)
			String scan = "0109506000134352" + "10ABC123\u001d" + "17261231" + "3103001250";

			// when
			ElementString read = Gs1ParserTests.this.parser.parse(scan);

			// then
			assertThat(read).hasToString("(01)09506000134352(10)ABC123(17)261231(3103)001250");
		}

		@Test
		void aVariableLengthValueLastNeedsNoSeparator() {
			ElementString read = Gs1ParserTests.this.parser.parse("010950600013435217261231" + "10ABC123");

			assertThat(read.lot()).contains("ABC123");
			assertThat(read.date("17")).contains(LocalDate.of(2026, 12, 31));
		}

		@Test
		void withoutASeparatorAVariableLengthValueRunsToTheEnd() {
			// General Specifications 5.10.1: only FNC1 ends a lot; '17261231' is part of
			// it
			ElementString read = Gs1ParserTests.this.parser.parse("0109506000134352" + "10ABC12317261231");

			assertThat(read.lot()).contains("ABC12317261231");
			assertThat(read.date("17")).isEmpty();
		}

		@Test
		void readsTheGeneralSpecificationsGs1128ExampleInPounds() {
			ElementString kg = Gs1ParserTests.this.parser.parse("]C10195012345678903" + "3102000400");
			ElementString lb = Gs1ParserTests.this.parser.parse("(01)95012345678903(3202)000400");

			assertThat(kg.netWeight()).contains(new Measure(new BigDecimal("4.00"), "kg"));
			assertThat(lb.netWeight()).contains(new Measure(new BigDecimal("4.00"), "lb"));
		}

		@Test
		void readsAfterEachGs1SymbologyIdentifier() {
			for (String identifier : new String[] { "]C1", "]d2", "]Q3", "]e0", "]J1" }) {
				ElementString read = Gs1ParserTests.this.parser.parse(identifier + "010950600013435210ABC123");

				assertThat(read.gtin()).as(identifier).contains("09506000134352");
				assertThat(read.lot()).as(identifier).contains("ABC123");
			}
		}

		@Test
		void aLeadingFnc1IsSkipped() {
			assertThat(Gs1ParserTests.this.parser.parse("\u001d010950600013435210ABC123").lot()).contains("ABC123");
		}

		@Test
		void readsTheGtinOfContainedItemsWhenThereIsNoItemGtin() {
			// AI 02 (General Specifications 3.2): a pallet label names the items it holds
			ElementString read = Gs1ParserTests.this.parser.parse("(00)106141411234567897(02)09506000134352(37)12");

			assertThat(read.gtin()).contains("09506000134352");
			assertThat(read.value("37")).contains("12");
		}

	}

	@Nested
	class Dates {

		@Test
		void aDayOf00IsTheLastDayOfTheMonth() {
			assertThat(Gs1ParserTests.this.parser.parse("(15)280200").date("15")).contains(LocalDate.of(2028, 2, 29));
			assertThat(Gs1ParserTests.this.parser.parse("(13)261100").date("13")).contains(LocalDate.of(2026, 11, 30));
		}

		@Test
		void theCenturyFollowsTheGeneralSpecificationsRule() {
			// 2026: 51 to 99 years ahead is last century, 50 ahead still this one
			assertThat(date("(11)770101")).isEqualTo(LocalDate.of(1977, 1, 1));
			assertThat(date("(11)760101")).isEqualTo(LocalDate.of(2076, 1, 1));
			assertThat(date("(11)991231")).isEqualTo(LocalDate.of(1999, 12, 31));
			assertThat(date("(11)000101")).isEqualTo(LocalDate.of(2000, 1, 1));
		}

		@Test
		void aYearFiftyBehindIsInTheNextCentury() {
			Gs1Parser in2080 = new Gs1Parser(Clock.fixed(Instant.parse("2080-01-01T00:00:00Z"), ZoneOffset.UTC));

			assertThat(in2080.parse("(17)300101").date("17")).contains(LocalDate.of(2130, 1, 1));
			assertThat(in2080.parse("(17)310101").date("17")).contains(LocalDate.of(2031, 1, 1));
		}

		@Test
		void aDateThatDoesNotExistIsRejected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("(17)260231")).isInstanceOf(Gs1Exception.class)
				.hasMessage("(17) USE BY or EXPIRY 260231 is not a date: 2026-02 has no day 31");
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("(11)261301"))
				.hasMessage("(11) PROD DATE 261301 is not a date: month 13 does not exist");
		}

		private LocalDate date(String scan) {
			return Gs1ParserTests.this.parser.parse(scan).date("11").orElseThrow();
		}

	}

	@Nested
	class DigitalLinks {

		@Test
		void readsIssue12sDigitalLink() {
			ElementString read = Gs1ParserTests.this.parser
				.parse("https://id.gs1.org/01/09506000134352/10/ABC123?17=261231");

			assertThat(read).hasToString("(01)09506000134352(10)ABC123(17)261231");
		}

		@Test
		void readsACustomDomainWithAPathPrefixAndOtherQueryParameters() {
			ElementString read = Gs1ParserTests.this.parser
				.parse("https://brand.example.com/products/01/09506000134352/10/ABC123/21/4567"
						+ "?3103=001250&linkType=gs1:pip#top");

			assertThat(read).hasToString("(01)09506000134352(10)ABC123(21)4567(3103)001250");
		}

		@Test
		void percentDecodesPathSegments() {
			// a lot with characters of set 82 that a URI path must escape
			ElementString read = Gs1ParserTests.this.parser.parse("https://id.gs1.org/01/09506000134352/10/AB%2F12%25");

			assertThat(read.lot()).contains("AB/12%");
		}

		@Test
		void padsAShortGtinToFourteenDigits() {
			assertThat(Gs1ParserTests.this.parser.parse("https://id.gs1.org/01/9506000134352").gtin())
				.contains("09506000134352");
		}

		@Test
		void readsADigitalLinkBehindAQrSymbologyIdentifier() {
			assertThat(Gs1ParserTests.this.parser.parse("]Q1https://id.gs1.org/01/09506000134352/10/L1").lot())
				.contains("L1");
		}

		@Test
		void aUriWithoutAPrimaryKeyIsRejected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("https://example.com/products/123"))
				.isInstanceOf(Gs1Exception.class)
				.hasMessageStartingWith("not a GS1 Digital Link: no primary key");
		}

		@Test
		void aKeyWithoutValueIsTruncated() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("https://id.gs1.org/01/09506000134352/10/"))
				.hasMessage("Digital Link path segment /10/ has no value (truncated?)");
		}

	}

	@Nested
	class Errors {

		@Test
		void aWrongCheckDigitSaysWhichDigitWasExpected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("(01)09506000134353(10)ABC123"))
				.isInstanceOf(Gs1Exception.class)
				.hasMessage("(01) GTIN 09506000134353: wrong check digit 3, expected 2");
		}

		@Test
		void anUnknownApplicationIdentifierIsNamed() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("0109506000134352" + "8877ABC"))
				.hasMessage("unknown Application Identifier at character 17: '8877...'");
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("(88)ABC"))
				.hasMessage("unknown Application Identifier (88)");
		}

		@Test
		void truncatedDataSaysWhatWasExpected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("01095060001343"))
				.hasMessage("(01) GTIN takes 14 digits, not 12: '095060001343' (truncated?)");
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("0109506000134352" + "3103"))
				.hasMessage("(3103) NET WEIGHT (kg) takes 6 digits, not 0: '' (truncated?)");
		}

		@Test
		void aLotLongerThanTwentyCharactersIsRejected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("(10)" + "A".repeat(21)))
				.hasMessageStartingWith("(10) BATCH/LOT takes 1 to 20 characters, not 21");
		}

		@Test
		void aCharacterOutsideSet82IsRejected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("(10)ABC 123"))
				.hasMessage("(10) BATCH/LOT cannot hold ' ' (at character 4 of 'ABC 123')");
		}

		@Test
		void aNonGs1SymbologyIsRejected() {
			assertThatThrownBy(() -> Gs1ParserTests.this.parser.parse("]A0ABC123"))
				.hasMessageStartingWith("symbology identifier ]A0 is not a GS1 symbology");
		}

	}

	@Test
	void checkDigitsFollowTheModTenAlgorithm() {
		assertThat(CheckDigit.of("0950600013435")).isEqualTo(2);
		assertThat(CheckDigit.of("9501234567890")).isEqualTo(3);
		assertThat(CheckDigit.valid("0614141000012")).isTrue();
		assertThat(CheckDigit.valid("0614141000013")).isFalse();
	}

}
