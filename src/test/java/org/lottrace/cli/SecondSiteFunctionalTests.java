package org.lottrace.cli;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A second site, Hillside Foods (a snack-bar plant), in layouts the sample bakery does
 * not use, with mappings written from the README alone ({@code jobs/examples/hillside}):
 * its four weeks of exports ingested by the packaged command line, then its complaint and
 * two more questions traced and compared with the answers computed from the raw exports
 * by {@code src/test/resources/sites/hillside/expected/compute.py}, which shares no code
 * with lottrace. The almonds of the complaint's batch are received before the item master
 * knows them: the trace says it is incomplete until the later item master is ingested,
 * and complete after.
 */
class SecondSiteFunctionalTests {

	static final Path SITE = Path.of("src/test/resources/sites/hillside").toAbsolutePath();

	static final Path JOBS = Path.of("jobs/examples/hillside").toAbsolutePath();

	/**
	 * The site's own locations, written as {@code rows:} in {@code hillside-sites.yml}.
	 */
	static final int OWN_SITES = 2;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	static Cli.Result exports;

	static Cli.Result complaintBefore;

	static Cli.Result peanutButterBefore;

	static Cli.Result ambiguous;

	static Cli.Result later;

	static Cli.Result complaintAfter;

	static Cli.Result reworkedAfter;

	@BeforeAll
	static void ingestAndTraceAsAUserWould() throws Exception {
		exports = ingest(SITE.resolve("exports"));
		complaintBefore = trace("--lot", "AH26224");
		peanutButterBefore = trace("--lot", "0812", "--assigner", "V-220", "--direction", "forward");
		ambiguous = trace("--lot", "0812");
		later = ingest(SITE.resolve("later"));
		complaintAfter = trace("--lot", "AH26224");
		reworkedAfter = trace("--lot", "P-7011", "--direction", "backward");
	}

