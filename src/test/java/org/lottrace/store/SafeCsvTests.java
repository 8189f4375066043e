package org.lottrace.store;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTests {

	@ParameterizedTest
	@ValueSource(strings = { "=SUM(A1:A9)", "+1 217-555-0100", "-24", "@cmd", "\tTAB", "\rCR", "\uFF1D1+1", "\uFF0B1",
			"\uFF0D1", "\uFF20x" })
	void prefixesTextThatASpreadsheetCouldRunAsAFormula(String text) {
		// when
		String cell = SafeCsv.text(text);

		// then
		assertThat(cell).isEqualTo("'" + text);
		assertThat(SafeCsv.isFormulaLike(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "L2301", "José Peña", "a=b", "1-2", " =x" })
	void leavesOtherTextAlone(String text) {
		// when
		String cell = SafeCsv.text(text);

		// then
		assertThat(cell).isEqualTo(text);
	}

	@Test
	void writesNullsAsEmptyAndDecimalsWithoutTrailingZeros() {
		// when, then
		assertThat(SafeCsv.text(null)).isEmpty();
		assertThat(SafeCsv.text(new BigDecimal("31.800000"))).isEqualTo("31.8");
		assertThat(SafeCsv.text(new BigDecimal("1E+3"))).isEqualTo("1000");
		assertThat(SafeCsv.text(new BigDecimal("-24"))).isEqualTo("'-24");
	}

	@Test
	void writesNumbersAsNumbersAndQuotesWhereNeeded() {
		// given
		StringWriter out = new StringWriter();

		// when
		try (SafeCsv csv = new SafeCsv(out, List.of("source", "line", "value", "reason"))) {
			csv.row(Arrays.asList("erp-production", 17L, "-24", "must be greater than zero"));
			csv.row(Arrays.asList("erp-vendors", -3, "Heartland Mills, Inc.", "said \"no\"\nthen yes"));
			csv.row(Arrays.asList("shipping", 40L, null, "=HYPERLINK(\"x\")"));
		}

		// then
		assertThat(out.toString())
			.isEqualTo("source,line,value,reason\r\n" + "erp-production,17,'-24,must be greater than zero\r\n"
					+ "erp-vendors,-3,\"Heartland Mills, Inc.\",\"said \"\"no\"\"\nthen yes\"\r\n"
					+ "shipping,40,,\"'=HYPERLINK(\"\"x\"\")\"\r\n");
	}

}
