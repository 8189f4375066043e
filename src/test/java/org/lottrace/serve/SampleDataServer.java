package org.lottrace.serve;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service as {@code lottrace serve} runs it, on the sample bakery's exports: they lie
 * in its inbox before it starts, and the start-up ingestion run takes them. Every class
 * extending this one shares the one server (one application context).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "serve" })
abstract class SampleDataServer {

	static final ServeFolders FOLDERS = ServeFolders.create("sample-data-server");

	@DynamicPropertySource
	static void serveOnTheSampleData(DynamicPropertyRegistry registry) {
		FOLDERS.register(registry, "0 0 2 * * *", Duration.ofSeconds(1));
		FOLDERS.laySettled(ServeFolders.sampleExports());
	}

	@LocalServerPort
	int port;

	@Autowired
	InboxIngestion ingestion;

	Api api;

	@BeforeEach
	void waitForTheStartUpIngestion() {
		this.api = new Api(this.port);
		InboxRun run = await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(200))
			.until(this.ingestion::last, (last) -> last != null);
		assertThat(run.trigger()).isEqualTo("start");
		assertThat(run.succeeded()).as("the start-up ingestion: %s", run).isTrue();
	}

}
