package org.lottrace.report.summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.report.BakeryTrace;
import org.lottrace.report.Html;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.TraceFixture;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult.TracedLot;

import static org.assertj.core.api.Assertions.assertThat;

class TraceSummaryWriterTests {

	@TempDir
	Path folder;

	private final TraceSummaryWriter writer = new TraceSummaryWriter(TraceFixture.CLOCK, 60, 12);

	@Test
	void givesTheVerdictAndTheThreeAnswersFirstThenGenealogyMassBalanceAndGaps() {
		String html = this.writer.render(TraceFindings.of(BakeryTrace.analysis()));

		List<String> order = List.of("<section id=\"batch\"", "<section id=\"ingredients\"",
				"<section id=\"customers\"", "<section id=\"genealogy\"", "<section id=\"mass-balance\"",
				"<section id=\"gaps\"");
		assertThat(order).extracting(html::indexOf).isSorted().doesNotContain(-1);
		assertThat(html.indexOf("id=\"in-short\"")).isLessThan(html.indexOf("<section id=\"batch\""));
		assertThat(html.indexOf("id=\"completeness\"")).isPositive().isLessThan(html.indexOf("id=\"in-short\""));
	}

	@Test
	void headerShowsTheRequestWhenItWasTracedHowLongItTookAndTheVersion() {
		String header = Html.text(this.writer.render(TraceFindings.of(BakeryTrace.analysis())).split("</header>")[0]);

		assertThat(header).contains("trace of lot C261014A, both")
			.contains("Customer complaint #4711")
			.contains("Traced at 2026-11-02 07:15:00 -06:00 (America/Chicago)")
			.contains("Trace took 298 ms")
			.contains("Page generated 2026-11-02 07:16:00 -06:00 (America/Chicago) by lottrace ")
			.containsPattern("by lottrace \\S+");
	}

	@Test
	void whichBatchGivesWorkOrderDateSiteQuantityAndInputsWithTickets() {
		String batch = Html.section(this.writer.render(TraceFindings.of(BakeryTrace.analysis())), "batch");

		assertThat(Html.rows(batch)).contains(
				List.of("WO-1014-P", "2026-10-14", "Sunrise Bakery 100 Mill Street, Springfield, IL 62704, US",
						"27 case", "Work order WO-1014-P"),
				List.of("HM-2610-021", "All-purpose wheat flour", "Heartland Mills, Inc.", "19.7 kg",
						"Scale ticket T-10101", "WO-1014-P"),
				List.of("L2301 (Dairy Gold Creamery)", "Unsalted butter", "Dairy Gold Creamery", "15 kg",
						"Scale ticket T-10103", "WO-1014-P"),
				List.of("F261013A", "Peanut butter cream filling FTL", "made here (Sunrise Bakery)", "30 kg",
						"Scale ticket T-10105", "WO-1014-P"));
	}

	@Test
	void ingredientLotsListEveryLevelWithSupplierLotCodesReceiptsAndDocuments() {
		String ingredients = Html.section(this.writer.render(TraceFindings.of(BakeryTrace.analysis())), "ingredients");

		assertThat(Html.rows(ingredients)).contains(
				List.of("1", "L2301 (Dairy Gold Creamery) same code as Nutty Butter Co.", "Dairy Gold Creamery",
						"L2301", "R10203", "Unsalted butter", "received 2026-10-05", "20 case",
						"Purchase order PO-88114; Receipt RC-5003", "C261014A"),
				List.of("2", "L2301 (Nutty Butter Co.) same code as Dairy Gold Creamery", "Nutty Butter Co.", "L2301",
						"R10250", "Peanut butter, creamy FTL: Nut butters", "received 2026-10-09", "8 pail",
						"Purchase order PO-88156; Receipt RC-5050", "F261013A, F261016A"),
				List.of("1", "F261013A", "made here (Sunrise Bakery)", "", "",
						"Peanut butter cream filling FTL: Nut butters", "produced 2026-10-13", "60 kg",
						"Work order WO-1013-F", "C261014A"));
	}

