package org.lottrace.serve;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's HTTP API on the sample bakery's exports: the complaint lot C261014A
 * traced and compared with the answers worked out by hand
 * ({@code sample-data/expected/complaint-C261014A.json}), the trace's files, FDA records
 * requests, the ingestion history, and what the API says to a client that asks wrongly.
 */
class ServeApiIntegrationTests extends SampleDataServer {

	private static final JsonNode EXPECTED = JsonMapper.builder()
		.build()
		.readTree(ServeFolders.SAMPLE_DATA.resolve("expected/complaint-C261014A.json").toFile());

	/** The complaint trace, done; started once by the first test that needs it. */
	private static JsonNode complaint;

	@Test
	void tracesTheComplaintLotToTheAnswersWorkedOutByHand() {
		// when
		ResponseEntity<JsonNode> started = this.api.post("/api/traces",
				Map.of("lot", "C261014A", "reason", "Customer complaint: foreign body"));
		String id = started.getBody().get("id").asString();
		JsonNode view = this.api.finished(id);

		// then
		assertThat(started.getStatusCode().value()).isIn(201, 202);
		assertThat(started.getHeaders().getLocation()).hasToString("/api/traces/" + id);
		assertThat(view.get("state").asString()).as("%s", view.get("error")).isEqualTo("done");
		assertThat(view.get("kind").asString()).isEqualTo("trace");
		assertThat(view.get("finished").isNull()).isFalse();
		JsonNode answers = view.get("answers");
		assertThat(answers.get("subject").asString()).isEqualTo("lot C261014A");
		assertThat(answers.get("reason").asString()).isEqualTo("Customer complaint: foreign body");
		assertThat(answers.get("lots").asInt()).isEqualTo(EXPECTED.get("lotsReached").asInt());
		assertThat(answers.get("batches")).singleElement().satisfies((batch) -> {
			JsonNode expected = EXPECTED.get("batch");
			assertThat(batch.get("lot").asString()).isEqualTo(EXPECTED.get("lot").asString());
			assertThat(List.of(batch.get("workOrder"), batch.get("completed"), batch.get("product"),
					batch.get("quantity"), batch.get("unit")))
				.extracting(JsonNode::asString)
				.containsExactly(expected.get("workOrder").asString(), expected.get("completed").asString(),
						expected.get("product").asString(), expected.get("quantity").asString(),
						expected.get("unit").asString());
			assertThat(list(batch.get("inputs"), ServeApiIntegrationTests::input))
				.containsExactlyElementsOf(list(expected.get("inputs"), ServeApiIntegrationTests::input));
		});
		assertThat(list(answers.get("ingredients"), ServeApiIntegrationTests::ingredient))
			.containsExactlyInAnyOrderElementsOf(
					list(EXPECTED.get("ingredientLots"), ServeApiIntegrationTests::ingredient));
		assertThat(list(answers.get("ingredients"), (i) -> i.get("depth").asInt())).isSorted();
		List<JsonNode> customers = list(answers.get("customers"), (c) -> c);
		assertThat(customers).filteredOn((c) -> c.get("ofTheBatch").asBoolean())
			.extracting(ServeApiIntegrationTests::shipment)
			.containsExactlyInAnyOrderElementsOf(
					list(EXPECTED.get("customersOfTheBatch"), ServeApiIntegrationTests::shipment));
		assertThat(customers).extracting(ServeApiIntegrationTests::shipment)
			.containsExactlyInAnyOrderElementsOf(list(EXPECTED.get("shipments"), ServeApiIntegrationTests::shipment));
		assertThat(customers.subList(0, 3)).allMatch((c) -> c.get("ofTheBatch").asBoolean());
		assertThat(list(answers.get("massBalance"), (m) -> m.get("lot").asString())).contains("C261014A");
		complaint = view;
	}

