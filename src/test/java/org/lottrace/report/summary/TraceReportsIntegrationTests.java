package org.lottrace.report.summary;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.ingest.UnitsProvider;
import org.lottrace.report.Html;
import org.lottrace.report.TraceAnswers;
import org.lottrace.report.TraceFindings;
import org.lottrace.report.recall.MockRecallTimes;
import org.lottrace.report.recall.MockRecallWriter;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both reports of the sample bakery's complaint scenario, from the real pipeline: ingest
 * {@code sample-data/} into an empty store, trace lot C261014A both ways, write the trace
 * summary and the mock-recall report.
 */
@SpringBootTest(properties = { "spring.batch.job.enabled=false", "lottrace.ingest.jobs=jobs" })
@DirtiesContext
class TraceReportsIntegrationTests {

	@TempDir
	static Path folder;

	private static String summary;

	private static String mockRecall;

	@Autowired
	IngestService ingestService;

	@Autowired
	TraceService traceService;

	@Autowired
	UnitsProvider unitsProvider;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> folder.resolve("store").toString());
	}

	@BeforeEach
	void ingestTraceAndWriteOnce() throws Exception {
		if (summary != null) {
			return;
		}
		Instant started = Instant.now();
		List<IngestResult> ingested = this.ingestService
			.ingest(this.ingestService.plan(List.of(Path.of("sample-data")), null));
		assertThat(ingested).isNotEmpty().noneMatch((r) -> r.status() == IngestResult.Status.FAILED);
		TraceAnalysis analysis = TraceAnalysis.of(this.traceService.trace(TraceRequest.lot("C261014A", Direction.BOTH)),
				this.unitsProvider.units());
		Path summaryFile = new TraceSummaryWriter().write(TraceFindings.of(analysis),
				folder.resolve("reports/trace-summary.html"));
		Path mockRecallFile = new MockRecallWriter().write(TraceFindings.of(analysis),
				new MockRecallTimes(started, Instant.now()), folder.resolve("reports/mock-recall.html"));
		summary = Files.readString(summaryFile);
		mockRecall = Files.readString(mockRecallFile);
	}

	@Test
	void traceJsonAndTheSummaryNameTheSameCustomersOfTheBatchReworkIncluded() throws Exception {
		// given: cookie lot C261008A, three cases of which were reworked into C261014A
		TraceAnalysis analysis = TraceAnalysis.of(this.traceService.trace(TraceRequest.lot("C261008A", Direction.BOTH)),
				this.unitsProvider.units());
		TraceFindings findings = TraceFindings.of(analysis);

		// when
		TraceAnswers answers = TraceAnswers.of(findings);
		String html = new TraceSummaryWriter().render(findings);

		// then: the batch's own customers and those of the lot made from it, in both
		List<String> fromJson = answers.customers()
			.stream()
			.filter(TraceAnswers.Shipment::ofTheBatch)
			.map((s) -> s.lot() + " " + s.billOfLading() + " " + s.quantity().toPlainString() + " " + s.unit())
			.sorted()
			.toList();
		String customers = Html.section(html, "customers");
		String ofBatch = customers.substring(customers.indexOf("<h3>Customers of the batch C261008A</h3>"),
				customers.indexOf("<h3>Through "));
		List<String> fromHtml = Html.rows(ofBatch)
			.stream()
			.filter((row) -> !row.get(0).equals("Date"))
			.map((row) -> row.get(4) + " " + row.get(7) + " " + row.get(6))
			.sorted()
			.toList();
		assertThat(fromJson).isEqualTo(fromHtml);
		assertThat(fromJson).anySatisfy((s) -> assertThat(s).startsWith("C261008A "))
			.anySatisfy((s) -> assertThat(s).startsWith("C261014A BOL-50035 8 case"));
	}

	@Test
	void summaryNamesTheBatch() {
		String batch = Html.section(summary, "batch");

		assertThat(Html.text(batch)).contains("C261014A — Peanut Butter Sandwich Cookies, 12 ct");
		assertThat(Html.rows(batch)).anySatisfy((row) -> assertThat(row).containsSubsequence("WO-1014-P", "2026-10-14",
				"Sunrise Bakery 100 Mill Street, Springfield, IL 62701, US", "27 case"));
	}

	@Test
	void summaryTellsTheTwoLotsL2301Apart() {
		List<List<String>> ingredients = Html.rows(Html.section(summary, "ingredients"));

		assertThat(ingredients).anySatisfy((row) -> assertThat(row)
			.containsSubsequence("1", "L2301 (Dairy Gold Creamery) same code as Nutty Butter Co.",
					"Dairy Gold Creamery", "L2301")
			.contains("Unsalted butter"));
		assertThat(ingredients).anySatisfy((row) -> {
			assertThat(row).containsSubsequence("2", "L2301 (Nutty Butter Co.) same code as Dairy Gold Creamery",
					"Nutty Butter Co.", "L2301");
			assertThat(row.get(row.size() - 1)).contains("F261013A");
		});
		assertThat(ingredients)
			.anySatisfy((row) -> assertThat(row).containsSubsequence("1", "F261013A", "made here (Sunrise Bakery)"));
	}

	@Test
	void summaryListsTheCustomersOfTheBatchFirst() {
		String customers = Html.section(summary, "customers");
		String ofBatch = customers.substring(customers.indexOf("<h3>Customers of the batch C261014A</h3>"),
				customers.indexOf("<h3>Through "));

		assertThat(Html.rows(ofBatch)).filteredOn((row) -> !row.get(0).equals("Date"))
			.extracting((row) -> row.get(1) + " | " + row.get(4) + " | " + row.get(6))
			.containsExactlyInAnyOrder("Green Valley Market #12 | C261014A | 8 case",
					"Campus Dining Services | C261014A | 6 case",
					"Midwest Foodservice Distributors | C261014A | 12 case");
		assertThat(customers)
			.contains("<h3>Through C261008A (made here)</h3>", "<h3>Through EG1009 of Prairie Eggs LLC</h3>")
			.doesNotContain("of made here");
		assertThat(Html.text(Html.section(summary, "in-short"))).contains(
				"The batch and the lots made from it went to Campus Dining Services, Green Valley Market #12, Midwest "
						+ "Foodservice Distributors (3 shipment(s): 26 case of C261014A).");
	}

	@Test
	void summaryDrawsTheGenealogyOfTheBatchAndCountsTheOtherLots() {
		String genealogy = Html.section(summary, "genealogy");

		List<Html.Box> boxes = Html.nodes(genealogy);
		assertThat(boxes).filteredOn((b) -> b.kind().equals("start")).extracting(Html.Box::id).hasSize(1);
		assertThat(boxes).filteredOn((b) -> b.kind().equals("backward")).hasSize(11);
		assertThat(Pattern.compile(">\\+(\\d+) more lots?<").matcher(genealogy).results())
			.extracting((m) -> Integer.parseInt(m.group(1)))
			.satisfies((counts) -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(38));
		for (int i = 0; i < boxes.size(); i++) {
			for (int j = i + 1; j < boxes.size(); j++) {
				assertThat(boxes.get(i).overlaps(boxes.get(j))).isFalse();
			}
		}
		assertThat(Html.text(genealogy)).contains("The 38 other lots made from the same ingredient lots");
		assertThat(summary).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//");
	}

	@Test
	void mockRecallReconcilesTheBatchAndPassesTheTimeTarget() {
		assertThat(Html.text(Html.section(mockRecall, "timing"))).contains("PASS");
		assertThat(Html.rows(Html.section(mockRecall, "reconciliation")))
			.anySatisfy((row) -> assertThat(row).containsSubsequence("C261014A",
					"Peanut Butter Sandwich Cookies, 12 ct", "batch", "case", "27", "0", "26"));
		assertThat(Html.rows(Html.section(mockRecall, "forward")))
			.anySatisfy((row) -> assertThat(row).containsSubsequence("Midwest Foodservice Distributors",
					"+1 217-555-0240", "2700 N 22nd St, Decatur, IL 62526, US"));
	}

}
