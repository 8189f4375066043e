package org.lottrace.serve;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lottrace.serve.TraceLanes.Lane;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests held to their budgets, on the sample bakery with small ones: a trace may start
 * from 3 lots and reach 5, take 20 s; bulk work (product traces, records requests) has
 * one thread and one queue place. Bulk work that holds its lane (a stand-in that waits on
 * a latch, as a long product trace would) never holds up a lot trace; bulk work beyond
 * the queue is turned away; bulk work whose time runs out while it waits is stopped and
 * never runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "lottrace.serve.limits.max-start-lots=3", "lottrace.serve.limits.max-lots=5",
				"lottrace.serve.limits.trace-time=20s", "lottrace.serve.lanes.bulk.threads=1",
				"lottrace.serve.lanes.bulk.queue=1" })
@ActiveProfiles({ "test", "serve" })
@DirtiesContext
class BudgetIntegrationTests {

	static final ServeFolders FOLDERS = ServeFolders.create("budgets");

	@DynamicPropertySource
	static void serveOnTheSampleData(DynamicPropertyRegistry registry) {
		FOLDERS.register(registry, "0 0 2 * * *", Duration.ofSeconds(1));
		FOLDERS.laySettled(ServeFolders.sampleExports());
	}

	@LocalServerPort
	int port;

	@Autowired
	InboxIngestion ingestion;

	@Autowired
	TraceLanes lanes;

	Api api;

	@BeforeEach
	void waitForTheStartUpIngestion() {
		this.api = new Api(this.port, "reader");
		InboxRun run = await().atMost(Duration.ofMinutes(3)).until(this.ingestion::last, (last) -> last != null);
		assertThat(run.succeeded()).as("the start-up ingestion: %s", run).isTrue();
	}

	@Test
	void refusesAProductTraceOverMoreLotsThanATraceMayStartFrom() {
		// when
		ResponseEntity<JsonNode> response = this.api.post("/api/traces", Map.of("product", "COOKIE-PB-12"));

		// then
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody().get("detail").asString()).startsWith("product COOKIE-PB-12 ..:")
			.contains("lots of this product have records in these dates", "max-start-lots", "shorter date range");
	}

	@Test
	void stopsATraceThatReachesMoreLotsThanItsBudgetBeforeWritingItsReports() throws Exception {
		// when
		ResponseEntity<JsonNode> response = this.api.post("/api/traces?wait=30000", Map.of("lot", "C261014A"));

		// then
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(response.getBody().get("detail").asString()).startsWith("lot C261014A reaches").contains("max-lots");
		try (Stream<java.nio.file.Path> folders = Files.list(FOLDERS.reports())) {
			assertThat(folders.map((f) -> f.getFileName().toString())).noneMatch((f) -> f.contains("c261014a"));
		}
	}

	@Test
	void answersLotTracesWhileBulkWorkHoldsItsLaneAndStopsBulkWorkPastItsTime() throws Exception {
		// given: bulk work that holds the bulk lane's only thread
		CountDownLatch release = new CountDownLatch(1);
		this.lanes.execute(Lane.BULK, () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		try {
			// when: a product trace waits in the queue, more bulk work comes, and a lot
			// trace
			ResponseEntity<JsonNode> queued = this.api.post("/api/traces",
					Map.of("product", "COOKIE-PB-12", "from", "2026-10-14", "to", "2026-10-14"));
			ResponseEntity<JsonNode> turnedAway = this.api.post("/api/reports",
					Map.of("products", List.of("COOKIE-PB-12")));
			ResponseEntity<JsonNode> lot = this.api.post("/api/traces?wait=30000",
					Map.of("lot", "NB-0930", "direction", "backward"));
			String queuedId = queued.getBody().get("id").asString();
			JsonNode stillQueued = this.api.get("/api/traces/{id}", queuedId).getBody();

			// then: the lot trace is answered while the product trace still waits
			assertThat(queued.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			assertThat(turnedAway.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
			assertThat(turnedAway.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
			assertThat(turnedAway.getBody().get("detail").asString()).contains("1 running and 1 waiting");
			assertThat(lot.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			assertThat(lot.getBody().get("state").asString()).isEqualTo("done");
			assertThat(stillQueued.get("state").asString()).isEqualTo("running");

			// when: the product trace's time runs out while it waits
			JsonNode expired = this.api.finished(queuedId);

			// then
			assertThat(expired.get("state").asString()).isEqualTo("failed");
			assertThat(expired.get("error").asString()).startsWith("this trace took longer than its 20 s");
			assertThat(Instant.parse(lot.getBody().get("finished").asString()))
				.isBefore(Instant.parse(expired.get("finished").asString()));
		}
		finally {
			release.countDown();
		}

		// then: the stopped trace never runs; the lane takes work again
		await().atMost(Duration.ofSeconds(30)).until(() -> this.lanes.pending(Lane.BULK) == 0);
		try (Stream<java.nio.file.Path> folders = Files.list(FOLDERS.reports())) {
			assertThat(folders.map((f) -> f.getFileName().toString())).noneMatch((f) -> f.contains("cookie-pb-12"));
		}
		assertThat(this.api.post("/api/reports?wait=30000", Map.of("lots", List.of("NB-0930"))).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
	}

}
