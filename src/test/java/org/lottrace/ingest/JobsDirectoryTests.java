package org.lottrace.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.RecordKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The jobs folder: every mapping in it, checked together. */
class JobsDirectoryTests {

	private static final Path EXAMPLES = MappingFiles.JOBS.resolve("examples");

	private static final Path FARM = Path.of("src/test/resources/ingest/farm");

	@TempDir
	Path dir;

	@Test
	void readsTheProjectsMappingsButNotItsExamples() {
		// when
		JobsDirectory jobs = JobsDirectory.read(MappingFiles.JOBS);

		// then
		assertThat(jobs.mappings()).extracting(SourceMapping::source)
			.containsExactly("erp-items", "erp-production", "erp-receiving", "erp-sites", "erp-vendors",
					"scale-tickets", "shipping-customers", "shipping");
		assertThat(jobs.matching(Path.of("inbox/RCV_20261005.csv"))).extracting(SourceMapping::source)
			.containsExactly("erp-receiving");
		assertThat(jobs.matching(Path.of("HARVEST_20261001.tsv"))).isEmpty();
	}

	@Test
	void readsTheExampleMappingsOfEveryFarmAndSeafoodCte() {
		// when
		JobsDirectory jobs = JobsDirectory.read(EXAMPLES);

		// then
		assertThat(jobs.mappings()).extracting(SourceMapping::kind)
			.contains(RecordKind.HARVESTING, RecordKind.COOLING, RecordKind.INITIAL_PACKING,
					RecordKind.FIRST_LAND_BASED_RECEIVING, RecordKind.LOCATION, RecordKind.PRODUCT);
	}

	@Test
	void keepsTheExampleMappingsEqualToTheTestedOnes() throws IOException {
		// given
		List<Path> tested;
		try (Stream<Path> files = Files.list(FARM)) {
			tested = files.filter((f) -> f.toString().endsWith(".yml")).sorted().toList();
		}

		// then
		assertThat(tested).hasSize(7);
		for (Path file : tested) {
			assertThat(EXAMPLES.resolve(file.getFileName())).hasSameTextualContentAs(file);
		}
	}

	@Test
	void reportsTheProblemsOfEveryFileAndSourcesDefinedTwice() throws IOException {
		// given
		Files.copy(MappingFiles.JOBS.resolve("units.yml"), this.dir.resolve("units.yml"));
		Files.copy(MappingFiles.JOBS.resolve("shipping.yml"), this.dir.resolve("shipping.yml"));
		Files.copy(MappingFiles.JOBS.resolve("shipping.yml"), this.dir.resolve("shipping-copy.yaml"));
		MappingFiles.write(this.dir, "broken.yml", "source: broken\nkind: receiving\n");
		MappingFiles.write(this.dir, "notes.txt", "not a mapping");

		// when
		MappingException ex = catchThrowableOfType(MappingException.class, () -> JobsDirectory.read(this.dir));

		// then
		assertThat(ex.problems()).contains(
				"broken.yml: key: give the columns that identify a row across exports, e.g. [BOL, Line]",
				"source 'shipping' is defined by 2 files");
		assertThat(ex.problems()).allMatch((p) -> !p.startsWith("notes.txt"));
	}

	@Test
	void refusesAFolderThatDoesNotExist() {
		// when
		MappingException ex = catchThrowableOfType(MappingException.class,
				() -> JobsDirectory.read(this.dir.resolve("missing")));

		// then
		assertThat(ex.problems())
			.containsExactly("the jobs folder does not exist; set lottrace.ingest.jobs or pass --jobs");
	}

}
