package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lottrace ingest --no-index} leaves the trace index alone; {@code lottrace index}
 * brings it up to date, and {@code --rebuild} builds it again from the store with the
 * same content.
 */
class IndexCommandFunctionalTests {

	@TempDir
	Path store;

	@Test
	void buildsTheIndexLeftBehindByABulkIngestAndRebuildsItTheSame() throws Exception {
		// given
		Cli.Result ingested = Cli.run("ingest", "--no-index", "--store", this.store.toString(), "--jobs",
				Cli.JOBS.toString(), Cli.SAMPLE_DATA.resolve("erp").toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		assertThat(ingested.out()).noneMatch((line) -> line.startsWith("Trace index"));
		assertThat(this.store.resolve("_index")).doesNotExist();

		// when
		Cli.Result built = index();
		Cli.Result again = index();
		Cli.Result rebuilt = index("--rebuild");

		// then
		assertThat(built.exitCode()).as(built.toString()).isEqualTo(ExitCodes.OK);
		String applied = built.out().get(built.out().size() - 2);
		// every file as the Iceberg snapshots of the exports list them
		assertThat(built.out().get(built.out().size() - 1)).matches(
				"   data files read: [1-9]\\d* as the exports' Iceberg snapshots list them, 0 as only the commit log "
						+ "lists them");
		assertThat(applied).matches("Trace index: \\d+ committed file\\(s\\) applied, [\\d,]+ records added "
				+ "\\(\\d+ superseded\\), \\d+ work orders linked, in .*");
		assertThat(Files.exists(this.store.resolve("_index/lottrace.duckdb"))).isTrue();
		assertThat(again.out()).containsExactly("Trace index: up to date");
		assertThat(rebuilt.exitCode()).as(rebuilt.toString()).isEqualTo(ExitCodes.OK);
		assertThat(rebuilt.out()).first().isEqualTo("Trace index deleted; rebuilding it from the store...");
		assertThat(withoutTime(rebuilt.out().get(rebuilt.out().size() - 2))).isEqualTo(withoutTime(applied));
		assertThat(rebuilt.out().get(rebuilt.out().size() - 1)).isEqualTo(built.out().get(built.out().size() - 1));
	}

	@Test
	void tracingAndIndexingEndWithExitCodeFiveWhileAnotherProcessHoldsTheIndex() throws Exception {
		// given
		Cli.Result ingested = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.resolve("erp").toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);

		// when (this test's JVM holds the index as a running `serve` would)
		Cli.Result traced;
		Cli.Result indexed;
		try (Connection held = DriverManager
			.getConnection("jdbc:duckdb:" + this.store.resolve("_index/lottrace.duckdb"))) {
			traced = Cli.run("trace", "--lot", "HM-2609-114", "--store", this.store.toString(), "--jobs",
					Cli.JOBS.toString());
			indexed = index();
		}

		// then
		for (Cli.Result result : List.of(traced, indexed)) {
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.BUSY);
			assertThat(result.err()).singleElement()
				.asString()
				.startsWith("lottrace: the trace index ")
				.contains("is in use by another lottrace process");
		}
	}

	@Test
	void aTraceRunsItselfWhenTheServiceOfTheEndpointFileIsGone() throws Exception {
		// given: endpoint files a killed service left, one naming a process that has
		// ended, one a live process (this test's JVM) whose port no longer answers
		Cli.Result ingested = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.resolve("erp").toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		Process ended = new ProcessBuilder("true").start();
		ended.waitFor();
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		Path endpoint = Files.createDirectories(this.store.resolve("_serve")).resolve("endpoint.json");
		List<Cli.Result> traces = new java.util.ArrayList<>();
		for (long pid : new long[] { ended.pid(), ProcessHandle.current().pid() }) {
			Files.writeString(endpoint, "{\"url\": \"http://127.0.0.1:" + closedPort + "\", \"token\": \"t\", "
					+ "\"pid\": " + pid + ", \"reports\": \"/nowhere\"}");

			// when
			traces.add(Cli.run("trace", "--lot", "HM-2609-114", "--store", this.store.toString(), "--jobs",
					Cli.JOBS.toString(), "--reports", this.store.resolve("test-reports").toString()));
		}

		// then
		assertThat(traces).allSatisfy((trace) -> {
			assertThat(trace.exitCode()).as(trace.toString()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
			assertThat(trace.out()).first().asString().startsWith("Trace of lot HM-2609-114, both: ");
			assertThat(trace.out()).anySatisfy((line) -> assertThat(line).startsWith("Reports (")
				.contains(this.store.resolve("test-reports").toString()));
		});
	}

	private Cli.Result index(String... options) throws Exception {
		String[] args = new String[options.length + 5];
		args[0] = "index";
		System.arraycopy(options, 0, args, 1, options.length);
		System.arraycopy(new String[] { "--store", this.store.toString(), "--jobs", Cli.JOBS.toString() }, 0, args,
				options.length + 1, 4);
		return Cli.run(args);
	}

	private static String withoutTime(String line) {
		return line.substring(0, line.lastIndexOf(", in "));
	}

}