	@Test
	void servesEveryFileOfTheTraceAsItsManifestRecordsIt() throws Exception {
		// given
		JsonNode trace = complaint();
		List<String> names = list(trace.get("files"), (f) -> f.get("name").asString());

		// when
		JsonNode manifest = JsonMapper.builder().build().readTree(download(trace, "manifest.json").getBody());
		String checksums = new String(download(trace, "SHA256SUMS").getBody(), StandardCharsets.UTF_8);

		// then
		assertThat(names).contains("fda-sortable-spreadsheet.xlsx", "trace-summary.html", "mock-recall.html",
				"genealogy.svg", "trace.json", "csv/fda-shipping.csv", "manifest.json", "SHA256SUMS");
		assertThat(manifest.get("files")).hasSize(names.size() - 2);
		for (JsonNode file : manifest.get("files")) {
			String path = file.get("path").asString();
			ResponseEntity<byte[]> response = download(trace, path);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).as(path).hasSize(file.get("bytes").asInt());
			assertThat(sha256(response.getBody())).as(path).isEqualTo(file.get("sha256").asString());
			assertThat(checksums).contains(file.get("sha256").asString() + "  " + path + "\n");
		}
		ResponseEntity<byte[]> xlsx = download(trace, "fda-sortable-spreadsheet.xlsx");
		assertThat(xlsx.getHeaders().getContentType())
			.hasToString("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(xlsx.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"fda-sortable-spreadsheet.xlsx\"");
		assertThat(download(trace, "trace-summary.html").getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.startsWith("inline");
	}

	@Test
	void servesTheSpreadsheetWithTheBatchItsInputsAndItsCustomers() {
		// when
		Spreadsheet xlsx = Spreadsheet.read(download(complaint(), "fda-sortable-spreadsheet.xlsx").getBody());

		// then
		assertThat(xlsx.sheets().keySet()).hasSize(10)
			.contains("Request", "Receiving", "Transformation", "Shipping", "Explanations", "Missing or doubtful KDEs");
		assertThat(xlsx.frozenHeader()).contains("Receiving", "Transformation", "Shipping");
		assertThat(xlsx.sheet("Shipping")).filteredOn((row) -> row.get("Traceability Lot Code").equals("C261014A"))
			.extracting((row) -> row.get("Immediate Subsequent Recipient Business Name") + ": " + row.get("Quantity")
					+ " " + row.get("Unit of Measure") + " on " + row.get("Date Shipped"))
			.containsExactlyInAnyOrder("Green Valley Market #12: 8 case on 2026-10-15",
					"Campus Dining Services: 6 case on 2026-10-15",
					"Midwest Foodservice Distributors: 12 case on 2026-10-15");
		assertThat(xlsx.sheet("Transformation"))
			.filteredOn((row) -> row.get("New Traceability Lot Code").equals("C261014A"))
			.extracting((row) -> row.get("Input Traceability Lot Code"))
			.containsExactlyInAnyOrder("HM-2609-114", "HM-2610-021", "24301", "L2301", "EG1009", "F261013A",
					"C261008A");
	}

	@Test
	void reportsTheRecordsOfAProductOverADateRange() {
		// when
		ResponseEntity<JsonNode> response = this.api.post("/api/reports?wait=30000",
				Map.of("products", List.of("COOKIE-PB-12"), "from", "2026-10-14", "to", "2026-10-15"));

		// then
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode view = response.getBody();
		assertThat(view.get("state").asString()).as("%s", view.get("error")).isEqualTo("done");
		assertThat(view.get("kind").asString()).isEqualTo("records");
		assertThat(view.get("answers").isNull()).isTrue();
		assertThat(view.get("records").asInt()).isPositive();
		Spreadsheet xlsx = Spreadsheet.read(download(view, "fda-sortable-spreadsheet.xlsx").getBody());
		List<Map<String, String>> shipping = xlsx.sheet("Shipping");
		assertThat(shipping).isNotEmpty()
			.allSatisfy((row) -> assertThat(row.get("Date Shipped")).isBetween("2026-10-14", "2026-10-15"))
			.allSatisfy((row) -> assertThat(row.get("Traceability Lot Code")).startsWith("C2610"));
		assertThat(shipping).extracting((row) -> row.get("Traceability Lot Code")).contains("C261013A", "C261014A");
		assertThat(xlsx.sheet("Transformation")).extracting((row) -> row.get("New Traceability Lot Code"))
			.contains("C261014A")
			.allMatch((lot) -> lot.isEmpty() || lot.startsWith("C2610"));
	}

