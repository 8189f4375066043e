package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lottrace plan} on the sample bakery: the first version, no new version while
 * nothing changes, a new one (superseding the first, which stays) once the point of
 * contact is set, and the list of versions with how long each must be kept.
 */
class PlanCommandFunctionalTests {

	@TempDir
	Path folder;

	@Test
	void writesAVersionPerChangeOfContentAndWarnsWhileNoPointOfContactIsSet() throws Exception {
		// given
		Path store = this.folder.resolve("store");
		Cli.Result ingested = Cli.run("ingest", "--no-index", "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), Cli.SAMPLE_DATA.resolve("erp").toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		Path contact = Files.writeString(this.folder.resolve("contact.yml"), """
				lottrace:
				  plan:
				    contact:
				      name: Jane Miller, QA manager
				      phone: +1 217-555-0199
				""");

		// when
		Cli.Result first = plan();
		Cli.Result unchanged = plan();
		Cli.Result withContact = plan("--config", contact.toString());
		Cli.Result list = plan("--list");

		// then
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
		assertThat(first.out().get(0)).matches("Traceability plan: new version \\d{4}-\\d{2}-\\d{2} \\(the first\\)");
		assertThat(first.err()).singleElement()
			.asString()
			.startsWith("lottrace: warning: no point of contact is set (§ 1.1315(a)(4))");
		Path html = Path.of(first.out().get(1).strip());
		assertThat(html.getFileName().toString()).matches("traceability-plan-\\d{4}-\\d{2}-\\d{2}\\.html");
		assertThat(Files.readString(html)).contains("Food traceability plan: Sunrise Bakery", "Shell eggs",
				"not set (lottrace.plan.contact.name)");
		assertThat(unchanged.out().get(0)).startsWith("Traceability plan: unchanged since version ");
		assertThat(withContact.exitCode()).as(withContact.toString()).isEqualTo(ExitCodes.OK);
		assertThat(withContact.err()).isEmpty();
		assertThat(withContact.out().get(0)).matches("Traceability plan: new version \\d{4}-\\d{2}-\\d{2} "
				+ "\\(supersedes \\d{4}-\\d{2}-\\d{2}; keep that one until at least \\d{4}-\\d{2}-\\d{2}\\)");
		assertThat(Files.readString(Path.of(withContact.out().get(2).strip())))
			.contains("- **Name:** Jane Miller, QA manager");
		assertThat(Files.readString(html)).as("the superseded version, unchanged")
			.contains("not set (lottrace.plan.contact.name)");
		assertThat(list.out()).hasSize(3);
		assertThat(list.out().get(1)).matches("traceability-plan-[\\d-]+ +[\\d-]+ +[\\d-]+ +[\\d-]+");
		assertThat(list.out().get(2)).matches("traceability-plan-[\\d-]+-2 +[\\d-]+ +current +in effect");
	}

	private Cli.Result plan(String... options) throws Exception {
		String[] args = new String[options.length + 7];
		args[0] = "plan";
		System.arraycopy(options, 0, args, 1, options.length);
		System.arraycopy(new String[] { "--store", this.folder.resolve("store").toString(), "--jobs",
				Cli.JOBS.toString(), "--plans", this.folder.resolve("plans").toString() }, 0, args, options.length + 1,
				6);
		return Cli.run(args);
	}

}
