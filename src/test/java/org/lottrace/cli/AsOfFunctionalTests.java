package org.lottrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code trace --as-of} and {@code report --as-of} answer from the store as its Iceberg
 * snapshots held it: a report made after three weeks of exports is made again, file for
 * file, after the fourth week and the shipping correction are ingested, from the snapshot
 * id its manifest names or from a time between the two ingestions.
 */
class AsOfFunctionalTests {

	private static final String[] FIRST_WEEKS = { "erp/ITEMS.csv", "erp/SITES.csv", "erp/VENDORS.csv",
			"shipping/CUSTOMERS.txt", "erp/PROD_20261005.csv", "erp/PROD_20261012.csv", "erp/PROD_20261019.csv",
			"erp/RCV_20261005.csv", "erp/RCV_20261012.csv", "erp/RCV_20261019.csv", "scales/TICKETS_20261005.csv",
			"scales/TICKETS_20261012.csv", "scales/TICKETS_20261019.csv", "shipping/BOL_20261005.txt",
			"shipping/BOL_20261012.txt", "shipping/BOL_20261019.txt" };

	/** A filling lot of the third week, shipped in cookies of the fourth. */
	private static final String LOT = "F261019A";

	/** Lines that carry when a report was made or how long it took, and nothing else. */
	private static final Pattern GENERATION = Pattern.compile("Generated at|\"creationDate\"|\"tracedAt\"|"
			+ "\"elapsedMillis\"|Traced at|Trace took|Page generated|<th>Started</th>|<th>Elapsed</th>|The trace took|computed the trace|, generated ");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path folder;

	static Path store;

	static Path firstTrace;

	static Path firstRecords;

	static Instant betweenIngestions;

	static Path currentTrace;

	@BeforeAll
	static void ingestThreeWeeksReportThenIngestTheRest() throws Exception {
		store = folder.resolve("store");
		Path firstWeeks = folder.resolve("first-weeks");
		for (String file : FIRST_WEEKS) {
			Files.createDirectories(firstWeeks.resolve(file).getParent());
			Files.copy(Cli.SAMPLE_DATA.resolve(file), firstWeeks.resolve(file));
		}
		ingest(firstWeeks);
		firstTrace = reportFolder(run(ExitCodes.OK, "trace", "--lot", LOT));
		firstRecords = reportFolder(
				run(ExitCodes.OK, "report", "--product", "COOKIE-PB-12", "--from", "2026-10-01", "--to", "2026-11-30"));
		betweenIngestions = Instant.now();
		Thread.sleep(20);
		ingest(Cli.SAMPLE_DATA);
		currentTrace = reportFolder(run(ExitCodes.OK, "trace", "--lot", LOT));
	}

	@Test
	void traceAsOfTheSnapshotInItsManifestReproducesTheEarlierReportFileForFile() throws Exception {
		// given: the snapshot the first trace read, and a store that has grown since
		String snapshot = snapshot(firstTrace);
		assertThat(snapshot(currentTrace)).isNotEqualTo(snapshot);
		assertThat(content(currentTrace)).as("the later exports change the trace's answer")
			.isNotEqualTo(content(firstTrace));

		// when
		Cli.Result result = run(ExitCodes.OK, "trace", "--lot", LOT, "--as-of", snapshot);

		// then: the same files, apart from when they were made; the manifest names the
		// same snapshot
		Path again = reportFolder(result);
		assertThat(content(again)).isEqualTo(content(firstTrace));
		assertThat(snapshot(again)).isEqualTo(snapshot);
		assertThat(manifest(again).path("store").path("tableSnapshots"))
			.isEqualTo(manifest(firstTrace).path("store").path("tableSnapshots"));
		assertThat(result.out()).anyMatch((line) -> line.startsWith("As of " + snapshot));
		assertThat(Files.list(store.resolve("_as-of")).toList()).as("the earlier snapshot's index is deleted")
			.isEmpty();
	}

