package org.lottrace.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.lottrace.spark.SparkJob;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the Spark job in this JVM and compares report folders of the two paths: the files
 * that must agree, with the generation time and the build's version left out.
 */
final class SparkOutputs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SparkOutputs() {
	}

	/** What the Spark job printed, and its exit code. */
	record Run(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\nout:\n" + this.out + "\nerr:\n" + this.err;
		}

	}

	static Run spark(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = SparkJob.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** The one report folder under {@code reports}. */
	static Path folder(Path reports) throws IOException {
		try (Stream<Path> folders = Files.list(reports)) {
			List<Path> all = folders.filter(Files::isDirectory).toList();
			assertThat(all).as("report folders in " + reports).hasSize(1);
			return all.get(0);
		}
	}

	/** Every CSV of a report folder, by name, lines as written (times left out). */
	static Map<String, List<String>> csvs(Path folder) throws IOException {
		Map<String, List<String>> csvs = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder.resolve("csv"))) {
			for (Path file : files.toList()) {
				csvs.put(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)
					.stream()
					.filter((line) -> !line.startsWith("Generated at,") && !line.startsWith("lottrace version,"))
					.toList());
			}
		}
		return csvs;
	}

	/** A JSON answer without the fields that say when and how fast. */
	static JsonNode answer(Path file) throws IOException {
		JsonNode node = JSON.readTree(file.toFile());
		if (node instanceof ObjectNode object) {
			object.remove("tracedAt");
			object.remove("elapsedMillis");
			object.remove("selectedAt");
			object.remove("generatedAt");
		}
		return node;
	}

	/** The counts of a folder's manifest (lots, links, records, shipments, gaps). */
	static JsonNode counts(Path folder) throws IOException {
		return JSON.readTree(folder.resolve("manifest.json").toFile()).get("counts");
	}

	/** Asserts that two report folders say the same, file for file. */
	static void assertSameReports(Path embedded, Path spark, String... jsonFiles) throws IOException {
		Map<String, List<String>> expected = csvs(embedded);
		Map<String, List<String>> actual = csvs(spark);
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		expected.forEach((name, lines) -> {
			assertThat(lines).as(name).isNotEmpty();
			assertThat(actual.get(name)).as(name).containsExactlyElementsOf(lines);
		});
		for (String json : jsonFiles) {
			assertThat(answer(spark.resolve(json))).as(json).isEqualTo(answer(embedded.resolve(json)));
		}
		assertThat(counts(spark)).as("manifest counts").isEqualTo(counts(embedded));
	}

}
