package org.lottrace.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduled inbox ingestion of the service, on a schedule of every second with a
 * settle time of two: exports dropped in {@code inbox/<source>/} are taken at the next
 * run once they stop changing, archived or set aside with their error, listed by the API,
 * counted in the metrics and reflected in the health. The inbox holds the sample bakery's
 * master data at start-up. Only the start-up run and the schedule ingest here (nothing
 * asks for a run), so whatever is taken after start-up was taken by the schedule.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "serve" })
// closed after these tests, so that its every-second schedule stops with them
@DirtiesContext
class InboxSchedulerIntegrationTests {

	// long enough that a test thread starved on a loaded machine still writes within it
	private static final Duration SETTLE = Duration.ofSeconds(4);

	static final ServeFolders FOLDERS = ServeFolders.create("scheduler");

	@DynamicPropertySource
	static void serveEverySecond(DynamicPropertyRegistry registry) {
		FOLDERS.register(registry, "* * * * * *", SETTLE);
		FOLDERS.laySettled(List.of(ServeFolders.SAMPLE_DATA.resolve("erp/ITEMS.csv"),
				ServeFolders.SAMPLE_DATA.resolve("erp/SITES.csv"), ServeFolders.SAMPLE_DATA.resolve("erp/VENDORS.csv"),
				ServeFolders.SAMPLE_DATA.resolve("shipping/CUSTOMERS.txt")));
	}

	@LocalServerPort
	int port;

	Api api;

	@BeforeEach
	void waitForTheMasterData() {
		this.api = new Api(this.port);
		List<String> masterData = List.of("ITEMS.csv", "SITES.csv", "VENDORS.csv", "CUSTOMERS.txt");
		await().atMost(Duration.ofMinutes(2))
			.until(() -> ingestions().stream()
				.filter((r) -> masterData.contains(r.get("file").asString()))
				.filter((r) -> r.get("status").asString().equals("COMPLETED"))
				.count() == masterData.size());
	}

