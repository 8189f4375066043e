package org.lottrace.report.recall;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.report.BakeryTrace;
import org.lottrace.report.Html;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.TraceFixture;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MockRecallWriterTests {

	private static final Instant STARTED = Instant.parse("2026-11-02T14:00:00Z");

	@TempDir
	Path folder;

	private final MockRecallWriter writer = new MockRecallWriter(TraceFixture.CLOCK);

	@Test
	void passesWhenTheTraceTookNoMoreThanFourHours() {
		MockRecallTimes times = times(Duration.ofHours(3).plusMinutes(12).plusSeconds(5));

		String timing = Html.text(Html.section(render(times), "timing"));

		assertThat(times.withinTarget()).isTrue();
		assertThat(timing).contains("Started 2026-11-02 08:00:00 -06:00 (America/Chicago)")
			.contains("Finished 2026-11-02 11:12:05 -06:00 (America/Chicago)")
			.contains("Elapsed 3 h 12 min 05 s")
			.contains("PASS The trace took 3 h 12 min 05 s, within 4 h 00 min 00 s.")
			.doesNotContain("FAIL");
	}

	@Test
	void failsWhenTheTraceTookLongerThanFourHours() {
		String timing = Html.text(Html.section(render(times(Duration.ofHours(4).plusSeconds(1))), "timing"));

		assertThat(timing).contains("FAIL The trace took 4 h 00 min 01 s, more than 4 h 00 min 00 s.")
			.doesNotContain("PASS");
	}

	@Test
	void exactlyFourHoursIsWithinTheTarget() {
		assertThat(times(Duration.ofHours(4)).withinTarget()).isTrue();
		assertThat(times(Duration.ofHours(4)).elapsed()).isEqualTo(MockRecallTimes.TARGET);
		assertThat(times(Duration.ofMinutes(12)).elapsed()).hasMinutes(12);
	}

	@Test
	void refusesAFinishBeforeTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MockRecallTimes(STARTED, STARTED.minusSeconds(1)))
			.withMessageContaining("before it started");
	}

	@Test
	void describesTheScenario() {
		String scenario = Html.section(render(times(Duration.ofMinutes(40))), "scenario");

		assertThat(Html.rows(scenario)).contains(
				List.of("Product", "Peanut Butter Sandwich Cookies, 12 ct", "Site", "Sunrise Bakery"),
				List.of("Lot", "C261014A", "Direction", "both"),
				List.of("Date range", "made 2026-10-14", "Reason", "Customer complaint #4711"), List.of("Team", ""));
	}

	@Test
	void givesTheRequestedDateRangeOfAProductTrace() {
		TraceAnalysis analysis = BakeryTrace.fixture()
			.analysis(new TraceRequest(null, null, "COOKIE-PB-12", java.time.LocalDate.of(2026, 10, 12),
					java.time.LocalDate.of(2026, 10, 16), Direction.BOTH, null));

		String scenario = Html.section(this.writer.render(TraceFindings.of(analysis), times(Duration.ofMinutes(5))),
				"scenario");

		assertThat(Html.rows(scenario)).contains(List.of("Date range", "2026-10-12 to 2026-10-16", "Reason", ""));
		assertThat(scenario).contains("<span class=\"blank\"></span>");
	}

	@Test
	void tracesBackToSupplierLotsWithReceiptsDocumentsAndRecords() {
		String backward = Html.section(render(times(Duration.ofMinutes(40))), "backward");

		assertThat(Html.rows(backward))
			.contains(List.of("1", "L2301 (Dairy Gold Creamery) same code as Nutty Butter Co.", "Dairy Gold Creamery",
					"L2301", "R10203", "Unsalted butter", "received 2026-10-05", "20 case",
					"Purchase order PO-88114; Receipt RC-5003", "C261014A", "RCV.csv:3"));
		assertThat(Html.text(backward)).contains("WO-1014-P 2026-10-14 Sunrise Bakery 27 case");
	}

	@Test
	void tracesForwardToCustomersWithAColumnToVerifyTheContact() {
		String forward = Html.section(render(times(Duration.ofMinutes(40))), "forward");

		assertThat(Html.rows(forward))
			.contains(List.of("Customer", "Phone", "Ship-to address", "Shipments", "Lots received",
					"Received the batch", "Contact verified (who, when)"))
			.contains(List.of("Midwest Foodservice Distributors", "+1 217-555-0240",
					"2700 N 22nd St, Decatur, IL 62704, US", "1", "C261014A", "yes", ""));
		assertThat(Html.text(forward)).contains("12 case BOL-50038");
	}

	@Test
	void reconcilesTheBatchAndEachIngredientLotWithAnOverallFigure() {
		String reconciliation = Html.section(render(times(Duration.ofMinutes(40))), "reconciliation");

		List<List<String>> rows = Html.rows(reconciliation);
		assertThat(rows).extracting((row) -> row.get(0))
			.containsExactly("Lot", "C261014A", "F261013A", "HM-2610-021", "L2301 (Dairy Gold Creamery)",
					"L2301 (Nutty Butter Co.)", "Overall, 1 lot(s) of Peanut Butter Sandwich Cookies, 12 ct",
					"Overall, 1 lot(s) of Peanut butter cream filling", "Overall, 1 lot(s) of All-purpose wheat flour",
					"Overall, 1 lot(s) of Unsalted butter", "Overall, 1 lot(s) of Peanut butter, creamy");
		assertThat(rows).contains(List.of("C261014A", "Peanut Butter Sandwich Cookies, 12 ct", "batch", "case", "27",
				"0", "26", "1", "96.3 %", "", ""));
		// never a sum over different products: flour, butter and peanut butter each their
		// own
		assertThat(rows).contains(List.of("Overall, 1 lot(s) of All-purpose wheat flour", "kg", "680.389",
				"39.7 used or shipped", "640.689", "5.8 %", "", ""));
	}

	@Test
	void listsGapsAndLeavesFieldsForTheTeam() {
		TraceFixture fixture = BakeryTrace.fixture();
		fixture.receipt(fixture.lot(9, "X1", "V100", 1, 0), "FLOUR-AP-50", "3", "drum", "2026-10-01", "R1", "PO-1",
				"RC-1");
		String html = this.writer.render(TraceFindings.of(fixture.analysis(BakeryTrace.request())),
				times(Duration.ofMinutes(40)));

		assertThat(Html.rows(Html.section(html, "gaps"))).contains(List.of("Mass balance", "X1",
				"cannot convert 3 drum to kg for FLOUR-AP-50: add a conversion in " + "units.yml", "RCV.csv line 22"));
		assertThat(Html.text(html)).contains("INCOMPLETE: ");
		assertThat(Html.text(Html.section(html, "corrective-actions"))).contains("Action Owner Due Done");
		assertThat(Html.rows(Html.section(html, "corrective-actions"))).hasSize(4);
		assertThat(Html.text(Html.section(html, "retest"))).contains("No retest needed", "Retest required by");
		assertThat(Html.rows(Html.section(html, "signatures"))).extracting((row) -> row.get(0))
			.contains("Recall coordinator", "Reviewed and approved by");
	}

	@Test
	void escapesAndReferencesNothingOutsideTheFile() {
		String html = render(times(Duration.ofMinutes(40)));

		assertThat(html).doesNotContain("<script")
			.contains("Smith &amp; Sons &quot;Best&quot; &lt;script&gt;")
			.doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
			.doesNotContainPattern("(?i)<(link|img|iframe|object)\\b");
	}

	@Test
	void writesTheFile() throws Exception {
		Path file = this.writer.write(TraceFindings.of(BakeryTrace.analysis()), times(Duration.ofMinutes(40)),
				this.folder.resolve("mock-recall.html"));

		assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").contains("Traceability test (mock recall)");
	}

	private String render(MockRecallTimes times) {
		return this.writer.render(TraceFindings.of(BakeryTrace.analysis()), times);
	}

	private static MockRecallTimes times(Duration elapsed) {
		return new MockRecallTimes(STARTED, STARTED.plus(elapsed));
	}

}