	@Test
	void aTimeBetweenTwoIngestionsReadsTheSnapshotCurrentThen() throws Exception {
		Path again = reportFolder(run(ExitCodes.OK, "trace", "--lot", LOT, "--as-of",
				betweenIngestions.truncatedTo(ChronoUnit.MILLIS).toString()));

		assertThat(snapshot(again)).isEqualTo(snapshot(firstTrace));
		assertThat(content(again)).isEqualTo(content(firstTrace));
	}

	@Test
	void reportAsOfTheSnapshotReproducesTheEarlierFdaRecords() throws Exception {
		Path again = reportFolder(run(ExitCodes.OK, "report", "--product", "COOKIE-PB-12", "--from", "2026-10-01",
				"--to", "2026-11-30", "--as-of", snapshot(firstRecords)));

		assertThat(content(again)).isEqualTo(content(firstRecords));
		assertThat(snapshot(again)).isEqualTo(snapshot(firstRecords));
	}

	@Test
	void aMomentTheStoreCannotShowIsADocumentedError() throws Exception {
		// (an unknown snapshot id and a time in the future: StoreSnapshotTests and the
		// API tests)
		assertThat(run(ExitCodes.NOT_FOUND, "trace", "--lot", LOT, "--as-of", "2020-01-01").err())
			.anyMatch((line) -> line.contains("the store held nothing at") && line.contains("first export"));
		assertThat(run(ExitCodes.USAGE, "report", "--product", "COOKIE-PB-12", "--as-of", "last tuesday").err())
			.anyMatch((line) -> line.contains("give a snapshot id, a day"));
	}

	private static void ingest(Path exports) throws Exception {
		Cli.Result result = Cli.run("ingest", "--store", store.toString(), "--jobs", Cli.JOBS.toString(),
				exports.toString());
		assertThat(result.exitCode()).as(result.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
	}

	private static Cli.Result run(int exitCode, String... args) throws Exception {
		String[] all = Stream
			.concat(Stream.of(args),
					Stream.of("--store", store.toString(), "--reports", folder.resolve("reports").toString()))
			.toArray(String[]::new);
		Cli.Result result = Cli.run(all);
		// a trace's answer may be incomplete (the sample data has pending rows): 6 is OK
		// here
		int code = (result.exitCode() == ExitCodes.INCOMPLETE && exitCode == ExitCodes.OK) ? ExitCodes.OK
				: result.exitCode();
		assertThat(code).as(result.toString()).isEqualTo(exitCode);
		return result;
	}

	private static Path reportFolder(Cli.Result result) {
		String line = result.out()
			.stream()
			.filter((l) -> l.startsWith("Reports ("))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no report folder in\n" + result));
		return Path.of(line.substring(line.indexOf("): ") + 3).trim());
	}

	private static JsonNode manifest(Path report) {
		return JSON.readTree(report.resolve("manifest.json").toFile());
	}

	private static String snapshot(Path report) {
		String snapshot = manifest(report).path("store").path("snapshot").asString();
		assertThat(snapshot).as("the snapshot named in %s", report).matches("[0-9]+");
		return snapshot;
	}

	/**
	 * Every file of a report folder but the manifest and checksums (which list when and
	 * how fast), without the lines that say when the report was made. The XLSX file is
	 * compared through its CSV twins.
	 */
	private static Map<String, List<String>> content(Path report) throws IOException {
		Map<String, List<String>> files = new TreeMap<>();
		try (Stream<Path> walk = Files.walk(report)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				String name = report.relativize(file).toString();
				if (name.equals("manifest.json") || name.equals("SHA256SUMS") || name.endsWith(".xlsx")) {
					continue;
				}
				files.put(name,
						Files.readAllLines(file, StandardCharsets.UTF_8)
							.stream()
							.filter((line) -> !GENERATION.matcher(line).find())
							.toList());
			}
		}
		assertThat(files).containsKeys("csv/fda-request.csv");
		return files;
	}

}
