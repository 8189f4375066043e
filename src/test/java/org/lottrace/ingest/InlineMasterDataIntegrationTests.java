package org.lottrace.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.ingest.IngestResult.Status;
import org.lottrace.store.StoreLayout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site's own locations written in a mapping file ({@code rows:}) instead of an export,
 * in a jobs folder of its own without a {@code units.yml} (lottrace's default units
 * serve): ingested at every run when they changed, never twice, an edit superseding the
 * earlier version.
 */
@SpringBootTest
@ActiveProfiles("test")
class InlineMasterDataIntegrationTests {

	@TempDir
	static Path store;

	@TempDir
	static Path jobs;

	@DynamicPropertySource
	static void storeProperties(DynamicPropertyRegistry registry) {
		registry.add("lottrace.store.root", () -> store.toString());
		registry.add("lottrace.ingest.jobs", () -> jobs.toString());
	}

	@Autowired
	IngestService service;

	@Autowired
	StoreLayout layout;

	@Test
	void ingestsTheLocationsOfAMappingFileOnceAndAgainWhenTheyChange() throws Exception {
		// given
		writeSites("+1 555-0100");

		// when
		List<IngestResult> first = this.service.ingest(this.service.plan(List.of(), null));
		List<IngestResult> again = this.service.ingest(this.service.plan(List.of(), null));
		writeSites("+1 555-0199");
		List<IngestResult> edited = this.service.ingest(this.service.plan(List.of(), null));

		// then
		assertThat(first).singleElement().satisfies((r) -> {
			assertThat(r.status()).isEqualTo(Status.INGESTED);
			assertThat(r.source()).isEqualTo("own-sites");
			assertThat(r.file().getFileName()).hasToString("own-sites.yml");
			assertThat(List.of(r.read(), r.written(), r.rejected())).containsExactly(2L, 2L, 0L);
		});
		assertThat(again).singleElement().extracting(IngestResult::status).isEqualTo(Status.ALREADY_INGESTED);
		assertThat(edited).singleElement().satisfies((r) -> {
			assertThat(r.status()).isEqualTo(Status.INGESTED);
			assertThat(r.superseded()).isEqualTo(2);
		});
		assertThat(StoreQueries.rows(store,
				"SELECT location_code, business_name, phone, state, source_file, "
						+ "source_line FROM location ORDER BY 1"))
			.containsExactly(
					List.of("DC-EAST", "Hillside Foods East Warehouse", "+1 555-0199", "PA", "own-sites.yml", "3"),
					List.of("PLANT-1", "Hillside Foods", "+1 555-0199", "PA", "own-sites.yml", "2"));
	}

	@Test
	void refusesRowsOfAFieldTheKindDoesNotHave(@TempDir Path otherJobs) throws IOException {
		// given
		Files.writeString(otherJobs.resolve("bad-sites.yml"), """
				source: bad-sites
				kind: location
				rows:
				  - {location_code: X-1, buisness_name: Typo Inc.}
				""");

		// when, then
		org.assertj.core.api.Assertions.assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> JobsDirectory.read(otherJobs))
			.satisfies((ex) -> assertThat(ex.problems()).contains(
					"bad-sites.yml: rows[0].buisness_name: not a field of kind location",
					"bad-sites.yml: fields: kind location needs business_name (§ 1.1310 location description); map "
							+ "it to a column or a constant"));
	}

	private static void writeSites(String phone) throws IOException {
		Files.writeString(jobs.resolve("own-sites.yml"), """
				source: own-sites
				description: Our plant and warehouse (no export has them)
				kind: location
				rows:
				  - location_code: PLANT-1
				    location_type: site
				    business_name: Hillside Foods
				    phone: "%s"
				    street: 12 Orchard Road
				    city: Lancaster
				    state: PA
				    postal_code: "17601"
				    country: US
				  - location_code: DC-EAST
				    location_type: site
				    business_name: Hillside Foods East Warehouse
				    phone: "%s"
				    street: 400 Depot Lane
				    city: Lancaster
				    state: PA
				    postal_code: "17602"
				    country: US
				""".formatted(phone, phone));
	}

}
