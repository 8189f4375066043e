package org.lottrace.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreLayout;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.ingest.IngestJobs.step;

/**
 * EPCIS 2.0 documents ingested like exports ({@code format: epcis}): a supplier's
 * shipping events with the example mapping {@code jobs/examples/epcis-receiving.yml}
 * (lots by Digital Link and LGTIN URN, an item without a lot rejected, an unknown GTIN
 * pending, a transformation left to other sources, a later document correcting a
 * quantity), and GS1's own example documents, which ingest or are rejected with the
 * reason.
 */
@SpringBootTest
@SpringBatchTest
@ActiveProfiles("test")
class EpcisIngestJobIntegrationTests {

	static final Path EPCIS = Path.of("src/test/resources/ingest/epcis").toAbsolutePath();

	static final Path GS1_EXAMPLES = Path.of("../shared/epcis/examples").toAbsolutePath().normalize();

	@TempDir
	static Path store;

	@DynamicPropertySource
	static void storeProperties(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> store.toString());
		registry.add("lottrace.ingest.jobs", MappingFiles.JOBS::toString);
	}

	@Autowired
	JobOperatorTestUtils jobOperatorTestUtils;

	@Autowired
	@Qualifier("ingestJob")
	Job ingestJob;

	@Autowired
	StoreLayout layout;

	@BeforeEach
	void masterDataWithValidGs1Keys() throws Exception {
		try (Stream<Path> files = Files.list(store)) {
			for (Path file : files.toList()) {
				FileSystemUtils.deleteRecursively(file);
			}
		}
		IngestJobs master = new IngestJobs(this.jobOperatorTestUtils, this.ingestJob, MappingFiles.JOBS);
		master.ingestCompleted(EPCIS.resolve("ITEMS.csv"), "erp-items");
		master.ingestCompleted(EPCIS.resolve("VENDORS.csv"), "erp-vendors");
		master.ingestCompleted(EPCIS.resolve("SITES.csv"), "erp-sites");
	}

	@Test
	void ingestsASuppliersShippingEventsAsReceiptsOneRowPerLot() throws Exception {
		// given
		Path document = EPCIS.resolve("SHIPPED_20261102.jsonld");

		// when
		JobExecution execution = examples().ingestCompleted(document, "epcis-receiving");

		// then: two lots written; an item without a lot rejected; an unknown GTIN
		// pending;
		// the supplier's own transformation is not a row of this source
		StepExecution ingest = step(execution, IngestJobConfiguration.INGEST_STEP);
		assertThat(List.of(ingest.getReadCount(), ingest.getWriteCount(), ingest.getFilterCount())).containsExactly(4L,
				2L, 2L);
		assertThat(StoreQueries.rows(store,
				"SELECT lot_code, lot_assigner, product_code, quantity, unit, event_date, location_code, "
						+ "partner_location_code, tlc_source_location_code, reference_document_type, "
						+ "reference_document_number, reference_document_type_2, reference_document_number_2, "
						+ "source_line FROM kde_event ORDER BY lot_code"))
			.containsExactly(
					List.of("NB-1101", "V130", "PB-CREAMY-35", "4.000000", "case", "2026-11-02", "BAKERY-01", "V130",
							"V130", "Purchase order", "PO-88200", "Despatch advice", "ASN-7001", "1"),
					List.of("NB-1102", "V130", "PB-CREAMY-35", "2.000000", "case", "2026-11-02", "BAKERY-01", "V130",
							"V130", "Purchase order", "PO-88200", "Despatch advice", "ASN-7001", "2"));
		assertThat(Files.readString(IngestJobs.rejectsFile(this.layout, document, "epcis-receiving")))
			.contains("epcis-receiving,SHIPPED_20261102.jsonld,3,(row),,\"event 2 (ObjectEvent, "
					+ "urn:uuid:6f1a9a40-0000-4000-8000-000000000002), epcList[1]: urn:epc:id:sgtin:0614141.020005.400 "
					+ "identifies no lot");
		assertThat(Files.readString(IngestJobs.pendingFile(this.layout, document, "epcis-receiving")))
			.contains("SHIPPED_20261102.jsonld,4,product_code,00614141999996");
	}

	@Test
	void takesALaterDocumentWithTheSameEventAsACorrection() throws Exception {
		// given
		IngestJobs examples = examples();
		examples.ingestCompleted(EPCIS.resolve("SHIPPED_20261102.jsonld"), "epcis-receiving");

		// when
		JobExecution correction = examples.ingestCompleted(EPCIS.resolve("SHIPPED_20261103.jsonld"), "epcis-receiving");

		// then: both versions stay in the store; the newer is current
		assertThat(StoreQueries.rows(store, "SELECT quantity FROM kde_event WHERE lot_code = 'NB-1101'"))
			.containsExactly(List.of("3.000000"));
		assertThat(correction.getExecutionContext().getLong(SupersedeTasklet.SUPERSEDED)).isEqualTo(1);
		assertThat(StoreQueries.rows(store,
				"SELECT lot_code, quantity, source_file FROM kde_event_all WHERE lot_code = "
						+ "'NB-1101' ORDER BY ingested_at"))
			.containsExactly(List.of("NB-1101", "4.000000", "SHIPPED_20261102.jsonld"),
					List.of("NB-1101", "3.000000", "SHIPPED_20261103.jsonld"));
	}

	@Test
	void ingestsGs1sExampleDocumentsOrRejectsThemWithTheReason() throws Exception {
		// given
		IngestJobs observations = new IngestJobs(this.jobOperatorTestUtils, this.ingestJob, EPCIS);
		List<Path> examples;
		try (Stream<Path> files = Files.list(GS1_EXAMPLES)) {
			examples = files.sorted().toList();
		}

		// when
		for (Path example : examples) {
			observations.ingestCompleted(example, "epcis-observations");
		}

		// then: the one lot-level receipt of 200 kg of lot 998877, in two documents
		assertThat(StoreQueries.rows(store,
				"SELECT source_file, lot_code, product_code, quantity, unit, event_date, "
						+ "location_code, partner_location_code FROM kde_event ORDER BY source_file"))
			.containsExactly(
					List.of("Example_9.6.2-ObjectEvent.jsonld", "998877", "GS1-EXAMPLE", "200.000000", "kg",
							"2013-06-08", "GS1-DOCK", "GS1-SRC"),
					List.of("object_event_all_possible_fields.jsonld", "998877", "GS1-EXAMPLE", "200.000000", "kg",
							"2005-04-04", "GS1-DOCK", "GS1-SRC"));
		assertThat(Files.readString(rejects("Example_9.6.1-ObjectEvent.jsonld")))
			.contains("urn:epc:id:sgtin:0614141.107346.2017 identifies no lot");
		assertThat(Files.readString(rejects("Example_9.6.1-ObjectEventWithDigitalLink.jsonld")))
			.contains("https://id.gs1.org/01/70614141123451/21/2017 identifies no lot");
		assertThat(Files.readString(rejects("Example_9.6.4-TransformationEvent.jsonld")))
			.contains("this document holds no ObjectEvent for source epcis-observations "
					+ "(its events: TransformationEvent commissioning)");
		assertThat(Files.readString(rejects("object_event_all_possible_fields.jsonld"))).contains("epcList[1]: ");
	}

	private IngestJobs examples() {
		return new IngestJobs(this.jobOperatorTestUtils, this.ingestJob, MappingFiles.JOBS.resolve("examples"));
	}

	private Path rejects(String example) {
		return IngestJobs.rejectsFile(this.layout, GS1_EXAMPLES.resolve(example), "epcis-observations");
	}

}
