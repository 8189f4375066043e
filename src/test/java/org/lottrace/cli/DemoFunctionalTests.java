package org.lottrace.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lottrace demo} run as a user runs it, its {@code trace.json} compared with the
 * answer computed by hand from the exports ({@code sample-data/expected}, explained in
 * {@code sample-data/README.md}).
 */
class DemoFunctionalTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	static Cli.Result demo;

	static JsonNode answers;

	static JsonNode expected;

	@BeforeAll
	static void runTheDemo() throws Exception {
		Path reports = folder.resolve("reports");
		demo = Cli.run("demo", "--store", folder.resolve("store").toString(), "--jobs", Cli.JOBS.toString(),
				"--reports", reports.toString(), "--sample-data", Cli.SAMPLE_DATA.toString());
		assertThat(demo.exitCode()).as(demo.toString()).isEqualTo(ExitCodes.OK);
		try (Stream<Path> runs = Files.list(reports)) {
			List<Path> folders = runs.filter(Files::isDirectory).toList();
			assertThat(folders).as("one report folder").hasSize(1);
			answers = JSON.readTree(folders.get(0).resolve("trace.json").toFile());
		}
		expected = JSON.readTree(Cli.SAMPLE_DATA.resolve("expected/complaint-C261014A.json").toFile());
	}

	@Test
	void answersWhichBatch() {
		// given
		JsonNode batch = expected.get("batch");

		// then
		assertThat(answers.get("subject").asString()).isEqualTo("lot " + expected.get("lot").asString());
		assertThat(answers.get("batches")).singleElement().satisfies((actual) -> {
			assertThat(actual.get("lot").asString()).isEqualTo(expected.get("lot").asString());
			assertThat(actual.get("workOrder").asString()).isEqualTo(batch.get("workOrder").asString());
			assertThat(actual.get("completed").asString()).isEqualTo(batch.get("completed").asString());
			assertThat(actual.get("product").asString()).isEqualTo(batch.get("product").asString());
			assertThat(actual.get("quantity").decimalValue())
				.isEqualByComparingTo(batch.get("quantity").decimalValue());
			assertThat(actual.get("unit").asString()).isEqualTo(batch.get("unit").asString());
		});
	}

	@Test
	void answersTheBatchsInputsWithTheirSuppliersAndTickets() {
		// given: the expected quantities are written as the scales print them (decimal
		// comma)
		List<String> expectedInputs = lines(expected.get("batch").get("inputs"),
				(i) -> i.get("lot").asString() + "/" + i.get("assigner").asString() + " "
						+ plain(new BigDecimal(i.get("quantity").asString().replace(',', '.'))) + " "
						+ i.get("unit").asString() + " " + i.get("ticket").asString());

		// then
		assertThat(lines(answers.get("batches").get(0).get("inputs"),
				(i) -> code(i) + "/" + i.get("assigner").asString() + " " + plain(i.get("quantity").decimalValue())
						+ " " + i.get("unit").asString() + " " + i.get("ticket").asString()))
			.containsExactlyInAnyOrderElementsOf(expectedInputs)
			.hasSize(7);
	}

	@Test
	void answersTheElevenIngredientLotsNearestFirst() {
		// then
		assertThat(lines(answers.get("ingredients"),
				(i) -> i.get("depth").asInt() + " " + code(i) + "/" + i.get("assigner").asString()))
			.containsExactlyElementsOf(lines(expected.get("ingredientLots"),
					(i) -> i.get("depth").asInt() + " " + i.get("lot").asString() + "/" + i.get("assigner").asString()))
			.hasSize(11);
	}

	@Test
	void answersTheBatchsCustomersFirst() {
		// given
		List<String> ofTheBatch = lines(expected.get("customersOfTheBatch"), DemoFunctionalTests::expectedShipment);

		// then
		List<String> customers = lines(answers.get("customers"), DemoFunctionalTests::shipment);
		assertThat(customers.subList(0, ofTheBatch.size())).containsExactlyInAnyOrderElementsOf(ofTheBatch);
		assertThat(lines(answers.get("customers"), (s) -> s.get("ofTheBatch").asBoolean() + " " + code(s)))
			.filteredOn((s) -> s.startsWith("true "))
			.containsOnly("true C261014A")
			.hasSize(ofTheBatch.size());
	}

	@Test
	void answersEveryShipmentOfEveryLotReached() {
		// then: the corrected line of BOL-50059 counted once, with its new quantity
		assertThat(answers.get("lots").asInt()).isEqualTo(expected.get("lotsReached").asInt());
		assertThat(lines(answers.get("customers"), DemoFunctionalTests::shipment))
			.containsExactlyInAnyOrderElementsOf(
					lines(expected.get("shipments"), DemoFunctionalTests::expectedShipment))
			.hasSize(108)
			.contains("BOL-50059 2026-10-22 C200-01 Green Valley Market #12 C261021A 5 case");
	}

	@Test
	void saysTheAnswerIsIncompleteAndListsTheBadRowsInItsScope() {
		// then: the planted bad rows the complaint's trace reaches, found by hand
		assertThat(answers.get("complete").asBoolean()).isFalse();
		assertThat(answers.get("verdict").asString()).startsWith("INCOMPLETE: 3 gap(s)");
		assertThat(lines(answers.get("gaps"),
				(g) -> g.get("kind").asString() + " " + g.get("file").asString() + " " + g.get("line").asLong()))
			.containsExactlyInAnyOrderElementsOf(lines(expected.get("gaps"),
					(g) -> g.get("kind").asString() + " " + g.get("file").asString() + " " + g.get("line").asLong()));
		assertThat(demo.out()).contains("INCOMPLETE: 3 gap(s) in its scope; 3 may hide lots, links or customers.")
			.anySatisfy(
					(line) -> assertThat(line).startsWith("   - pending row, K261020A: a shipping row of lot K261020A")
						.endsWith("(BOL_20261019.txt line 38)"));
		assertThat(demo.exitCode()).isZero();
	}

	@Test
	void printsTheComplaintAndWhereTheReportsAre() {
		// then
		assertThat(demo.out()).contains(
				"Customer complaint: a consumer found a hard plastic fragment in a package of Peanut Butter Sandwich "
						+ "Cookies, lot C261014A, bought at Green Valley Market #12")
			.anyMatch((line) -> line.startsWith("Reports (") && line.contains(folder.resolve("reports").toString()));
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

	/**
	 * The lot code of a lot's label: trace.json adds the assigner in brackets when two
	 * lots reached share the code ({@code L2301 (V120)}).
	 */
	private static String code(JsonNode node) {
		String label = node.get("lot").asString();
		int bracket = label.indexOf(" (");
		return (bracket < 0) ? label : label.substring(0, bracket);
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
