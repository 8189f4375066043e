package org.lottrace.serve;

import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/**
 * The service's HTTP API as a client sees it: real requests to the running server, every
 * status returned (never thrown), JSON bodies as trees.
 */
final class Api {

	private final RestClient client;

	/** As the administrator of the tests' users ({@code application-test.yml}). */
	Api(int port) {
		this(port, "admin");
	}

	/**
	 * As one of the tests' users (reader, operator or admin; the password is the name
	 * followed by {@code -secret}), with HTTP Basic as a script signs in, or as nobody
	 * when {@code user} is null.
	 */
	Api(int port, @org.jspecify.annotations.Nullable String user) {
		RestClient.Builder builder = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			});
		if (user != null) {
			builder.defaultHeaders((headers) -> headers.setBasicAuth(user, user + "-secret"));
		}
		this.client = builder.build();
	}

	/** Through a client set up otherwise (another way of signing in). */
	Api(RestClient client) {
		this.client = client;
	}

	RestClient client() {
		return this.client;
	}

	ResponseEntity<JsonNode> get(String uri, Object... variables) {
		return this.client.get().uri(uri, variables).retrieve().toEntity(JsonNode.class);
	}

	ResponseEntity<JsonNode> post(String uri, Object body) {
		return this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/**
	 * A POST without a body, as a script sends it: declared JSON (see the README,
	 * "Security").
	 */
	ResponseEntity<JsonNode> post(String uri) {
		return this.client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).retrieve().toEntity(JsonNode.class);
	}

	/** A JSON body sent as it is (to send what a client might get wrong). */
	ResponseEntity<JsonNode> postRaw(String uri, String json) {
		return this.client.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	ResponseEntity<byte[]> download(String uri) {
		return this.client.get().uri(uri).retrieve().toEntity(byte[].class);
	}

	/** Follows a trace or records request until it is no longer running. */
	JsonNode finished(String id) {
		return await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> get("/api/traces/{id}", id).getBody(),
					(view) -> !"running".equals(view.get("state").asString()));
	}

	/** A meter's statistic ({@code COUNT}, {@code TOTAL}...) from the actuator. */
	double metric(String name, String statistic, String... tags) {
		StringBuilder uri = new StringBuilder("/actuator/metrics/").append(name);
		for (int i = 0; i < tags.length; i++) {
			uri.append((i == 0) ? '?' : '&').append("tag=").append(tags[i]);
		}
		ResponseEntity<JsonNode> response = get(uri.toString());
		if (response.getStatusCode().value() == 404) {
			return 0;
		}
		for (JsonNode measurement : response.getBody().get("measurements")) {
			if (measurement.get("statistic").asString().equals(statistic)) {
				return measurement.get("value").asDouble();
			}
		}
		throw new AssertionError("no " + statistic + " in " + response.getBody());
	}

}
