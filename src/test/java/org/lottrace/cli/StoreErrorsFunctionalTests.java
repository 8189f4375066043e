package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line ends with a documented exit code and one line that says what happened,
 * never with a database's message: a read command on a store that is not there (or holds
 * nothing) ends with 4 and creates nothing; a command that needs what another process
 * holds (the store's write lock, the job repository, the trace index) ends with 5.
 */
class StoreErrorsFunctionalTests {

	private static final List<List<String>> READ_COMMANDS = List.of(List.of("trace", "--lot", "C261014A"),
			List.of("report", "--lot", "C261014A"), List.of("index"), List.of("index", "--rebuild"),
			List.of("ingest", "--dry-run", Cli.SAMPLE_DATA.resolve("erp/RCV_20261019.csv").toString()));

	@TempDir
	Path work;

	@Test
	void readCommandsOnAMistypedStoreEndWithFourAndCreateNothing() throws Exception {
		// given
		Path missing = this.work.resolve("stroe");

		for (List<String> command : READ_COMMANDS) {
			// when
			Cli.Result result = Cli.run(args(command, missing));

			// then
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
			assertThat(result.err()).as(result.toString()).containsExactly("lottrace: no store at " + missing);
			assertThat(missing).as("after %s", command).doesNotExist();
		}
	}

	@Test
	void readCommandsOnAStoreWithNothingIngestedEndWithFourAndLeaveItAsItWas() throws Exception {
		// given
		Path empty = Files.createDirectory(this.work.resolve("store"));

		for (List<String> command : READ_COMMANDS) {
			// when
			Cli.Result result = Cli.run(args(command, empty));

			// then
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
			assertThat(result.err()).as(result.toString())
				.containsExactly("lottrace: no store at " + empty + ": nothing has been ingested into it yet "
						+ "(lottrace ingest --store " + empty + " PATH...)");
			try (Stream<Path> files = Files.list(empty)) {
				assertThat(files).as("after %s", command).isEmpty();
			}
		}
	}

	@Test
	void commandsThatMeetARunningIngestionEndWithFive() throws Exception {
		// given: an ingestion held part-way (it holds the store's write lock and the job
		// repository)
		Path store = this.work.resolve("store");
		Cli.Result masterData = Cli.run(args(List.of("ingest", Cli.SAMPLE_DATA.resolve("erp").toString(),
				Cli.SAMPLE_DATA.resolve("shipping/CUSTOMERS.txt").toString()), store));
		assertThat(masterData.exitCode()).as(masterData.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		Cli.Running ingesting = Cli.startWithFault("ingest.chunk:wait",
				args(List.of("ingest", Cli.SAMPLE_DATA.resolve("shipping").toString()), store));
		ingesting.awaitFaultPoint("ingest.chunk");

		// when
		Cli.Result rebuilt;
		Cli.Result indexed;
		Cli.Result traced;
		try {
			rebuilt = Cli.run(args(List.of("index", "--rebuild"), store));
			indexed = Cli.run(args(List.of("index"), store));
			traced = Cli.run(args(List.of("trace", "--lot", "C261014A"), store));
		}
		finally {
			ingesting.kill();
		}

		// then
		for (Cli.Result result : List.of(rebuilt, indexed, traced)) {
			assertBusy(result);
		}
		assertThat(store.resolve("_index/lottrace.duckdb")).as("the index was not deleted").exists();
	}

	@Test
	void commandsThatMeetAnIndexRebuildEndWithFive() throws Exception {
		// given: a store, and an index rebuild held inside its refresh
		Path store = this.work.resolve("store");
		Cli.Result ingested = Cli.run(args(List.of("ingest", Cli.SAMPLE_DATA.resolve("erp").toString()), store));
		assertThat(ingested.exitCode()).as(ingested.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		Cli.Running rebuilding = Cli.startWithFault("index.applying:wait", args(List.of("index", "--rebuild"), store));
		rebuilding.awaitFaultPoint("index.applying");

		// when
		Cli.Result ingesting;
		Cli.Result traced;
		try {
			ingesting = Cli.run(args(List.of("ingest", Cli.SAMPLE_DATA.resolve("shipping").toString()), store));
			traced = Cli.run(args(List.of("trace", "--lot", "HM-2609-114"), store));
		}
		finally {
			rebuilding.kill();
		}
		Cli.Result afterwards = Cli.run(args(List.of("trace", "--lot", "HM-2609-114"), store));

		// then: each says another process holds the store; once the rebuild is gone the
		// index is built again
		assertBusy(ingesting);
		assertThat(ingesting.out()).isEmpty();
		assertBusy(traced);
		assertThat(afterwards.exitCode()).as(afterwards.toString()).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
	}

	/**
	 * Exit code 5 and one line naming what another process holds: the job repository (an
	 * embedded H2 file, held by every command that has started), the store's write lock
	 * or the trace index (with a server job repository), never a database's message.
	 */
	private static void assertBusy(Cli.Result result) {
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.BUSY);
		assertThat(result.err()).as(result.toString())
			.singleElement()
			.asString()
			.satisfiesAnyOf((line) -> assertThat(line).isEqualTo(Launcher.JOB_REPOSITORY_BUSY),
					(line) -> assertThat(line)
						.startsWith("lottrace: another lottrace process is writing to the store "),
					(line) -> assertThat(line).startsWith("lottrace: the trace index ")
						.contains(" is in use by another lottrace process"));
	}

	private static String[] args(List<String> command, Path store) {
		List<String> args = new ArrayList<>(command);
		args.addAll(List.of("--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports",
				store.resolveSibling("reports").toString()));
		return args.toArray(String[]::new);
	}

}