	@Test
	void customersOfTheBatchComeFirstThenSharedLotsFtlFirst() {
		String customers = Html.section(this.writer.render(TraceFindings.of(BakeryTrace.analysis())), "customers");

		assertThat(Pattern.compile("<h3>([^<]*)</h3>").matcher(customers).results().map((m) -> Html.decode(m.group(1))))
			.containsExactly("Contact list", "Customers of the batch C261014A", "Through L2301 of Nutty Butter Co.",
					"Through HM-2610-021 of Heartland Mills, Inc.");
		String ofBatch = customers.substring(customers.indexOf("Customers of the batch"),
				customers.indexOf("Through L2301"));
		assertThat(Html.rows(ofBatch)).contains(
				List.of("2026-10-15", "Green Valley Market #12", "1200 Wabash Ave, Springfield, IL 62704, US",
						"+1 217-555-0200", "C261014A", "Peanut Butter Sandwich Cookies, 12 ct", "8 case", "BOL-50035",
						"C261014A"),
				List.of("2026-10-15", "Campus Dining Services", "1401 W Green St, Urbana, IL 62704, US",
						"+1 217-555-0220", "C261014A", "Peanut Butter Sandwich Cookies, 12 ct", "6 case", "BOL-50037",
						"C261014A"),
				List.of("2026-10-15", "Midwest Foodservice Distributors", "2700 N 22nd St, Decatur, IL 62704, US",
						"+1 217-555-0240", "C261014A", "Peanut Butter Sandwich Cookies, 12 ct", "12 case", "BOL-50038",
						"C261014A"));
		assertThat(Html.rows(customers.substring(customers.indexOf("Through L2301"))))
			.anySatisfy((row) -> assertThat(row).containsSubsequence("Green Valley Market #12", "C261016A", "5 case",
					"BOL-50041", "L2301 (Nutty Butter Co.)"));
	}

	@Test
	void contactListPutsCustomersOfTheBatchFirst() {
		String customers = Html.section(this.writer.render(TraceFindings.of(BakeryTrace.analysis())), "customers");
		String contacts = customers.substring(0, customers.indexOf("Customers of the batch"));

		assertThat(Html.rows(contacts)).extracting((row) -> row.get(0) + " | " + row.get(5))
			.containsExactly("Customer | Received the batch", "Campus Dining Services | yes",
					"Green Valley Market #12 | yes", "Midwest Foodservice Distributors | yes",
					BakeryTrace.EVIL_CUSTOMER + " | no");
	}

