package org.lottrace.serve;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API answers to requests crafted to break it: every one a 4xx problem detail
 * that says what is wrong, never a 500, a stack trace or a database's message; and report
 * folders that serve nothing but their own regular files.
 */
class HostileInputIntegrationTests extends SampleDataServer {

	@Test
	void refusesValuesNoLotOrDateCanHaveWith400() {
		// when
		List<ResponseEntity<JsonNode>> responses = List.of(
				this.api.postRaw("/api/traces", "{\"lot\": \"C26\\u0000; DROP TABLE lot\"}"),
				this.api.postRaw("/api/traces", "{\"lot\": \"C2610\\n14A\"}"),
				this.api.post("/api/traces", Map.of("lot", "L".repeat(101))),
				this.api.post("/api/traces", Map.of("product", "COOKIE-PB-12", "from", "+99999-01-01")),
				this.api.post("/api/traces", Map.of("product", "COOKIE-PB-12", "to", "-0001-01-01")),
				this.api.post("/api/traces",
						Map.of("product", "COOKIE-PB-12", "from", "2026-10-31", "to", "2026-10-01")),
				this.api.post("/api/reports", Map.of("products", List.of("COOKIE-PB-12"), "from", "+99999-01-01")),
				this.api.post("/api/reports", Map.of("lots", List.of("C261014A\u0000"))),
				this.api.post("/api/traces", Map.of("lot", "C261014A", "reason", "x\u0000")),
				this.api.post("/api/traces", Map.of("lot", "C261014A", "form", "2026-10-01")),
				this.api.postRaw("/api/traces", "[1, 2"), this.api.postRaw("/api/traces", ""),
				this.api.post("/api/traces?wait=-1", Map.of("lot", "C261014A")),
				this.api.post("/api/traces?wait=99999999", Map.of("lot", "C261014A")),
				this.api.post("/api/traces?wait=soon", Map.of("lot", "C261014A")), this.api.get("/api/ingestions/abc"),
				this.api.get("/api/ingestions?limit=x"));

		// then
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody().get("detail").asString()).isNotBlank()
				.doesNotContainIgnoringCase("exception")
				.doesNotContain("SQL", "\tat ");
		});
		assertThat(responses).extracting((response) -> response.getBody().get("detail").asString())
			.contains("lot: control characters (such as NUL or a line break) are not allowed",
					"lot: at most 100 characters", "from: '+99999-01-01' is not a date; use yyyy-MM-dd",
					"from: 2026-10-31 is after to: 2026-10-01", "wait: give milliseconds from 0 to 30000")
			.anySatisfy((detail) -> assertThat(detail).startsWith("unknown field 'form'; the fields are"));
	}

	@Test
	void refusesABodyLargerThanTheLimitWith413() throws Exception {
		// given
		String huge = "{\"lot\": \"C261014A\", \"reason\": \"" + "x".repeat(200_000) + "\"}";

		// when
		ResponseEntity<JsonNode> declared = this.api.postRaw("/api/traces", huge);
		HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/api/traces"))
				.header("Content-Type", "application/json")
				.header("Authorization", "Basic YWRtaW46YWRtaW4tc2VjcmV0")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
						() -> new java.io.ByteArrayInputStream(huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
				.build(), HttpResponse.BodyHandlers.ofString());

		// then
		assertThat(declared.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
		assertThat(declared.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(declared.getBody().get("detail").asString()).contains("larger than the 65536 bytes");
		assertThat(chunked.statusCode()).isEqualTo(413);
	}

	@Test
	void answersNotFoundForUnknownRequestsAndPaths() {
		// when
		List<ResponseEntity<JsonNode>> responses = List.of(this.api.get("/api/traces/{id}", "no-such-request"),
				this.api.get("/api/traces/no-such-id/files/trace.json"), this.api.get("/api/no-such-endpoint"),
				this.api.get("/api/ingestions/9999999"));

		// then
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		});
	}

	@Test
	void servesOnlyRegularFilesOfTheReportFolderNeverALinkOrAPathOutOfIt() throws Exception {
		// given: a finished trace, a link to /etc/passwd planted in its folder, and a
		// listed file replaced by one
		JsonNode trace = this.api.post("/api/traces?wait=30000", Map.of("lot", "C261014A")).getBody();
		String id = trace.get("id").asString();
		Path folder = FOLDERS.reports().resolve(trace.get("folder").asString());
		Files.createSymbolicLink(folder.resolve("x"), Path.of("/etc/passwd"));
		Files.delete(folder.resolve("trace.json"));
		Files.createSymbolicLink(folder.resolve("trace.json"), Path.of("/etc/passwd"));

		// when
		List<ResponseEntity<byte[]>> responses = List.of(this.api.download("/api/traces/" + id + "/files/x"),
				this.api.download("/api/traces/" + id + "/files/trace.json"),
				this.api.download("/api/traces/" + id + "/files/csv/../../../../etc/passwd"),
				this.api.download("/api/traces/" + id + "/files/%2e%2e/%2e%2e/etc/passwd"));
		ResponseEntity<byte[]> summary = this.api.download("/api/traces/" + id + "/files/trace-summary.html");

		// then
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.getStatusCode().value()).isIn(400, 404);
			assertThat(new String(response.getBody(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("root:");
		});
		assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

}
