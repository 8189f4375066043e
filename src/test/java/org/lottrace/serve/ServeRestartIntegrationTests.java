package org.lottrace.serve;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lottrace.LottraceApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A trace run by one process of the service is still there after a restart: the job
 * repository (an H2 file, as in production) and the report folder keep it, and the API
 * answers for it as it did before.
 */
class ServeRestartIntegrationTests {

	private static final ServeFolders FOLDERS = ServeFolders.create("restart");

	@Test
	void aRestartedServiceStillAnswersForAnEarlierTrace() {
		// given: a trace run by the first process
		String id;
		JsonNode before;
		try (ConfigurableApplicationContext first = start()) {
			Api api = new Api(port(first));
			var response = api.post("/api/traces?wait=30000", Map.of("lot", "C261014A"));
			assertThat(response.getStatusCode().is2xxSuccessful()).as("%s", response).isTrue();
			id = response.getBody().get("id").asString();
			before = api.finished(id);
			assertThat(before.get("state").asString()).isEqualTo("done");
		}

		// when: the service starts again
		try (ConfigurableApplicationContext second = start()) {
			Api api = new Api(port(second));
			JsonNode after = api.get("/api/traces/{id}", id).getBody();

			// then: the same state, answers and files, and the files still download
			assertThat(after.get("state").asString()).isEqualTo("done");
			assertThat(after.get("folder")).isEqualTo(before.get("folder"));
			assertThat(after.get("answers")).isEqualTo(before.get("answers"));
			assertThat(after.get("files")).isEqualTo(before.get("files"));
			assertThat(api.download("/api/traces/" + id + "/files/trace.json").getStatusCode().is2xxSuccessful())
				.isTrue();
			assertThat(api.get("/api/traces").getBody())
				.anySatisfy((run) -> assertThat(run.get("id").asString()).isEqualTo(id));
			assertThat(api.get("/api/traces/{id}", "no-such-run").getStatusCode().value()).isEqualTo(404);
		}
	}

	private static ConfigurableApplicationContext start() {
		FOLDERS.laySettled(ServeFolders.sampleExports());
		ConfigurableApplicationContext context = new SpringApplicationBuilder(LottraceApplication.class)
			.web(WebApplicationType.SERVLET)
			.profiles("test", "serve")
			// arguments, not default properties: they must win over the profiles'
			// settings
			.run("--server.port=0", "--spring.datasource.url=jdbc:h2:file:" + FOLDERS.store().resolve("_batch/jobs"),
					"--lottrace.store.root=" + FOLDERS.store(), "--lottrace.reports.root=" + FOLDERS.reports(),
					"--lottrace.ingest.jobs=" + FOLDERS.jobs(), "--lottrace.serve.inbox=" + FOLDERS.inbox(),
					"--lottrace.serve.schedule=0 0 2 * * *", "--lottrace.serve.settle=" + Duration.ofSeconds(1),
					"--lottrace.serve.scan-on-start=true");
		InboxIngestion ingestion = context.getBean(InboxIngestion.class);
		InboxRun run = await().atMost(Duration.ofMinutes(3)).until(ingestion::last, (last) -> last != null);
		assertThat(run.succeeded()).as("the start-up ingestion: %s", run).isTrue();
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

}