	@Test
	void lotCodesSharedByTwoSuppliersAreAlwaysShownWithTheirSupplier() {
		String text = Html.text(this.writer.render(TraceFindings.of(BakeryTrace.analysis())));

		assertThat(text).contains("L2301 (Dairy Gold Creamery)", "L2301 (Nutty Butter Co.)");
		Pattern.compile("L2301").matcher(text).results().forEach((m) -> {
			String around = text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 60));
			assertThat(around).containsAnyOf("Dairy Gold Creamery", "Nutty Butter Co.", "L2301 (V120)", "L2301 (V130)");
		});
	}

	@Test
	void escapesNamesFromMasterData() {
		String html = this.writer.render(TraceFindings.of(BakeryTrace.analysis()));

		assertThat(html).doesNotContain("<script", "<b>Main</b>", "'quote'");
		assertThat(html).contains("Smith &amp; Sons &quot;Best&quot; &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("1 &lt;b&gt;Main&lt;/b&gt; St");
		assertThat(Html.text(Html.section(html, "customers"))).contains(BakeryTrace.EVIL_CUSTOMER);
	}

	@Test
	void massBalanceGivesEachLotInItsBaseUnitWithTheShareAccountedFor() {
		String balance = Html.section(this.writer.render(TraceFindings.of(BakeryTrace.analysis())), "mass-balance");

		assertThat(Html.rows(balance)).contains(
				List.of("C261014A", "Peanut Butter Sandwich Cookies, 12 ct", "batch", "case", "27", "0", "26", "1",
						"96.3 %", ""),
				List.of("L2301 (Nutty Butter Co.)", "Peanut butter, creamy", "ingredient, level 2", "kg", "127.006",
						"95.254", "0", "31.751", "75.0 %", ""),
				List.of("F261016A", "Peanut butter cream filling", "later lot", "kg", "30", "30", "0", "0", "100.0 %",
						""));
		assertThat(Html.rows(balance).subList(1, 4)).extracting((row) -> row.get(2))
			.containsExactly("batch", "ingredient, level 1", "ingredient, level 1");
	}

	@Test
	void listsTheGapsOfTheAnswerAndSaysItIsIncomplete() {
		TraceFixture fixture = BakeryTrace.fixture();
		fixture.receipt(fixture.lot(9, "X1", "V100", 1, 0), "FLOUR-AP-50", "3", "drum", "2026-10-01", "R1", "PO-1",
				"RC-1");
		TraceAnalysis analysis = fixture.analysis(BakeryTrace.request());

		String html = this.writer.render(TraceFindings.of(analysis));
		String gaps = Html.text(Html.section(html, "gaps"));

		assertThat(analysis.gaps()).isNotEmpty();
		assertThat(gaps).contains(analysis.gaps().get(0).reason()).contains("cannot convert 3 drum");
		assertThat(Html.text(html)).contains("INCOMPLETE: ");
	}

	@Test
	void saysWhenADirectionWasNotTraced() {
		TraceAnalysis analysis = BakeryTrace.fixture()
			.analysis(new TraceRequest("C261014A", null, null, null, null, Direction.BACKWARD, null));

		String html = this.writer.render(TraceFindings.of(analysis));

		assertThat(Html.text(Html.section(html, "customers"))).contains("Not traced forward");
		assertThat(Html.text(html.split("</header>")[0])).contains("Reason not given");
	}

	@Test
	void tracesAReceivedLotForwardToTheBatchesMadeFromItAndTheirCustomers() {
		TraceFixture f = new TraceFixture();
		f.location("V120", "supplier", "Dairy Gold Creamery", "", "", "")
			.location("C200-01", "customer", "Green Valley Market #12", "+1 217-555-0200", "", "")
			.product("BUTTER-UNS-36", "Unsalted butter", null, "kg")
			.product("COOKIE-PB-12", "Peanut Butter Sandwich Cookies, 12 ct", "Nut butters", "case");
		TracedLot butter = f.forwardStart(3, "L2301", "V120");
		TracedLot batch = f.lot(1, "C261014A", TraceFixture.SITE, -1, 1);
		f.receipt(butter, "BUTTER-UNS-36", "20", "case", "2026-10-05", "R10203", "PO-88114", "RC-5003")
			.output(batch, "COOKIE-PB-12", "27", "case", "2026-10-14", "WO-1014-P")
			.input(butter, batch, "15", "kg", "WO-1014-P", "T-10103")
			.shipment(batch, "COOKIE-PB-12", "8", "2026-10-15", "C200-01", "BOL-50035");
		TraceAnalysis analysis = f
			.analysis(new TraceRequest("L2301", "V120", null, null, null, Direction.FORWARD, null));

		String html = this.writer.render(TraceFindings.of(analysis));

		assertThat(Html.text(Html.section(html, "batch"))).contains("Not made here")
			.contains("received 2026-10-05 Dairy Gold Creamery 20 case Purchase order PO-88114; Receipt RC-5003");
		assertThat(Html.text(Html.section(html, "ingredients"))).contains("Not traced backward");
		assertThat(Html.text(Html.section(html, "customers"))).contains("Customers of the traced lot L2301 shipments")
			.contains("2026-10-15 Green Valley Market #12");
		assertThat(Html.nodes(Html.section(html, "genealogy"))).extracting(Html.Box::kind)
			.containsExactly("start", "forward");
	}

	@Test
	void summarySaysWhatWasCollapsed() {
		String html = new TraceSummaryWriter(TraceFixture.CLOCK, 60, 12).render(TraceFindings.of(BakeryTrace.large()));

		assertThat(Html.text(Html.section(html, "genealogy")))
			.contains("Of the 100 lots made from the traced lot, the 60 nearest are drawn.")
			.contains("The 200 other lots made from the same ingredient lots are more than 12")
			.contains("the 240 lots not drawn are counted in grey \"+N more lots\" boxes")
			.contains("Every shipment is listed in section 3.");
	}

	@Test
	void referencesNothingOutsideTheFile() {
		String html = this.writer.render(TraceFindings.of(BakeryTrace.analysis()));

		assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
			.doesNotContainPattern("(?i)<(script|link|img|iframe|object)\\b")
			.doesNotContainPattern("(?i)@import|url\\(\\s*[\"']?(https?:)?//");
		assertThat(html).contains("<style>").contains("<svg ");
	}

	@Test
	void writesTheFileInPlaceOfAnOlderOneAndLeavesNothingElse() throws Exception {
		Path file = this.folder.resolve("reports/C261014A/trace-summary.html");
		Files.createDirectories(file.getParent());
		Files.writeString(file, "old");

		Path written = this.writer.write(TraceFindings.of(BakeryTrace.analysis()), file);

		assertThat(written).isEqualTo(file);
		assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void laysTheGenealogyOutOnceForTheSummaryAndItsOwnFile() throws Exception {
		TraceFindings findings = TraceFindings.of(BakeryTrace.analysis());

		TraceSummaryWriter.Drawing drawing = this.writer.draw(findings.analysis());
		String withDrawing = java.nio.file.Files
			.readString(this.writer.write(findings, drawing, this.folder.resolve("with-drawing.html")));
		String drawnItself = java.nio.file.Files
			.readString(this.writer.write(findings, this.folder.resolve("summary.html")));

		// the page made from the drawing is the page that draws for itself, and the
		// standalone file is that drawing with its own styles
		assertThat(withDrawing).isEqualTo(drawnItself).contains("<svg");
		assertThat(drawing.standaloneSvg()).isEqualTo(this.writer.draw(findings.analysis()).standaloneSvg())
			.startsWith("<svg")
			.contains("<style>.genealogy text");
		String body = drawing.standaloneSvg().replaceFirst("<style>[^<]*</style>", "");
		assertThat(withDrawing).contains(body.substring(body.indexOf('>') + 1, body.indexOf('>') + 200));
	}

}
