package org.lottrace.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows that wait for other data are held as pending, not rejected, and become records at
 * a later run once that data is there, without a new export: a unit added to
 * {@code units.yml}, a product added to master data. The trace says what it could not see
 * until then, and sees it after.
 */
class PendingRowsFunctionalTests {

	@TempDir
	Path store;

	@TempDir
	Path reports;

	@TempDir
	Path work;

	@Test
	void pendingRowsBecomeRecordsWhenAUnitAndAProductArriveLater() throws Exception {
		// given: the sample data, with its three rows that wait for a unit or a product
		Path jobs = this.work.resolve("jobs");
		FileSystemUtils.copyRecursively(Cli.JOBS, jobs);
		Cli.Result first = ingest(jobs, Cli.SAMPLE_DATA.toString());
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(summary(first)).contains("4 rejected, 1 superseded; 3 pending in the store;");
		Cli.Result incomplete = trace(jobs, "K261020A");
		assertThat(incomplete.exitCode()).as(incomplete.toString()).isEqualTo(ExitCodes.INCOMPLETE);
		assertThat(incomplete.out()).anySatisfy((line) -> assertThat(line).startsWith("INCOMPLETE: "))
			.anySatisfy((line) -> assertThat(line).contains("pending row", "K261020A", "BOL_20261019.txt line 38"));

		// when: the scale's box is added to units.yml, and nothing else
		Path units = jobs.resolve("units.yml");
		Files.writeString(units,
				Files.readString(units)
					.replace("  tank: {dimension: package}",
							"  tank: {dimension: package}\n  box: {dimension: package}")
					.replace("  dr: drum", "  dr: drum\n  bx: box"));
		Cli.Result unitsFixed = ingest(jobs);

		// then: the scale ticket becomes a record, the two others still wait
		assertThat(unitsFixed.exitCode()).as(unitsFixed.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(unitsFixed.out()).contains(
				"  pending   scale-tickets  TICKETS_20261019.csv: 1 of 1 pending rows became records, 0 still wait");
		assertThat(summary(unitsFixed)).contains("; 2 pending in the store (1 more became records);");

		// when: the item master gains the two products the rows named
		Path items = Files.writeString(this.work.resolve("ITEMS_20261101.csv"), String.join("\r\n",
				"Item No,Description,Brand,Commodity,Variety,Pack Size,Pack Style,GTIN,FTL Category,Kill Step,Stock UoM",
				"FLOUR-WW-50,Whole wheat flour,Heartland,Wheat flour,Whole wheat,50 lb,Paper bag,,,N,kg",
				"COOKIE-OAT-12,\"Oatmeal Cookies, 12 ct\",Sunrise,Cookies,Oatmeal,12 x 400 g,Case,00614141999999,,N,"
						+ "case",
				""), StandardCharsets.UTF_8);
		Cli.Result productsAdded = ingest(jobs, items.toString());

		// then: nothing waits any more; the trace of the shipped lot sees the shipment
		// (and
		// says what that reveals: 19 cases shipped of the 18 made; a forward trace does
		// not
		// read the batch's inputs)
		assertThat(productsAdded.exitCode()).as(productsAdded.toString()).isEqualTo(ExitCodes.OK);
		assertThat(productsAdded.out()).contains(
				"  pending   erp-receiving  RCV_20261012.csv: 1 of 1 pending rows became records, 0 still wait",
				"  pending   shipping  BOL_20261019.txt: 1 of 1 pending rows became records, 0 still wait");
		assertThat(summary(productsAdded)).contains("; 0 pending in the store (2 more became records);");
		Cli.Result complete = trace(jobs, "K261020A");
		assertThat(complete.out()).anySatisfy(
				(line) -> assertThat(line).contains("Corner Coffee Co. (C230-01)", "K261020A", "2 case", "BOL-59001"));
		JsonNode answers = JsonMapper.builder().build().readTree(traceJson(complete));
		assertThat(answers.get("gaps")).extracting((gap) -> gap.get("kind").asString())
			.doesNotContain("pending row", "rejected row")
			.contains("mass balance");
	}

	private Cli.Result ingest(Path jobs, String... paths) throws Exception {
		List<String> args = new java.util.ArrayList<>(
				List.of("ingest", "--store", this.store.toString(), "--jobs", jobs.toString()));
		args.addAll(List.of(paths));
		return Cli.run(args.toArray(String[]::new));
	}

	private Cli.Result trace(Path jobs, String lot) throws Exception {
		return Cli.run("trace", "--store", this.store.toString(), "--jobs", jobs.toString(), "--reports",
				this.reports.toString(), "--lot", lot, "--direction", "forward");
	}

	private static String summary(Cli.Result result) {
		return result.out().stream().filter((line) -> line.startsWith("Summary: ")).findFirst().orElseThrow();
	}

	private static String traceJson(Cli.Result result) throws Exception {
		String folder = result.out()
			.stream()
			.filter((line) -> line.startsWith("Reports ("))
			.findFirst()
			.orElseThrow()
			.replaceFirst("^Reports \\([^)]*\\): ", "");
		return Files.readString(Path.of(folder, "trace.json"));
	}

}
