package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lottrace request} on the sample bakery: a request logged with the time it came,
 * listed with its time left, produced (exit code 6: rows of its scope are held back) and
 * marked sent with the SHA-256 of each file; then what the log refuses.
 */
class RequestCommandFunctionalTests {

	@TempDir
	Path folder;

	@Test
	void logsProducesAndSendsARequestAndListsItWithItsClock() throws Exception {
		// given
		Cli.Result ingested = Cli.run("ingest", "--store", store(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.REJECTS);
		String oneHourAgo = java.time.LocalDateTime.now().minusHours(1).withNano(0).toString();

		// when
		Cli.Result logged = request("log", "--requester", "FDA ORA, Jane Smith", "--product", "PB-CREAMY-35", "--from",
				"2026-10-01", "--to", "2026-10-31", "--received-at", oneHourAgo);
		Cli.Result open = request("list", "--open");
		Cli.Result produced = request("produce", "FDA-" + java.time.Year.now() + "-001", "--reports",
				this.folder.resolve("reports").toString());
		Cli.Result sent = request("sent", "FDA-" + java.time.Year.now() + "-001", "--to",
				"email to jane.smith@fda.hhs.gov", "--file", "fda-sortable-spreadsheet.xlsx");
		Cli.Result stillOpen = request("list", "--open");

		// then
		String id = "FDA-" + java.time.Year.now() + "-001";
		assertThat(logged.exitCode()).as(logged.toString()).isEqualTo(ExitCodes.OK);
		assertThat(logged.out().get(0)).startsWith("Logged " + id + ": its records are due ");
		assertThat(open.out().get(0)).matches(id + "  received  due [-\\d: +]+  2[23]h \\d{2}m left");
		assertThat(open.out()).contains("    scope: products PB-CREAMY-35, 2026-10-01..2026-10-31");
		assertThat(produced.exitCode()).as(produced.toString()).isEqualTo(ExitCodes.INCOMPLETE);
		assertThat(produced.out().get(0)).matches("Produced " + id + ": \\d+ records of products PB-CREAMY-35, .*");
		assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(ExitCodes.OK);
		assertThat(sent.out().get(0)).isEqualTo("Sent " + id + ", in time");
		Path xlsx = Files.list(this.folder.resolve("reports"))
			.findFirst()
			.orElseThrow()
			.resolve("fda-sortable-spreadsheet.xlsx");
		assertThat(sent.out()).last()
			.asString()
			.matches("      [0-9a-f]{64}  fda-sortable-spreadsheet.xlsx \\([\\d,]+ bytes\\)")
			.contains(sha256(xlsx));
		assertThat(stillOpen.out()).containsExactly("No open FDA request.");
		assertThat(Files.readAllLines(this.folder.resolve("store/_requests/requests.jsonl"))).hasSize(3);
	}

	@Test
	void saysWhatIsWrongWithARequestItCannotTake() throws Exception {
		// when
		Cli.Result nothing = request("log", "--requester", "FDA");
		Cli.Result unknown = request("sent", "FDA-1999-001", "--to", "FDA");

		// then
		assertThat(nothing.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(nothing.err())
			.containsExactly("lottrace: give the foods (products) and dates, or the lot codes, FDA asked for");
		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
		assertThat(unknown.err()).containsExactly("lottrace: no FDA request FDA-1999-001");
	}

	private String store() {
		return this.folder.resolve("store").toString();
	}

	private Cli.Result request(String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of("request"));
		command.addAll(List.of(args));
		command.addAll(List.of("--store", store(), "--jobs", Cli.JOBS.toString()));
		return Cli.run(command.toArray(String[]::new));
	}

	private static String sha256(Path file) throws Exception {
		return java.util.HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
	}

}
