package org.lottrace.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.PrivateFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job repository is an embedded H2 file that no other process can reach: a command
 * that needs it while another process has it open ends with exit code 5 (store busy) and
 * one line that says so, and the store it lives in is closed to other users.
 */
class JobRepositoryFunctionalTests {

	@TempDir
	Path store;

	@Test
	void endsWithExitCodeFiveWhileAnotherProcessHasTheJobRepositoryOpen() throws Exception {
		// given
		Cli.Result ingested = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.resolve("erp/SITES.csv").toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.OK);

		// when (this test's JVM holds the job repository as a running `serve` would)
		Cli.Result ingesting;
		try (Connection held = DriverManager.getConnection("jdbc:h2:file:" + this.store.resolve("_batch/jobs"), "sa",
				"")) {
			ingesting = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
					Cli.SAMPLE_DATA.resolve("erp/ITEMS.csv").toString());
		}

		// then
		assertThat(ingesting.exitCode()).as(ingesting.toString()).isEqualTo(ExitCodes.BUSY);
		assertThat(ingesting.err()).containsExactly(Launcher.JOB_REPOSITORY_BUSY);
	}

	@Test
	void keepsTheStoreClosedToOtherUsers() throws Exception {
		// when
		Cli.Result ingested = Cli.run("ingest", "--store", this.store.resolve("new").toString(), "--jobs",
				Cli.JOBS.toString(), Cli.SAMPLE_DATA.resolve("erp/SITES.csv").toString());

		// then
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.OK);
		assertThat(PrivateFiles.openToOthers(this.store.resolve("new"))).isFalse();
		assertThat(List.of("_batch/jobs.mv.db", "_commits"))
			.allSatisfy((name) -> assertThat(this.store.resolve("new").resolve(name)).exists());
	}

}
