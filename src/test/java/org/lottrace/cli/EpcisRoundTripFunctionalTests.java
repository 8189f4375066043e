package org.lottrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A trace exported as EPCIS and imported into an empty store (with the same master data)
 * with the packaged command line: the complaint lot C261014A traced on the sample bakery,
 * its {@code epcis.jsonld} ingested through mappings with {@code format: epcis}
 * (receiving and shipping ObjectEvents, the inputs and outputs of TransformationEvents),
 * and traced again: the same lots, the same links (ingredient lots and what they went
 * into), the same customers. The same document ingested again changes nothing.
 */
class EpcisRoundTripFunctionalTests {

	private static final Path ROUND_TRIP = Path.of("src/test/resources/ingest/epcis/roundtrip").toAbsolutePath();

	private static final List<String> SOURCES = List.of("epcis-lottrace-receiving", "epcis-lottrace-outputs",
			"epcis-lottrace-inputs", "epcis-lottrace-shipping");

	@TempDir
	Path folder;

	@Test
	void importsAnExportedTraceIntoAnEmptyStoreWithTheSameLotsAndLinks() throws Exception {
		// given: the complaint traced on the sample bakery
		Path original = this.folder.resolve("original");
		Cli.Result ingested = Cli.run("ingest", "--store", original.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.REJECTS);
		JsonNode before = trace(original, this.folder.resolve("reports-original"));
		Path epcis = reportFolder(this.folder.resolve("reports-original")).resolve("epcis.jsonld");

		// when: an empty store, the same master data, then the EPCIS document
		Path imported = this.folder.resolve("imported");
		Path jobs = jobs();
		Cli.Result master = Cli.run("ingest", "--store", imported.toString(), "--jobs", jobs.toString(),
				Cli.SAMPLE_DATA.resolve("erp/ITEMS.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/SITES.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/VENDORS.csv").toString(),
				Cli.SAMPLE_DATA.resolve("shipping/CUSTOMERS.txt").toString());
		assertThat(master.exitCode()).as(master.toString()).isEqualTo(ExitCodes.OK);
		for (String source : SOURCES) {
			Cli.Result events = Cli.run("ingest", "--store", imported.toString(), "--jobs", jobs.toString(), "--source",
					source, epcis.toString());
			assertThat(events.exitCode()).as(events.toString()).isEqualTo(ExitCodes.OK);
		}
		Cli.Result again = Cli.run("ingest", "--store", imported.toString(), "--jobs", jobs.toString(), "--source",
				SOURCES.get(0), epcis.toString());
		JsonNode after = trace(imported, this.folder.resolve("reports-imported"));

		// then
		assertThat(String.join("\n", again.out())).contains("0 ingested, 1 already in the store");
		assertThat(after.get("lots").asInt()).isEqualTo(before.get("lots").asInt());
		assertThat(lots(after)).isEqualTo(lots(before)).hasSize(before.get("lots").asInt());
		assertThat(links(after)).isEqualTo(links(before)).isNotEmpty();
		assertThat(customers(after)).isEqualTo(customers(before)).hasSize(108);
	}

	private static JsonNode trace(Path store, Path reports) throws Exception {
		Cli.Result traced = Cli.run("trace", "--lot", "C261014A", "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), "--reports", reports.toString());
		assertThat(traced.exitCode()).as(traced.toString()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
		return JsonMapper.builder().build().readTree(reportFolder(reports).resolve("trace.json").toFile());
	}

	private static Path reportFolder(Path reports) throws IOException {
		try (Stream<Path> folders = Files.list(reports)) {
			return folders.filter(Files::isDirectory).findFirst().orElseThrow();
		}
	}

	/**
	 * The project's master-data mappings and units, and the round trip's EPCIS mappings.
	 */
	private Path jobs() throws IOException {
		Path jobs = Files.createDirectories(this.folder.resolve("jobs"));
		for (String file : List.of("units.yml", "erp-items.yml", "erp-sites.yml", "erp-vendors.yml",
				"shipping-customers.yml")) {
			Files.copy(Cli.JOBS.resolve(file), jobs.resolve(file));
		}
		for (String source : SOURCES) {
			Files.copy(ROUND_TRIP.resolve(source + ".yml"), jobs.resolve(source + ".yml"));
		}
		return jobs;
	}

	/** Every lot reached, as code and assigner. */
	private static Set<String> lots(JsonNode trace) {
		Set<String> lots = new TreeSet<>();
		trace.get("massBalance")
			.forEach((m) -> lots.add(m.get("lot").asString() + " (" + m.get("assigner").asString() + ")"));
		return lots;
	}

	/** Each input lot of the batch, and each ingredient lot with what it went into. */
	private static Set<String> links(JsonNode trace) {
		Set<String> links = new TreeSet<>();
		for (JsonNode batch : trace.get("batches")) {
			batch.get("inputs")
				.forEach((i) -> links.add(i.get("lot").asString() + " (" + i.get("assigner").asString() + ") -> "
						+ batch.get("lot").asString() + ": " + i.get("quantity").asString() + " "
						+ i.get("unit").asString()));
		}
		for (JsonNode ingredient : trace.get("ingredients")) {
			ingredient.get("usedIn")
				.forEach((into) -> links.add(ingredient.get("lot").asString() + " ("
						+ ingredient.get("assigner").asString() + ") -> " + into.asString()));
		}
		return links;
	}

	private static Set<String> customers(JsonNode trace) {
		Set<String> customers = new TreeSet<>();
		trace.get("customers")
			.forEach((c) -> customers.add(c.get("date").asString() + " " + c.get("lot").asString() + " "
					+ c.get("quantity").asString() + " " + c.get("unit").asString() + " " + c.get("shipTo").asString()
					+ " " + c.get("billOfLading").asString()));
		return customers;
	}

}
