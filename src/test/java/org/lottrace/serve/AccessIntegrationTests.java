package org.lottrace.serve;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who gets in, as an attacker on the network would try: no credentials, wrong ones, a
 * reader asking for an operator's action, a form on another site posting to the API with
 * the victim's session or remembered Basic credentials; and what a script and the page
 * may do.
 */
class AccessIntegrationTests extends SampleDataServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void answersEveryApiRequestWithoutAUserWith401AndABasicChallenge() {
		// given
		Api nobody = new Api(this.port, null);
		Api impostor = new Api(this.port, "nobody");

		// when
		List<ResponseEntity<JsonNode>> responses = List.of(nobody.get("/api/products"),
				nobody.post("/api/traces", Map.of("lot", "C261014A")), nobody.post("/api/ingestions/inbox"),
				nobody.get("/api/ingestions"), nobody.get("/v3/api-docs"), nobody.get("/actuator/metrics"),
				impostor.get("/api/products"));

		// then
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
			assertThat(response.getBody().get("status").asInt()).isEqualTo(401);
			assertThat(response.getBody().get("detail").asString()).startsWith("sign in");
		});
	}

	@Test
	void sendsThePageToTheLoginFormAndServesTheLoginFormToAnyone() throws Exception {
		// when
		HttpResponse<String> page = new PageSession(this.port).send("GET", "/", Map.of(), null);
		HttpResponse<String> login = new PageSession(this.port).send("GET", "/login", Map.of(), null);

		// then
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying((l) -> assertThat(l).endsWith("/login"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.body()).contains("name=\"_csrf\"").doesNotContain("https://");
	}

	@Test
	void letsAReaderTraceButNotStartAnIngestion() {
		// given
		Api reader = new Api(this.port, "reader");

		// when
		ResponseEntity<JsonNode> ingestion = reader.post("/api/ingestions/inbox");
		ResponseEntity<JsonNode> metrics = reader.get("/actuator/metrics");
		ResponseEntity<JsonNode> trace = reader.post("/api/traces?wait=30000", Map.of("lot", "C261014A"));
		ResponseEntity<JsonNode> me = reader.get("/api/me");

		// then
		assertThat(List.of(ingestion, metrics)).allSatisfy((response) -> {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody().get("detail").asString()).startsWith("user 'reader' may not do this");
		});
		assertThat(trace.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(me.getBody().get("roles").valueStream().map(JsonNode::asString)).containsExactly("READER");
		assertThat(
				new Api(this.port, "admin").get("/api/me").getBody().get("roles").valueStream().map(JsonNode::asString))
			.containsExactly("ADMIN", "OPERATOR", "READER");
	}

	@Test
	void refusesACrossOriginFormPostWithTheVictimsSessionOrRememberedCredentials() throws Exception {
		// given: an operator signed in to the page, and one whose browser remembers Basic
		// credentials
		PageSession victim = new PageSession(this.port).login("operator", "operator-secret");
		Map<String, String> form = Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin",
				"http://attacker.example");

		// when: a form on another site posts to the inbox run
		HttpResponse<String> withSession = victim.send("POST", "/api/ingestions/inbox", form, "run=1");
		HttpResponse<String> withBasic = new PageSession(this.port).send("POST", "/api/ingestions/inbox",
				Map.of("Content-Type", "text/plain", "Origin", "http://attacker.example", "Authorization",
						basic("operator", "operator-secret")),
				"{}");

		// then
		assertThat(List.of(withSession, withBasic)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValue(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			assertThat(JSON.readTree(response.body()).get("detail").asString()).contains("CSRF token");
		});
	}

	@Test
	void letsThePageActWithItsCsrfTokenAndAScriptWithBasicCredentialsAndJson() throws Exception {
		// given
		PageSession page = new PageSession(this.port).login("reader", "reader-secret");
		page.send("GET", "/api/me", Map.of(), null);
		String trace = "{\"lot\": \"C261014A\"}";

		// when
		HttpResponse<String> fromThePage = page.send("POST", "/api/traces?wait=30000", Map.of("Content-Type",
				"application/json", "X-XSRF-TOKEN", page.cookie("XSRF-TOKEN"), "X-Requested-With", "XMLHttpRequest"),
				trace);
		HttpResponse<String> fromThePageWithoutToken = page.send("POST", "/api/traces",
				Map.of("Content-Type", "application/json"), trace);
		ResponseEntity<JsonNode> fromAScript = new Api(this.port, "reader").postRaw("/api/traces?wait=30000", trace);
		ResponseEntity<JsonNode> scriptWithoutJson = new Api(this.port, "reader").client()
			.post()
			.uri("/api/traces")
			.contentType(MediaType.TEXT_PLAIN)
			.body(trace)
			.retrieve()
			.toEntity(JsonNode.class);

		// then
		assertThat(fromThePage.statusCode()).as(fromThePage.body()).isEqualTo(201);
		assertThat(fromAScript.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(List.of(fromThePageWithoutToken.statusCode(), scriptWithoutJson.getStatusCode().value()))
			.containsOnly(403);
	}

	@Test
	void showsHealthDetailsOnlyToSignedInUsers() {
		// when
		ResponseEntity<JsonNode> anonymous = new Api(this.port, null).get("/actuator/health");
		ResponseEntity<JsonNode> reader = new Api(this.port, "reader").get("/actuator/health");

		// then
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(anonymous.getBody().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.getBody().propertyNames()).doesNotContain("components", "details");
		assertThat(reader.getBody().at("/components/ingestionHealth/details/trigger").isMissingNode()).isFalse();
	}

	private static String basic(String user, String password) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
