package org.lottrace.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lottrace.cli.Cli;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code lottrace trace} while the service runs on the same store: the service holds the
 * index, so the command asks it over HTTP with the token of the endpoint file, and prints
 * the answers as a trace run by itself prints them. The token is a reader's, and only the
 * running service's.
 */
class CommandLineIntegrationTests extends SampleDataServer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Path JAR = Path.of("target/lottrace.jar").toAbsolutePath();

	@Test
	void writesItsEndpointForTheStoresOwnerOnly() throws Exception {
		// when
		Path file = FOLDERS.store().resolve("_serve/endpoint.json");
		JsonNode endpoint = JSON.readTree(file.toFile());

		// then
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(endpoint.get("url").asString()).isEqualTo("http://127.0.0.1:" + this.port);
		assertThat(endpoint.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
		assertThat(endpoint.get("reports").asString()).isEqualTo(FOLDERS.reports().toAbsolutePath().toString());
		assertThat(endpoint.get("token").asString()).hasSize(43);
	}

	@Test
	void takesTheTokenAsAReadersAndNoOtherToken() throws Exception {
		// given
		String token = JSON.readTree(FOLDERS.store().resolve("_serve/endpoint.json").toFile()).get("token").asString();
		Api commandLine = bearer(token);
		Api guesser = bearer(token.substring(1) + "A");

		// when
		ResponseEntity<JsonNode> trace = commandLine.post("/api/traces?wait=30000", Map.of("lot", "C261014A"));
		ResponseEntity<JsonNode> ingestion = commandLine.post("/api/ingestions/inbox");
		ResponseEntity<JsonNode> guessed = guesser.post("/api/traces", Map.of("lot", "C261014A"));

		// then
		assertThat(trace.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(trace.getBody().get("answers").get("lots").asInt()).isEqualTo(50);
		assertThat(ingestion.getStatusCode()).as("an operator's action").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(guessed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void tracesFromTheCommandLineThroughTheRunningService() throws Exception {
		// given: what the service itself answers
		JsonNode answers = this.api.post("/api/traces?wait=30000", Map.of("lot", "C261014A")).getBody().get("answers");

		// when
		Run run = lottrace("trace", "--lot", "C261014A", "--store", FOLDERS.store().toString());

		// then: the gaps of the sample data make it exit 6, as a trace run here does
		assertThat(run.exit()).as("%s", run).isEqualTo(6);
		assertThat(run.out().get(0))
			.isEqualTo("Answered by the lottrace service running on this store (http://127.0.0.1:" + this.port
					+ ", process " + ProcessHandle.current().pid() + ")");
		assertThat(run.out()).contains("Trace of lot C261014A, both: 50 lots, " + answers.get("customers").size()
				+ " shipments, in " + run.elapsed() + " ms");
		assertThat(run.out()).contains("1. Which batch", answers.get("verdict").asString());
		assertThat(run.out()).anySatisfy((line) -> assertThat(line).contains("C261014A", "work order WO-1014-P"));
		String reports = run.out()
			.stream()
			.filter((line) -> line.startsWith("Reports (written by the service): "))
			.findFirst()
			.orElseThrow()
			.substring("Reports (written by the service): ".length());
		assertThat(Path.of(reports)).startsWith(FOLDERS.reports().toAbsolutePath());
		assertThat(Path.of(reports).resolve("trace.json")).isRegularFile();
		assertThat(run.out()).contains("   trace.json", "   fda-sortable-spreadsheet.xlsx");
	}

	@Test
	void theLauncherRecordsAnArchiveOfItsOwnForTracesTheServiceAnswers() throws Exception {
		// given: no such archive yet (the launcher's folder: target/runtime)
		int java = Runtime.version().feature();
		Path archive = Path.of("target", "runtime", "client-java" + java + ((java >= 25) ? ".aot" : ".jsa"));
		Files.deleteIfExists(archive);

		// when: two traces through ./lottrace, as users run them
		Run first = run(Cli.launcher("trace", "--lot", "C261014A", "--store", FOLDERS.store().toString()));
		ProcessBuilder withTheArchive = Cli.launcher("trace", "--lot", "C261014A", "--store",
				FOLDERS.store().toString());
		// the JVM fails to start when it cannot map the archive, rather than going on
		// without
		withTheArchive.environment().put("LOTTRACE_JAVA_OPTS", (java >= 25) ? "-XX:AOTMode=on" : "-Xshare:on");
		Run second = run(withTheArchive);

		// then: the first recorded it, the second started with it (nothing but it could
		// start), and the service answered both
		assertThat(first.err()).as("%s", first)
			.contains("lottrace: preparing a fast start for traces the running service answers (once per build)...");
		assertThat(archive).isNotEmptyFile();
		assertThat(second.err()).as("%s", second).noneMatch((line) -> line.contains("preparing a fast start"));
		for (Run run : List.of(first, second)) {
			assertThat(run.exit()).as("%s", run).isEqualTo(6);
			assertThat(run.out().get(0)).startsWith("Answered by the lottrace service running on this store");
			assertThat(run.out())
				.anySatisfy((line) -> assertThat(line).startsWith("Trace of lot C261014A, both: 50 lots"));
		}
	}

	@Test
	void endsAsATraceRunHereWouldWhenTheServiceRefuses() throws Exception {
		// when
		Run missing = lottrace("trace", "--lot", "NO-SUCH-LOT", "--store", FOLDERS.store().toString());

		// then
		assertThat(missing.exit()).as("%s", missing).isEqualTo(4);
		assertThat(missing.err()).anySatisfy((line) -> assertThat(line)
			.startsWith("lottrace: the running service (http://127.0.0.1:" + this.port + ") answered: ")
			.contains("NO-SUCH-LOT"));
	}

	private Api bearer(String token) {
		Api api = new Api(this.port, null);
		return new Api(api.client().mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build());
	}

	record Run(int exit, List<String> out, List<String> err) {

		/** The trace's own time, as the first answer line gives it. */
		String elapsed() {
			return this.out.stream()
				.filter((line) -> line.startsWith("Trace of "))
				.findFirst()
				.map((line) -> line.replaceAll(".* in (\\d+) ms$", "$1"))
				.orElse("?");
		}

	}

	private static Run lottrace(String... args) throws Exception {
		assertThat(JAR).as("the packaged application (Failsafe runs after package)").isRegularFile();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
						"-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return run(new ProcessBuilder(command));
	}

	private static Run run(ProcessBuilder command) throws Exception {
		Path out = Files.createTempFile("lottrace-out", ".txt");
		Path err = Files.createTempFile("lottrace-err", ".txt");
		try {
			Process process = command.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("ended in time").isTrue();
			return new Run(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
		}
		finally {
			Files.deleteIfExists(out);
			Files.deleteIfExists(err);
		}
	}

}
