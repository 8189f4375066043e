package org.lottrace.plan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.plan.PlanDocument.VersionBlock;
import org.lottrace.plan.PlanVersions.Rendered;
import org.lottrace.plan.PlanVersions.Version;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans folder: a version per change of content, named by its date, never rewritten,
 * each saying what it supersedes and how long that must be kept.
 */
class PlanVersionsTests {

	private static final LocalDate NOVEMBER_23 = LocalDate.of(2026, 11, 23);

	@TempDir
	Path root;

	@Test
	void writesTheFirstVersionNamedByItsDate() throws Exception {
		// given
		PlanVersions versions = new PlanVersions(this.root);

		// when
		Optional<Version> written = write(versions, NOVEMBER_23,
				PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts()));

		// then
		assertThat(written).isPresent();
		assertThat(this.root.resolve("traceability-plan-2026-11-23.md")).isRegularFile();
		assertThat(this.root.resolve("traceability-plan-2026-11-23.html")).isRegularFile();
		String markdown = Files.readString(written.get().markdown());
		assertThat(markdown)
			.contains("- **Version:** 2026-11-23 (in effect from this date)",
					"- **Supersedes:** nothing: this is the first version")
			.endsWith(" -->\n");
		assertThat(Files.getPosixFilePermissions(written.get().markdown()))
			.isEqualTo(PosixFilePermissions.fromString("r--r-----"));
		assertThat(versions.list()).singleElement()
			.satisfies((v) -> assertThat(v.contentSha256()).isEqualTo(written.get().contentSha256()));
	}

	@Test
	void writesNoNewVersionWhileTheContentIsTheSame() throws Exception {
		// given
		PlanVersions versions = new PlanVersions(this.root);
		write(versions, NOVEMBER_23, PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts()));
		String first = Files.readString(this.root.resolve("traceability-plan-2026-11-23.md"));

		// when: a month later, nothing changed
		Optional<Version> again = write(versions, NOVEMBER_23.plusMonths(1),
				PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts()));

		// then
		assertThat(again).isEmpty();
		assertThat(versions.list()).hasSize(1);
		assertThat(Files.readString(this.root.resolve("traceability-plan-2026-11-23.md"))).isEqualTo(first);
	}

	@Test
	void keepsTheSupersededVersionUnchangedAndSaysHowLongToKeepIt() throws Exception {
		// given
		PlanVersions versions = new PlanVersions(this.root);
		write(versions, NOVEMBER_23, PlanFixture.content(PlanFixture.NOBODY, PlanFixture.bakeryProducts()));
		String first = Files.readString(this.root.resolve("traceability-plan-2026-11-23.md"));

		// when: the point of contact is set the same day, and a food is added in January
		write(versions, NOVEMBER_23, PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts()));
		Optional<Version> january = write(versions, LocalDate.of(2027, 1, 4),
				PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts().subList(0, 2)));

		// then
		assertThat(versions.list()).extracting(Version::name)
			.containsExactly("traceability-plan-2026-11-23", "traceability-plan-2026-11-23-2",
					"traceability-plan-2027-01-04");
		assertThat(Files.readString(this.root.resolve("traceability-plan-2026-11-23.md"))).isEqualTo(first);
		assertThat(Files.readString(january.get().markdown()))
			.contains("- **Supersedes:** the version of 2026-11-23, which is kept at least until 2029-01-04 (two years "
					+ "after it was superseded, § 1.1315(c))");
		assertThat(Files.readString(january.get().html())).contains("<dd id=\"version-date\">2027-01-04");
	}

	private static Optional<Version> write(PlanVersions versions, LocalDate date, PlanContent content) {
		return versions.writeIfChanged(date, PlanDocument.contentSha256(content), (superseded) -> {
			VersionBlock block = VersionBlock.of(date, superseded, date + " 09:00:00 +00:00");
			return new Rendered(PlanDocument.markdown(content, block), PlanDocument.html(content, block));
		});
	}

}
