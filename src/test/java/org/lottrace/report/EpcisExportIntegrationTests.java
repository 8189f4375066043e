package org.lottrace.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.epcis.EpcisDocument;
import org.lottrace.epcis.EpcisSchema;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.ingest.UnitsProvider;
import org.lottrace.trace.Direction;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample bakery's complaint trace and a records request, from the real pipeline
 * (sample-data ingested into an empty store, traced with DuckDB), written as EPCIS 2.0
 * beside the other reports and checked against GS1's JSON Schema.
 */
@SpringBootTest(properties = { "spring.batch.job.enabled=false", "lottrace.ingest.jobs=jobs" })
@DirtiesContext
class EpcisExportIntegrationTests {

	@TempDir
	static Path folder;

	private static boolean ingested;

	private final ReportWriter writer = new ReportWriter(
			Clock.fixed(Instant.parse("2026-11-02T13:15:00Z"), ZoneId.of("America/Chicago")));

	@Autowired
	IngestService ingestService;

	@Autowired
	TraceService traceService;

	@Autowired
	UnitsProvider unitsProvider;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> folder.resolve("store").toString());
	}

	@BeforeEach
	void ingestSampleDataOnce() {
		if (!ingested) {
			List<IngestResult> results = this.ingestService
				.ingest(this.ingestService.plan(List.of(Path.of("sample-data")), null));
			assertThat(results).isNotEmpty().noneMatch((r) -> r.status() == IngestResult.Status.FAILED);
			ingested = true;
		}
	}

	@Test
	void theComplaintTraceIsAValidEpcisDocumentBesideTheOtherReports() throws Exception {
		// given
		TraceAnalysis analysis = TraceAnalysis.of(this.traceService.trace(TraceRequest.lot("C261014A", Direction.BOTH)),
				this.unitsProvider.units());
		ReportFolder reports = ReportFolder.create(folder.resolve("reports"), "lot C261014A", Instant.now());

		// when
		Map<String, Long> timings = this.writer.trace(TraceFindings.of(analysis), Instant.parse("2026-11-02T13:00:00Z"),
				reports);

		// then
		assertThat(timings).containsKey(EpcisDocument.FILE);
		JsonNode document = EpcisSchema.read(reports.file(EpcisDocument.FILE));
		assertThat(EpcisSchema.problems(document)).isEmpty();
		List<JsonNode> events = events(document);
		assertThat(events).filteredOn((e) -> e.get("type").asString().equals("TransformationEvent"))
			.extracting((e) -> e.get("transformationID").asString())
			.contains("urn:lottrace:workorder:WO-1014-P", "urn:lottrace:workorder:WO-1013-F");
		JsonNode batch = events.stream()
			.filter((e) -> e.path("transformationID").asString().equals("urn:lottrace:workorder:WO-1014-P"))
			.findFirst()
			.orElseThrow();
		assertThat(batch.get("inputQuantityList")).as("seven ingredient lots weighed for the batch").hasSize(7);
		assertThat(batch.get("outputQuantityList").toString()).contains("urn:lottrace:lot:BAKERY-01:C261014A",
				"\"quantity\":27", "\"uom\":\"XCS\"");
		assertThat(batch.get("inputQuantityList").toString()).as("the two suppliers' L2301 stay apart")
			.contains("urn:lottrace:lot:V120:L2301")
			.doesNotContain("urn:lottrace:lot:V130:L2301");
		assertThat(events).filteredOn((e) -> e.path("bizStep").asString().equals("shipping"))
			.extracting((e) -> e.get("bizTransactionList").get(0).get("bizTransaction").asString())
			.contains("urn:lottrace:doc:Bill%20of%20lading:BOL-50035");
		assertThat(document.toString()).contains("urn:lottrace:lot:V130:L2301");
	}

	@Test
	void aRecordsRequestIsAValidEpcisDocument() throws Exception {
		// given
		RecordRequest request = new RecordRequest(List.of("COOKIE-PB-12"), LocalDate.of(2026, 10, 1),
				LocalDate.of(2026, 10, 31), List.of());
		ReportFolder reports = ReportFolder.create(folder.resolve("reports"), "records", Instant.now());

		// when
		this.writer.records(this.traceService.records(request), reports);

		// then
		Path file = reports.file(EpcisDocument.FILE);
		assertThat(Files.size(file)).isPositive();
		JsonNode document = EpcisSchema.read(file);
		assertThat(EpcisSchema.problems(document)).isEmpty();
		assertThat(events(document)).isNotEmpty()
			.allSatisfy((e) -> assertThat(e.get("eventTimeZoneOffset").asString()).isIn("-05:00", "-06:00"));
	}

	private static List<JsonNode> events(JsonNode document) {
		return StreamSupport.stream(document.get("epcisBody").get("eventList").spliterator(), false).toList();
	}

}