	@Test
	void ingestsEveryExportRejectingOnlyTheBadDateAndHoldingTheUnknownAlmondsAsPending() throws Exception {
		// given
		JsonNode expected = expected("ingest.json").get("exports");
		int rows = expected.get("rowsRead").asInt() + OWN_SITES;

		// then
		assertThat(exports.exitCode()).as(exports.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(summary(exports)).startsWith("Summary: %d file(s): %d ingested, 0 already in the store, 0 failed; "
			.formatted(expected.get("exports").asInt() + 1, expected.get("exports").asInt() + 1)
				+ "%d rows read, %d written, %d rejected, %d superseded; %d pending in the store;".formatted(rows,
						expected.get("written").asInt() + OWN_SITES, expected.get("rejected").size(),
						expected.get("superseded").asInt(), expected.get("pending").size()));
		assertThat(held(".rejects.csv", "field", "value")).containsExactlyInAnyOrderElementsOf(
				lines(expected.get("rejected"), (r) -> text(r, "file", "line", "field", "value")));
		assertThat(held(".pending.csv", "waits_for")).containsExactlyInAnyOrderElementsOf(
				lines(expected.get("pending"), (r) -> text(r, "file", "line", "waitsFor")));
	}

	@Test
	void laterItemMasterTurnsThePendingReceiptsIntoRecords() throws Exception {
		// given
		JsonNode expected = expected("ingest.json").get("later");

		// then
		assertThat(later.exitCode()).as(later.toString()).isEqualTo(ExitCodes.OK);
		for (JsonNode row : expected.get("pendingBecameRecords")) {
			assertThat(later.out()).anySatisfy(
					(line) -> assertThat(line).contains(row.get("file").asString(), "pending rows became records"));
		}
		assertThat(summary(later)).contains(
				"%d rows read, %d written, 0 rejected, %d superseded; 0 pending in the store (%d more became records);"
					.formatted(expected.get("rowsRead").asInt(), expected.get("rowsRead").asInt(),
							expected.get("superseded").asInt(), expected.get("pendingBecameRecords").size()));
		assertThat(held(".pending.csv", "waits_for")).hasSize(expected.get("pendingBecameRecords").size());
	}

	@Test
	void complaintIsIncompleteWhileTheAlmondReceiptWaitsForTheItemMaster() throws Exception {
		// given
		JsonNode expected = expected("complaint-AH26224.json").get("beforeLaterItemMaster");
		JsonNode answers = answers(complaintBefore);

		// then
		assertThat(complaintBefore.exitCode()).as(complaintBefore.toString()).isEqualTo(ExitCodes.INCOMPLETE);
		assertThat(complaintBefore.out()).anySatisfy((line) -> assertThat(line).startsWith("INCOMPLETE: "));
		assertThat(answers.get("complete").asBoolean()).isFalse();
		assertSameGaps(answers, expected);
		assertThat(lines(answers.get("gaps"), (g) -> g.get("reason").asString()))
			.as("the pending receipt says which scanned number it would give a lot, and what it waits for")
			.anySatisfy((reason) -> assertThat(reason).contains("AL-33071", "R-4110", "ALM-SLC-25"));
		assertSameAnswer(answers, expected);
	}

	@Test
	void complaintIsCompleteOnceTheItemMasterKnowsTheAlmonds() throws Exception {
		// given
		JsonNode expected = expected("complaint-AH26224.json").get("afterLaterItemMaster");
		JsonNode answers = answers(complaintAfter);

		// then
		assertThat(complaintAfter.exitCode()).as(complaintAfter.toString()).isEqualTo(ExitCodes.OK);
		assertThat(complaintAfter.out()).noneSatisfy((line) -> assertThat(line).contains("INCOMPLETE"));
		assertThat(answers.get("complete").asBoolean()).isTrue();
		assertThat(answers.get("gaps")).isEmpty();
		assertSameAnswer(answers, expected);
		assertThat(lines(answers.get("ingredients"), SecondSiteFunctionalTests::lot)).contains("AL-33071/V-270");
	}

	@Test
	void complaintCountsTheCorrectedShipmentLineOnceWithItsNewQuantity() throws Exception {
		// then: BL-8110 line 1 said 15 cases, the next export says 12
		assertThat(lines(answers(complaintAfter).get("customers"), SecondSiteFunctionalTests::shipment))
			.filteredOn((s) -> s.startsWith("BL-8110 "))
			.containsExactly("BL-8110 2026-08-13 C-530-01 Brûlée Bistro Supply AH26224 12 case");
	}

	@Test
	void forwardTraceOfThePeanutButterLotNeverTakesTheHoneyLotOfTheSameCode() throws Exception {
		// given
		JsonNode expected = expected("forward-0812-V-220.json").get("beforeLaterItemMaster");
		JsonNode answers = answers(peanutButterBefore);

		// then: complete, though rows wait elsewhere in the store
		assertThat(peanutButterBefore.exitCode()).as(peanutButterBefore.toString()).isEqualTo(ExitCodes.OK);
		assertThat(answers.get("complete").asBoolean()).isTrue();
		assertSameGaps(answers, expected);
		assertThat(answers.get("lots").asInt()).isEqualTo(expected.get("lotsReached").asInt());
		assertThat(lines(answers.get("customers"), SecondSiteFunctionalTests::shipment))
			.containsExactlyInAnyOrderElementsOf(
					lines(expected.get("shipments"), SecondSiteFunctionalTests::expectedShipment));
		assertSameMassBalance(answers, expected);
		assertThat(peanutButterBefore.out()).contains(
				"   Not traced backward (the request asked for the forward direction only).",
				"3. Who received product from this lot (* the lot or a lot made from it)");
	}

	@Test
	void aLotCodeTwoSuppliersUseIsNeverGuessed() {
		// then
		assertThat(ambiguous.exitCode()).as(ambiguous.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(String.join("\n", ambiguous.err())).contains("V-220", "V-240");
	}

	@Test
	void backwardTraceByPalletTagFindsTheReworkedBatchAndItsIngredients() throws Exception {
		// given
		JsonNode expected = expected("backward-AH26231.json").get("afterLaterItemMaster");
		JsonNode answers = answers(reworkedAfter);

		// then
		assertThat(reworkedAfter.exitCode()).as(reworkedAfter.toString()).isEqualTo(ExitCodes.OK);
		assertThat(answers.get("complete").asBoolean()).isTrue();
		assertSameBatch(answers, expected);
		assertThat(lines(answers.get("batches").get(0).get("inputs"), SecondSiteFunctionalTests::lot))
			.contains("AH26224/PLANT-1");
		assertSameIngredients(answers, expected);
		assertThat(answers.get("customers")).isEmpty();
		assertThat(reworkedAfter.out())
			.contains("   Not traced forward (the request asked for the backward direction only).");
	}

	@Test
	void forwardTraceOfAFinishedLotIsCompleteWhenItsWorkOrderHasItsInputs() throws Exception {
		// when
		Cli.Result forward = trace("--lot", "PB26223", "--direction", "forward");

		// then
		assertThat(forward.exitCode()).as(forward.toString()).isEqualTo(ExitCodes.OK);
		assertThat(answers(forward).get("gaps")).isEmpty();
	}

	private static void assertSameAnswer(JsonNode answers, JsonNode expected) {
		assertThat(answers.get("lots").asInt()).as("lots reached").isEqualTo(expected.get("lotsReached").asInt());
		assertSameBatch(answers, expected);
		assertSameIngredients(answers, expected);
		List<String> customers = lines(answers.get("customers"), SecondSiteFunctionalTests::shipment);
		assertThat(customers).as("every shipment reached")
			.containsExactlyInAnyOrderElementsOf(
					lines(expected.get("shipments"), SecondSiteFunctionalTests::expectedShipment));
		List<String> ofTheBatch = new ArrayList<>();
		answers.get("customers").forEach((s) -> {
			if (s.get("ofTheBatch").asBoolean()) {
				ofTheBatch.add(shipment(s));
			}
		});
		assertThat(ofTheBatch).as("customers of the batch, rework included")
			.containsExactlyInAnyOrderElementsOf(
					lines(expected.get("customersOfTheBatch"), SecondSiteFunctionalTests::expectedShipment));
		assertSameMassBalance(answers, expected);
	}

	private static void assertSameBatch(JsonNode answers, JsonNode expected) {
		JsonNode batch = expected.get("batch");
		assertThat(answers.get("batches")).singleElement().satisfies((actual) -> {
			assertThat(code(actual)).isEqualTo(expected.get("lot").asString());
			assertThat(actual.get("assigner").asString()).isEqualTo(expected.get("assigner").asString());
			assertThat(actual.get("workOrder").asString()).isEqualTo(batch.get("workOrder").asString());
			assertThat(actual.get("completed").asString()).isEqualTo(batch.get("completed").asString());
			assertThat(actual.get("product").asString()).isEqualTo(batch.get("product").asString());
			assertThat(actual.get("quantity").decimalValue())
				.isEqualByComparingTo(batch.get("quantity").decimalValue());
			assertThat(actual.get("unit").asString()).isEqualTo(batch.get("unit").asString());
			List<String> inputs = new ArrayList<>();
			batch.get("inputs").forEach((i) -> {
				if (!i.get("lot").isNull()) {
					inputs.add(text(i, "lot") + "/" + text(i, "assigner", "quantity", "unit", "ticket"));
				}
			});
			assertThat(lines(actual.get("inputs"),
					(i) -> lot(i) + " " + plain(i.get("quantity").decimalValue()) + " " + i.get("unit").asString() + " "
							+ i.get("ticket").asString()))
				.as("the batch's inputs with their suppliers' lots and tickets")
				.containsExactlyInAnyOrderElementsOf(inputs.stream().map((i) -> i.replace('|', ' ')).toList());
		});
	}

	private static void assertSameIngredients(JsonNode answers, JsonNode expected) {
		assertThat(lines(answers.get("ingredients"),
				(i) -> i.get("depth").asInt() + " " + lot(i) + " " + i.get("supplier").asString()))
			.as("ingredient lots, every level, with their suppliers")
			.containsExactlyInAnyOrderElementsOf(lines(expected.get("ingredientLots"), (i) -> i.get("depth").asInt()
					+ " " + text(i, "lot") + "/" + text(i, "assigner") + " " + i.get("supplier").asString()));
	}

	private static void assertSameMassBalance(JsonNode answers, JsonNode expected) {
		assertThat(lines(answers.get("massBalance"), SecondSiteFunctionalTests::lot)).as("lots balanced")
			.containsExactlyInAnyOrderElementsOf(
					lines(expected.get("massBalance"), (m) -> text(m, "lot") + "/" + text(m, "assigner")));
		for (JsonNode balance : expected.get("massBalance")) {
			String lot = text(balance, "lot") + "/" + text(balance, "assigner");
			JsonNode actual = find(answers.get("massBalance"), lot);
			assertThat(actual.get("unit").asString()).as(lot).isEqualTo(balance.get("unit").asString());
			for (String amount : List.of("in", "used", "shipped")) {
				assertThat(actual.get(amount).decimalValue()).as(lot + " " + amount)
					.isCloseTo(balance.get(amount).decimalValue(), within(new BigDecimal("0.0005")));
			}
		}
	}

	/**
	 * The gaps that may hide lots, links or customers are exactly the expected ones: the
	 * scale tickets that scanned a number no lot has yet, and the pending rows that hold
	 * that number or a lot of the answer. No other gap.
	 */
	private static void assertSameGaps(JsonNode answers, JsonNode expected) {
		List<String> gaps = new ArrayList<>();
		expected.get("unlinkedInputs").forEach((u) -> gaps.add("input not linked " + text(u, "file", "line")));
		expected.get("pendingRows").forEach((p) -> gaps.add("pending row " + text(p, "file", "line")));
		assertThat(lines(answers.get("gaps"), (g) -> g.get("kind").asString() + " " + text(g, "file", "line")))
			.as(answers.get("gaps").toString())
			.containsExactlyInAnyOrderElementsOf(gaps);
		assertThat(answers.get("complete").asBoolean()).isEqualTo(gaps.isEmpty());
	}

	private static Cli.Result ingest(Path exports) throws Exception {
		return Cli.run("ingest", "--store", folder.resolve("store").toString(), "--jobs", JOBS.toString(),
				exports.toString());
	}

	private static Cli.Result trace(String... options) throws Exception {
		List<String> args = new ArrayList<>(List.of("trace", "--store", folder.resolve("store").toString(), "--jobs",
				JOBS.toString(), "--reports", folder.resolve("reports").toString()));
		args.addAll(List.of(options));
		return Cli.run(args.toArray(String[]::new));
	}

	private static JsonNode expected(String name) {
		return JSON.readTree(SITE.resolve("expected").resolve(name).toFile());
	}

	private static JsonNode answers(Cli.Result trace) {
		String reports = trace.out()
			.stream()
			.filter((line) -> line.startsWith("Reports ("))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no report folder: " + trace))
			.replaceFirst("^Reports \\([^)]*\\): ", "");
		return JSON.readTree(Path.of(reports, "trace.json").toFile());
	}

	private static String summary(Cli.Result result) {
		return result.out()
			.stream()
			.filter((line) -> line.startsWith("Summary: "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no summary: " + result));
	}

	/**
	 * Every row of the store's reports with this file-name ending, as
	 * {@code file|line|<columns>}.
	 */
	private static List<String> held(String suffix, String... columns) throws IOException {
		List<String> rows = new ArrayList<>();
		try (Stream<Path> files = Files.walk(folder.resolve("store").resolve("rejects"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(suffix)).sorted().toList()) {
				try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					for (CSVRecord r : CSVFormat.RFC4180.builder()
						.setHeader()
						.setSkipHeaderRecord(true)
						.get()
						.parse(in)) {
						StringBuilder row = new StringBuilder(r.get("file")).append('|').append(r.get("line"));
						for (String column : columns) {
							row.append('|').append(r.get(column));
						}
						rows.add(row.toString());
					}
				}
			}
		}
		return rows;
	}

	private static JsonNode find(JsonNode array, String lot) {
		for (JsonNode node : array) {
			if (lot(node).equals(lot)) {
				return node;
			}
		}
		throw new AssertionError("no " + lot + " in " + array);
	}

	private static String shipment(JsonNode s) {
		return s.get("billOfLading").asString() + " " + s.get("date").asString() + " " + s.get("shipTo").asString()
				+ " " + s.get("customer").asString() + " " + code(s) + " " + plain(s.get("quantity").decimalValue())
				+ " " + s.get("unit").asString();
	}

	private static String expectedShipment(JsonNode s) {
		return s.get("bol").asString() + " " + s.get("date").asString() + " " + s.get("shipTo").asString() + " "
				+ s.get("customer").asString() + " " + s.get("lot").asString() + " "
				+ plain(s.get("quantity").decimalValue()) + " " + s.get("unit").asString();
	}

	/** A lot as {@code code/assigner}. */
	private static String lot(JsonNode node) {
		return code(node) + "/" + node.get("assigner").asString();
	}

	/**
	 * The lot code of a lot's label: trace.json adds the assigner in brackets when two
	 * lots reached share the code.
	 */
	private static String code(JsonNode node) {
		String label = node.get("lot").asString();
		int bracket = label.indexOf(" (");
		return (bracket < 0) ? label : label.substring(0, bracket);
	}

	/** The fields of a node joined by {@code |}, numbers written plainly. */
	private static String text(JsonNode node, String... fields) {
		List<String> values = new ArrayList<>();
		for (String field : fields) {
			JsonNode value = node.get(field);
			values.add(value.isNumber() ? plain(value.decimalValue()) : value.asString());
		}
		return String.join("|", values);
	}

	private static List<String> lines(JsonNode array, Function<JsonNode, String> line) {
		List<String> lines = new ArrayList<>();
		array.forEach((node) -> lines.add(line.apply(node)));
		return lines;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