	@Test
	void reportsTheRecordsOfLotCodes() {
		// when
		ResponseEntity<JsonNode> response = this.api.post("/api/reports?wait=30000",
				Map.of("lots", List.of("C261014A", "F261013A")));

		// then
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody().get("state").asString()).isEqualTo("done");
		Spreadsheet xlsx = Spreadsheet.read(download(response.getBody(), "fda-sortable-spreadsheet.xlsx").getBody());
		assertThat(xlsx.sheet("Shipping")).extracting((row) -> row.get("Traceability Lot Code"))
			.containsOnly("C261014A")
			.hasSize(3);
		assertThat(xlsx.sheet("Transformation")).extracting((row) -> row.get("New Traceability Lot Code"))
			.contains("C261014A", "F261013A");
	}

	@Test
	void refusesBadParametersWithAProblemThatSaysWhatToFix() {
		// when
		List<ResponseEntity<JsonNode>> problems = List.of(this.api.post("/api/traces", Map.of()),
				this.api.post("/api/traces", Map.of("lot", "C261014A", "product", "COOKIE-PB-12")),
				this.api.post("/api/traces", Map.of("product", "COOKIE-PB-12", "from", "14/10/2026")),
				this.api.post("/api/traces", Map.of("lot", "C261014A", "direction", "sideways")),
				this.api.post("/api/reports", Map.of("products", List.of(" "))),
				this.api.post("/api/reports", Map.of("lots", List.of("C261014A"), "to", "2026-13-01")),
				this.api.postRaw("/api/traces", "{\"lot\": "), this.api.get("/api/ingestions?limit=0"));

		// then
		assertThat(problems).allSatisfy((response) -> {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody().get("status").asInt()).isEqualTo(400);
			assertThat(response.getBody().get("title").asString()).isEqualTo("Bad request");
		});
		assertThat(problems).extracting((response) -> response.getBody().get("detail").asString())
			.satisfiesExactly((detail) -> assertThat(detail).isEqualTo("give either lot or product (with from and to)"),
					(detail) -> assertThat(detail).isEqualTo("give either lot or product (with from and to)"),
					(detail) -> assertThat(detail).isEqualTo("from: '14/10/2026' is not a date; use yyyy-MM-dd"),
					(detail) -> assertThat(detail)
						.isEqualTo("direction: 'sideways' is not one of backward, forward, both"),
					(detail) -> assertThat(detail).isEqualTo("give at least one product or one lot, or a date range"),
					(detail) -> assertThat(detail).isEqualTo("to: '2026-13-01' is not a date; use yyyy-MM-dd"),
					(detail) -> assertThat(detail).startsWith("the request body is not the JSON this endpoint takes"),
					(detail) -> assertThat(detail).isEqualTo("limit: give a number from 1 to 1000"));
	}

	@Test
	void tracesAsOfTheSnapshotTheManifestNamesWithTheSameAnswers() {
		// given: the snapshot the complaint trace read
		JsonNode trace = complaint();
		JsonNode manifest = JsonMapper.builder().build().readTree(download(trace, "manifest.json").getBody());
		String snapshot = manifest.get("store").get("snapshot").asString();

		// when
		ResponseEntity<JsonNode> started = this.api.post("/api/traces?wait=30000",
				Map.of("lot", "C261014A", "asOf", snapshot));
		// its index is built first: on the bulk lane, it may take longer than one wait
		ResponseEntity<JsonNode> again = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofMinutes(2))
			.until(() -> this.api.get("/api/traces/{id}", started.getBody().get("id").asString()),
					(r) -> !"running".equals(r.getBody().get("state").asString()));
		ResponseEntity<JsonNode> beforeAnything = this.api.post("/api/traces",
				Map.of("lot", "C261014A", "asOf", "2020-01-01"));
		ResponseEntity<JsonNode> notATime = this.api.post("/api/reports",
				Map.of("products", List.of("COOKIE-PB-12"), "asOf", "2026-13-45"));
		ResponseEntity<JsonNode> future = this.api.post("/api/traces",
				Map.of("lot", "C261014A", "asOf", "2999-01-01T00:00:00Z"));

		// then
		assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getBody().get("state").asString()).as(again.getBody().toString()).isEqualTo("done");
		assertThat(withoutTimes(again.getBody().get("answers"))).isEqualTo(withoutTimes(trace.get("answers")));
		JsonNode againManifest = JsonMapper.builder()
			.build()
			.readTree(download(again.getBody(), "manifest.json").getBody());
		assertThat(againManifest.get("store").get("snapshot").asString()).isEqualTo(snapshot);
		assertThat(againManifest.get("request").get("asOf").asString()).isEqualTo(snapshot);
		assertThat(beforeAnything.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(beforeAnything.getBody().get("detail").asString()).startsWith("the store held nothing at");
		assertThat(notATime.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(notATime.getBody().get("detail").asString()).contains("give a snapshot id, a day");
		assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(future.getBody().get("detail").asString()).endsWith("is in the future");
	}

	@Test
	void answersNotFoundForWhatIsNotThere() {
		// when
		ResponseEntity<JsonNode> lot = this.api.post("/api/traces", Map.of("lot", "X999999"));
		ResponseEntity<JsonNode> product = this.api.post("/api/traces",
				Map.of("product", "COOKIE-XX-99", "from", "2026-10-01", "to", "2026-10-31"));
		ResponseEntity<JsonNode> request = this.api.get("/api/traces/{id}", "no-such-request");
		ResponseEntity<JsonNode> file = this.api.get(complaint().get("files").get(0).get("url").asString() + ".old");
		ResponseEntity<JsonNode> ingestion = this.api.get("/api/ingestions/{id}", 424242);

		// then
		assertThat(List.of(lot, product, request, file, ingestion)).allSatisfy((response) -> {
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
			assertThat(response.getBody().get("title").asString()).isEqualTo("Not found");
		});
		assertThat(lot.getBody().get("detail").asString()).contains("X999999");
		assertThat(product.getBody().get("detail").asString()).contains("COOKIE-XX-99");
		assertThat(request.getBody().get("detail").asString()).isEqualTo("no request no-such-request");
		assertThat(ingestion.getBody().get("detail").asString()).isEqualTo("no ingestion 424242");
	}

	@Test
	void listsThePendingRowsApartFromTheRejectedOnesWithWhatTheyWaitFor() {
		// when
		List<JsonNode> pending = list(this.api.get("/api/pending").getBody(), (r) -> r);
		List<JsonNode> rejected = list(this.api.get("/api/rejected").getBody(), (r) -> r);

		// then
		assertThat(pending).extracting(
				(r) -> r.get("file").asString() + " " + r.get("line").asLong() + ": " + r.get("waitsFor").asString())
			.containsExactlyInAnyOrder("RCV_20261012.csv 10: product FLOUR-WW-50 in master data",
					"TICKETS_20261019.csv 77: unit 'BX' in jobs/units.yml or the mapping's units",
					"BOL_20261019.txt 38: one product with GTIN 00614141999999 in master data");
		assertThat(rejected).extracting((r) -> r.get("file").asString() + " " + r.get("line").asLong())
			.containsExactlyInAnyOrder("RCV_20261012.csv 9", "PROD_20261012.csv 16", "TICKETS_20261019.csv 78",
					"BOL_20261019.txt 39");
		assertThat(rejected).allSatisfy((r) -> assertThat(r.get("waitsFor").isNull()).isTrue());
		assertThat(rejected).filteredOn((r) -> r.get("line").asLong() == 16)
			.singleElement()
			.satisfies((r) -> assertThat(r.get("row").get(4).asString()).isEqualTo("-24"));
		assertThat(this.api.get("/api/pending?limit=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void publishesTheOpenApiDescriptionOfEveryEndpoint() {
		// when
		ResponseEntity<JsonNode> response = this.api.get("/v3/api-docs");

		// then
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode paths = response.getBody().get("paths");
		assertThat(paths.propertyNames()).contains("/api/traces", "/api/traces/{id}", "/api/traces/{id}/files/{name}",
				"/api/reports", "/api/ingestions", "/api/ingestions/{id}", "/api/ingestions/{id}/rejects",
				"/api/ingestions/inbox", "/api/products", "/api/pending", "/api/rejected",
				"/api/ingestions/{id}/pending");
		assertThat(paths.get("/api/traces").propertyNames()).contains("get", "post");
		assertThat(paths.get("/api/ingestions/inbox").propertyNames()).contains("get", "post");
		assertThat(paths.get("/api/traces").get("post").get("summary").asString()).startsWith("Start a trace");
		assertThat(response.getBody().at("/components/securitySchemes/basic/scheme").asString()).isEqualTo("basic");
		assertThat(response.getBody().at("/security/0").propertyNames()).containsExactly("basic");
	}

	@Test
	void listsTheIngestionsOfTheSampleDataNewestFirstWithTheirRejects() {
		// when
		List<JsonNode> runs = list(this.api.get("/api/ingestions?limit=100").getBody(), (r) -> r);
		List<JsonNode> latest = list(this.api.get("/api/ingestions").getBody(), (r) -> r);

		// then
		assertThat(runs).hasSize(22).allMatch((r) -> r.get("status").asString().equals("COMPLETED"));
		assertThat(runs).extracting((r) -> r.get("id").asLong()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
		assertThat(runs.stream().mapToLong((r) -> r.get("read").asLong()).sum()).isEqualTo(543);
		assertThat(runs.stream().mapToLong((r) -> r.get("written").asLong()).sum()).isEqualTo(536);
		assertThat(runs).filteredOn((r) -> !r.get("rejectsFile").isNull())
			.extracting((r) -> r.get("file").asString() + ": " + r.get("rejected").asInt())
			.containsExactlyInAnyOrder("PROD_20261012.csv: 1", "RCV_20261012.csv: 1", "TICKETS_20261019.csv: 1",
					"BOL_20261019.txt: 1");
		assertThat(runs).filteredOn((r) -> !r.get("pendingFile").isNull())
			.extracting((r) -> r.get("file").asString() + ": " + r.get("pending").asInt())
			.containsExactlyInAnyOrder("RCV_20261012.csv: 1", "TICKETS_20261019.csv: 1", "BOL_20261019.txt: 1");
		assertThat(latest).hasSize(20).first().isEqualTo(runs.get(0));

		// when
		JsonNode receipts = runs.stream()
			.filter((r) -> r.get("file").asString().equals("RCV_20261012.csv"))
			.findFirst()
			.orElseThrow();
		ResponseEntity<byte[]> rejects = this.api
			.download("/api/ingestions/" + receipts.get("id").asLong() + "/rejects");
		JsonNode clean = runs.stream().filter((r) -> r.get("rejectsFile").isNull()).findFirst().orElseThrow();
		ResponseEntity<JsonNode> none = this.api.get("/api/ingestions/{id}/rejects", clean.get("id").asLong());

		// then
		assertThat(rejects.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
		assertThat(new String(rejects.getBody(), StandardCharsets.UTF_8).lines().toList()).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("RCV_20261012.csv", ",9,", "lot_code", "missing"));
		ResponseEntity<byte[]> pending = this.api
			.download("/api/ingestions/" + receipts.get("id").asLong() + "/pending");
		assertThat(new String(pending.getBody(), StandardCharsets.UTF_8).lines().toList()).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("RCV_20261012.csv", "10", "product_code", "FLOUR-WW-50",
					"product FLOUR-WW-50 in master data"));
		assertThat(this.api.get("/api/ingestions/{id}", receipts.get("id").asLong()).getBody()).isEqualTo(receipts);
		assertThat(none.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(none.getBody().get("detail").asString()).endsWith("rejected no rows");
	}

	@Test
	void listsTheProductsOfTheMasterData() {
		// when
		List<JsonNode> products = list(this.api.get("/api/products").getBody(), (p) -> p);

		// then
		assertThat(products).hasSize(11)
			.extracting((p) -> p.get("code").asString())
			.contains("COOKIE-PB-12", "FILLING-PB", "FLOUR-AP-50");
		assertThat(products).filteredOn((p) -> p.get("code").asString().equals("COOKIE-PB-12"))
			.singleElement()
			.satisfies((p) -> {
				assertThat(p.get("name").asString()).isEqualTo("Peanut Butter Sandwich Cookies, 12 ct");
				assertThat(p.get("ftlCategory").asString()).isEqualTo("Nut butters");
				assertThat(p.get("baseUnit").asString()).isEqualTo("case");
			});
	}

	@Test
	void showsTheStartUpRunItsHealthAndItsMetrics() {
		// given
		complaint();

		// when
		JsonNode inbox = this.api.get("/api/ingestions/inbox").getBody();
		JsonNode health = this.api.get("/actuator/health").getBody();

		// then
		assertThat(inbox.get("trigger").asString()).isEqualTo("start");
		assertThat(inbox.get("succeeded").asBoolean()).isTrue();
		assertThat(inbox.get("files")).hasSize(22).allMatch((f) -> f.get("status").asString().equals("ingested"));
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/ingestionHealth/details/trigger").asString()).isEqualTo("start");
		assertThat(health.at("/components/ingestionHealth/details/files").asInt()).isEqualTo(22);
		assertThat(this.api.metric("lottrace.ingest.rows", "COUNT", "outcome:written")).isEqualTo(536);
		assertThat(this.api.metric("lottrace.ingest.rows", "COUNT", "outcome:rejected")).isEqualTo(4);
		assertThat(this.api.metric("lottrace.ingest.rows", "COUNT", "outcome:pending")).isEqualTo(3);
		assertThat(inbox.get("resolutions")).hasSize(3)
			.allSatisfy((r) -> assertThat(r.get("status").asString()).isEqualTo("resolved"));
		assertThat(this.api.metric("lottrace.ingest.rows", "COUNT", "outcome:rejected", "source:shipping"))
			.isEqualTo(1);
		assertThat(this.api.metric("lottrace.ingest.files", "COUNT", "status:INGESTED")).isEqualTo(22);
		assertThat(this.api.metric("lottrace.ingest.runs", "COUNT", "result:succeeded")).isOne();
		assertThat(this.api.metric("lottrace.trace.duration", "COUNT")).isGreaterThanOrEqualTo(1);
		assertThat(this.api.metric("lottrace.trace.duration", "TOTAL_TIME")).isPositive();
	}

	/**
	 * Answers without when they were traced, how long it took and why (the complaint
	 * trace may have been started with a reason).
	 */
	private static JsonNode withoutTimes(JsonNode answers) {
		tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) answers.deepCopy();
		copy.remove("tracedAt");
		copy.remove("elapsedMillis");
		copy.remove("reason");
		return copy;
	}

	/** The complaint trace, run now if no test has run it yet. */
	private JsonNode complaint() {
		if (complaint == null) {
			ResponseEntity<JsonNode> response = this.api.post("/api/traces?wait=30000", Map.of("lot", "C261014A"));
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			assertThat(response.getBody().get("state").asString()).isEqualTo("done");
			assertThat(response.getBody().get("finished").isNull()).as("finished, once done").isFalse();
			complaint = response.getBody();
		}
		return complaint;
	}

	private ResponseEntity<byte[]> download(JsonNode request, String name) {
		String url = StreamSupport.stream(request.get("files").spliterator(), false)
			.filter((f) -> f.get("name").asString().equals(name))
			.map((f) -> f.get("url").asString())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no file " + name + " in " + request.get("files")));
		return this.api.download(url);
	}

	/** An input as {@code lot|assigner|quantity|unit|ticket}. */
	private static String input(JsonNode input) {
		return String.join("|", code(input.get("lot")), input.get("assigner").asString(), number(input.get("quantity")),
				input.get("unit").asString(), input.get("ticket").asString());
	}

	/** An ingredient lot as {@code depth lot (assigner)}. */
	private static String ingredient(JsonNode ingredient) {
		return ingredient.get("depth").asInt() + " " + code(ingredient.get("lot")) + " ("
				+ ingredient.get("assigner").asString() + ")";
	}

	/** A shipment as {@code bill of lading|date|ship-to|customer|lot|quantity unit}. */
	private static String shipment(JsonNode shipment) {
		JsonNode bol = shipment.has("bol") ? shipment.get("bol") : shipment.get("billOfLading");
		return String.join("|", bol.asString(), shipment.get("date").asString(), shipment.get("shipTo").asString(),
				shipment.get("customer").asString(), code(shipment.get("lot")),
				number(shipment.get("quantity")) + " " + shipment.get("unit").asString());
	}

	/** A lot's code without the label that tells two suppliers' lots apart. */
	private static String code(JsonNode lot) {
		return lot.asString().replaceFirst(" \\(.*\\)$", "");
	}

	/** A number as plain text; the hand-written answers use a decimal comma. */
	private static String number(JsonNode value) {
		return new BigDecimal(value.asString().replace(',', '.')).stripTrailingZeros().toPlainString();
	}

	private static <T> List<T> list(JsonNode array, java.util.function.Function<JsonNode, T> mapper) {
		List<T> values = new ArrayList<>();
		array.forEach((node) -> values.add(mapper.apply(node)));
		return values;
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}