	@Test
	void ingestsAnExportDroppedInTheInboxAtTheNextScheduledRun() throws IOException {
		// given
		double written = this.api.metric("lottrace.ingest.rows", "COUNT", "source:erp-receiving", "outcome:written");
		double rejected = this.api.metric("lottrace.ingest.rows", "COUNT", "source:erp-receiving", "outcome:rejected");
		Path dropped = drop("erp-receiving", ServeFolders.SAMPLE_DATA.resolve("erp/RCV_20261012.csv"));

		// when
		Path archived = FOLDERS.archive()
			.resolve("erp-receiving")
			.resolve(LocalDate.now().toString())
			.resolve(dropped.getFileName());
		await().atMost(SETTLE.plusSeconds(30)).until(() -> Files.exists(archived));

		// then
		assertThat(dropped).doesNotExist();
		assertThat(archived).hasSameBinaryContentAs(ServeFolders.SAMPLE_DATA.resolve("erp/RCV_20261012.csv"));
		JsonNode run = ingestion("RCV_20261012.csv");
		assertThat(run.get("source").asString()).isEqualTo("erp-receiving");
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(List.of(run.get("read").asInt(), run.get("written").asInt(), run.get("rejected").asInt(),
				run.get("pending").asInt()))
			.containsExactly(9, 7, 1, 1);
		String rejects = new String(
				this.api.download("/api/ingestions/" + run.get("id").asLong() + "/rejects").getBody(),
				StandardCharsets.UTF_8);
		assertThat(rejects.lines()).hasSize(2).anySatisfy((line) -> assertThat(line).contains("lot_code", "missing"));
		assertThat(
				this.api.metric("lottrace.ingest.rows", "COUNT", "source:erp-receiving", "outcome:written") - written)
			.isEqualTo(7);
		assertThat(
				this.api.metric("lottrace.ingest.rows", "COUNT", "source:erp-receiving", "outcome:rejected") - rejected)
			.isEqualTo(1);
		assertThat(this.api.metric("lottrace.ingest.files", "COUNT", "source:erp-receiving", "status:INGESTED"))
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void setsAsideAnExportItCannotIngestWithItsError() throws IOException {
		// given: a receiving export whose header lacks a mapped column
		double failedRuns = this.api.metric("lottrace.ingest.runs", "COUNT", "result:failed");
		Path dropped = Files.writeString(FOLDERS.sourceFolder("erp-receiving").resolve("RCV_20261101.csv"),
				"Receipt No,Line,Rcv Date,Vendor No,Item No,Supplier Lot,Rcv Lot,Qty,UoM,PO No,Site\r\n"
						+ "RC-6001,1,11/1/2026,V100,FLOUR-AP-50,HM-2611-001,R10301,30,BAG,PO-88301,BAKERY-01\r\n");

		// when
		Path failed = FOLDERS.failed().resolve("erp-receiving").resolve("RCV_20261101.csv");
		Path error = failed.resolveSibling("RCV_20261101.csv.error.txt");
		await().atMost(SETTLE.plusSeconds(30)).until(() -> Files.exists(error));

		// then
		assertThat(dropped).doesNotExist();
		assertThat(failed).exists();
		assertThat(error).content()
			.startsWith("RCV_20261101.csv: the header has no column 'Vendor Lot' that erp-receiving.yml maps");
		JsonNode run = ingestion("RCV_20261101.csv");
		assertThat(run.get("status").asString()).isEqualTo("FAILED");
		assertThat(run.get("error").asString()).contains("the header has no column 'Vendor Lot'");
		assertThat(this.api.metric("lottrace.ingest.files", "COUNT", "source:erp-receiving", "status:FAILED")).isOne();
		assertThat(this.api.metric("lottrace.ingest.runs", "COUNT", "result:failed") - failedRuns).isOne();
	}

	@Test
	void reportsDownWhileTheScheduledRunsFailAndUpOnceTheyWorkAgain() throws IOException {
		// given: a mapping that cannot be read, so that every run fails as a whole
		Path broken = Files.writeString(FOLDERS.jobs().resolve("zz-broken.yml"), "source: broken\nkind: nonsense\n");
		try {
			// when
			ResponseEntity<JsonNode> down = await().atMost(Duration.ofSeconds(30))
				.until(() -> this.api.get("/actuator/health"),
						(h) -> h.getBody().get("status").asString().equals("DOWN"));

			// then
			assertThat(down.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			JsonNode details = down.getBody().at("/components/ingestionHealth");
			assertThat(details.get("status").asString()).isEqualTo("DOWN");
			assertThat(details.at("/details/trigger").asString()).isEqualTo("schedule");
			assertThat(details.at("/details/error").asString()).contains("zz-broken.yml");
			JsonNode inbox = this.api.get("/api/ingestions/inbox").getBody();
			assertThat(inbox.get("succeeded").asBoolean()).isFalse();
			assertThat(inbox.get("error").asString()).contains("zz-broken.yml");
			assertThat(this.api.metric("lottrace.ingest.runs", "COUNT", "result:failed")).isPositive();
		}
		finally {
			Files.delete(broken);
		}

		// when: the mapping is removed
		ResponseEntity<JsonNode> up = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.api.get("/actuator/health"), (h) -> h.getBody().get("status").asString().equals("UP"));

		// then
		assertThat(up.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(up.getBody().at("/components/ingestionHealth/details/error").isMissingNode()).isTrue();
	}

	@Test
	void leavesAnExportThatIsStillBeingWrittenForALaterRun() throws Exception {
		// given: an export written a line every 400 ms, for longer than the settle time
		List<String> lines = Files.readAllLines(ServeFolders.SAMPLE_DATA.resolve("erp/RCV_20261019.csv"));
		Path file = FOLDERS.sourceFolder("erp-receiving").resolve("RCV_20261019.csv");
		List<Boolean> seenWaiting = new ArrayList<>();

		// when
		for (String line : lines) {
			Files.writeString(file, line + "\r\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			Thread.sleep(400);

			// then: it stays in the inbox, and runs note it as waiting
			assertThat(file).exists();
			JsonNode last = this.api.get("/api/ingestions/inbox").getBody();
			seenWaiting.add(last.get("waiting").valueStream().anyMatch((w) -> w.asString().equals(file.toString())));
		}
		assertThat(seenWaiting).contains(true);
		assertThat(ingestions()).noneMatch((r) -> r.get("file").asString().equals("RCV_20261019.csv"));

		// when: the export is complete
		await().atMost(SETTLE.plusSeconds(30)).until(() -> Files.notExists(file));

		// then: it was ingested whole
		JsonNode run = ingestion("RCV_20261019.csv");
		assertThat(run.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(run.get("read").asInt()).isEqualTo(lines.size() - 1).isEqualTo(7);
		assertThat(run.get("written").asInt()).isEqualTo(7);
	}

	/** Copies an export into the source's inbox folder, as the ERP drops it. */
	private static Path drop(String source, Path export) throws IOException {
		return Files.copy(export, FOLDERS.sourceFolder(source).resolve(export.getFileName()));
	}

	private List<JsonNode> ingestions() {
		return this.api.get("/api/ingestions?limit=100").getBody().valueStream().toList();
	}

	private JsonNode ingestion(String file) {
		return ingestions().stream()
			.filter((r) -> r.get("file").asString().equals(file))
			.reduce((newer, older) -> newer)
			.orElseThrow(() -> new AssertionError("no ingestion of " + file + " in " + ingestions()));
	}

}
