package org.lottrace.serve;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's compliance API on the sample bakery: the traceability plan, FDA records
 * requests on their 24-hour clock (logged, produced, sent), and KDE completeness, with
 * the roles each needs.
 */
class ComplianceApiIntegrationTests extends SampleDataServer {

	@Test
	void writesTheTraceabilityPlanAndServesItAsAPage() {
		// when
		ResponseEntity<byte[]> plan = this.api.download("/api/plan");
		ResponseEntity<JsonNode> versions = this.api.get("/api/plan/versions");

		// then
		assertThat(plan.getStatusCode().value()).isEqualTo(200);
		assertThat(plan.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(plan.getHeaders().getFirst("Content-Security-Policy"))
			.isEqualTo("default-src 'none'; " + "style-src 'unsafe-inline'");
		assertThat(new String(plan.getBody(), java.nio.charset.StandardCharsets.UTF_8))
			.contains("<h1>Food traceability plan: Sunrise Bakery</h1>", "<td>PB-CREAMY-35</td>",
					"<h3>erp-receiving: ERP receiving export")
			.contains(FOLDERS.store().toString());
		JsonNode view = versions.getBody();
		assertThat(view.get("written").asBoolean()).as("the same content: no new version").isFalse();
		assertThat(view.get("current").get("name").asString()).matches("traceability-plan-\\d{4}-\\d{2}-\\d{2}");
		assertThat(view.get("warnings").get(0).asString()).startsWith("no point of contact is set");
		assertThat(view.get("versions")).hasSize(1);
		String url = view.get("current").get("url").asString();
		assertThat(this.api.download(url).getStatusCode().value()).isEqualTo(200);
		assertThat(this.api.get("/api/plan/versions/traceability-plan-1999-01-01").getStatusCode().value())
			.isEqualTo(404);
	}

	@Test
	void logsProducesAndSendsAnFdaRequestWithinItsClock() throws Exception {
		// given
		Api operator = new Api(this.port, "operator");
		Instant phoneCall = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

		// when
		ResponseEntity<JsonNode> logged = operator.post("/api/fda-requests",
				Map.of("requester", "FDA ORA, Jane Smith, +1 301-555-0100", "products", List.of("PB-CREAMY-35"), "from",
						"2026-10-01", "to", "2026-10-31", "receivedAt", phoneCall.toString()));
		String id = logged.getBody().get("id").asString();
		ResponseEntity<JsonNode> produced = operator.post("/api/fda-requests/" + id + "/produce?wait=30000", Map.of());
		JsonNode spreadsheet = file(produced.getBody(), "fda-sortable-spreadsheet.xlsx");
		byte[] xlsx = operator.download(spreadsheet.get("url").asString()).getBody();
		ResponseEntity<JsonNode> sent = operator.post("/api/fda-requests/" + id + "/sent",
				Map.of("to", "email to jane.smith@fda.hhs.gov"));

		// then
		assertThat(logged.getStatusCode().value()).isEqualTo(201);
		assertThat(logged.getHeaders().getLocation()).hasToString("/api/fda-requests/" + id);
		JsonNode request = logged.getBody();
		assertThat(id).matches("FDA-\\d{4}-\\d{3}");
		assertThat(request.get("status").asString()).isEqualTo("received");
		assertThat(request.get("loggedBy").asString()).isEqualTo("operator");
		assertThat(Instant.parse(request.get("receivedAt").asString())).isEqualTo(phoneCall);
		assertThat(Instant.parse(request.get("deadline").asString())).isEqualTo(phoneCall.plus(Duration.ofHours(24)));
		assertThat(request.get("secondsLeft").asLong()).isBetween(22L * 3600, 23L * 3600);
		assertThat(request.get("subject").asString()).isEqualTo("products PB-CREAMY-35, 2026-10-01..2026-10-31");
		assertThat(produced.getStatusCode().value()).as("%s", produced.getBody()).isEqualTo(201);
		assertThat(produced.getBody().get("status").asString()).isEqualTo("produced");
		assertThat(produced.getBody().get("produced").get("records").asInt()).isPositive();
		assertThat(produced.getBody().get("produced").get("gaps").asInt()).isEqualTo(2);
		assertThat(sent.getStatusCode().value()).as("%s", sent.getBody()).isEqualTo(200);
		JsonNode sending = sent.getBody().get("sent");
		assertThat(sent.getBody().get("status").asString()).isEqualTo("sent");
		assertThat(sending.get("to").asString()).isEqualTo("email to jane.smith@fda.hhs.gov");
		assertThat(sending.get("by").asString()).isEqualTo("operator");
		assertThat(sending.get("late").asBoolean()).isFalse();
		assertThat(sending.get("files")).anySatisfy((file) -> {
			assertThat(file.get("path").asString()).isEqualTo("fda-sortable-spreadsheet.xlsx");
			assertThat(file.get("sha256").asString())
				.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(xlsx)));
		});
		assertThat(this.api.get("/api/fda-requests?open=true").getBody())
			.noneMatch((r) -> r.get("id").asString().equals(id));
		assertThat(operator.post("/api/fda-requests/" + id + "/sent", Map.of("to", "again")).getStatusCode().value())
			.isEqualTo(409);
	}

	@Test
	void letsReadersSeeRequestsAndOnlyOperatorsActOnThem() {
		// given
		Api reader = new Api(this.port, "reader");
		Api operator = new Api(this.port, "operator");
		String id = operator.post("/api/fda-requests", Map.of("requester", "FDA", "lots", List.of("C261014A")))
			.getBody()
			.get("id")
			.asString();

		// when
		ResponseEntity<JsonNode> read = reader.get("/api/fda-requests/" + id);
		ResponseEntity<JsonNode> logged = reader.post("/api/fda-requests",
				Map.of("requester", "FDA", "lots", List.of("C261014A")));
		ResponseEntity<JsonNode> produced = reader.post("/api/fda-requests/" + id + "/produce", Map.of());
		ResponseEntity<JsonNode> sent = reader.post("/api/fda-requests/" + id + "/sent", Map.of("to", "FDA"));

		// then
		assertThat(read.getStatusCode().value()).isEqualTo(200);
		assertThat(read.getBody().get("lots").get(0).asString()).isEqualTo("C261014A");
		assertThat(List.of(logged, produced, sent)).allSatisfy((response) -> {
			assertThat(response.getStatusCode().value()).isEqualTo(403);
			assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		});
	}

	@Test
	void saysWhatToFixInARequestThatCannotBeTaken() {
		// given
		Api operator = new Api(this.port, "operator");
		String id = operator.post("/api/fda-requests", Map.of("requester", "FDA", "products", List.of("COOKIE-PB-12")))
			.getBody()
			.get("id")
			.asString();

		// when
		ResponseEntity<JsonNode> nothing = operator.post("/api/fda-requests", Map.of("requester", "FDA"));
		ResponseEntity<JsonNode> badTime = operator.post("/api/fda-requests",
				Map.of("requester", "FDA", "lots", List.of("C261014A"), "receivedAt", "yesterday"));
		ResponseEntity<JsonNode> future = operator.post("/api/fda-requests", Map.of("requester", "FDA", "lots",
				List.of("C261014A"), "receivedAt", Instant.now().plus(Duration.ofDays(1)).toString()));
		ResponseEntity<JsonNode> unknown = operator.post("/api/fda-requests/FDA-1999-001/produce", Map.of());
		ResponseEntity<JsonNode> notProduced = operator.post("/api/fda-requests/" + id + "/sent", Map.of("to", "FDA"));

		// then
		assertThat(detail(nothing, 400)).startsWith("give the foods (products) and dates, or the lot codes");
		assertThat(detail(badTime, 400)).startsWith("receivedAt: not a time; use yyyy-MM-ddTHH:mm");
		assertThat(detail(future, 400)).contains("is in the future");
		assertThat(detail(unknown, 404)).isEqualTo("no FDA request FDA-1999-001");
		assertThat(detail(notProduced, 409)).isEqualTo("request " + id + " has no spreadsheet yet: produce it first");
	}

	@Test
	void showsMissingKdesAndHeldRowsBySourceCteAndMonth() {
		// when
		ResponseEntity<JsonNode> response = this.api.get("/api/completeness");
		ResponseEntity<JsonNode> october = this.api.get("/api/completeness?from=2026-10&to=2026-10");
		ResponseEntity<JsonNode> wrong = this.api.get("/api/completeness?from=2026-13");

		// then
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		JsonNode report = response.getBody();
		assertThat(report.get("rows")).anySatisfy((row) -> {
			assertThat(List.of(row.get("month"), row.get("source"), row.get("cte"))).extracting(JsonNode::asString)
				.containsExactly("2026-10", "erp-receiving", "receiving");
			assertThat(row.get("records").asInt()).isEqualTo(28);
			assertThat(row.get("assumed").asInt()).isEqualTo(28);
			assertThat(row.get("missing").asInt()).isZero();
			assertThat(row.get("pending").asInt()).isEqualTo(1);
			assertThat(row.get("rejected").asInt()).isEqualTo(1);
		});
		assertThat(report.get("total").get("records").asInt()).isEqualTo(511);
		assertThat(report.get("total").get("pending").asInt()).isEqualTo(3);
		assertThat(report.get("total").get("rejected").asInt()).isEqualTo(4);
		assertThat(report.get("fixes")).isEmpty();
		assertThat(october.getBody().get("rows"))
			.allSatisfy((row) -> assertThat(row.get("month").asString()).isEqualTo("2026-10"));
		assertThat(detail(wrong, 400)).isEqualTo("from: not a month; use yyyy-MM");
	}

	private static JsonNode file(JsonNode request, String name) {
		for (JsonNode file : request.get("produced").get("files")) {
			if (file.get("name").asString().equals(name)) {
				return file;
			}
		}
		throw new AssertionError("no " + name + " in " + request);
	}

	private static String detail(ResponseEntity<JsonNode> response, int status) {
		assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("application/problem+json");
		return response.getBody().get("detail").asString();
	}

}
