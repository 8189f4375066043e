package org.lottrace.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service under bulk load, as users run it: {@code lottrace serve} in a child process
 * on a benchmark store, with a user made for the run. It times lot traces over HTTP with
 * nothing else running, asks for a product trace over the whole store (two years), then
 * starts the heaviest bulk work the budgets let through, of two kinds (the FDA records of
 * the busiest product over the whole store; its widest product trace) and times lot
 * traces again while each runs. Figures only: the budgets and lanes decide what happens,
 * this shows it.
 */
final class ServiceLoadBenchmark {

	/** The lots to trace ({@code code} and {@code assigner}) and the busiest product. */
	record Workload(List<String[]> lots, String product, String from, String to) {

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final TraceBenchmark.Settings settings;

	private final Consumer<String> out;

	private final Consumer<String> progress;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private String base = "";

	private String authorization = "";

	ServiceLoadBenchmark(TraceBenchmark.Settings settings, Consumer<String> out, Consumer<String> progress) {
		this.settings = settings;
		this.out = out;
		this.progress = progress;
	}

	/**
	 * A big request by itself: how it ended ({@code done}, {@code failed}, or refused
	 * with its HTTP status), and the seconds from its submission to its end (the
	 * service's own times) or to its refusal.
	 */
	record BigRequest(String ended, String detail, double seconds, boolean done) {

		@Override
		public String toString() {
			return String.format(Locale.ROOT, "%s after %.2f s%s", this.ended, this.seconds, this.detail);
		}

		/** How it ended and when, without the service's explanation. */
		String brief() {
			return String.format(Locale.ROOT, "%s after %.2f s", this.ended, this.seconds);
		}

	}

	/**
	 * What the service measured: the one-shot traces that asked it, and the two big
	 * requests over the whole store, each by itself (nothing else running).
	 */
	record Served(TraceBenchmark.OneShot oneShot, BigRequest productTrace, BigRequest fdaRecords) {

	}

	/**
	 * @param oneShot one-shot command-line traces, run while the service runs (the
	 * command asks it)
	 * @return what the service measured
	 */
	Served run(Path dir, Workload workload, Callable<TraceBenchmark.OneShot> oneShot) throws Exception {
		Process serve = start(dir);
		try {
			awaitReady(serve);
			Timings idle = lotTraces(workload, null);
			TraceBenchmark.OneShot served = oneShot.call();
			this.out.accept("  one-shot CLI trace while the service runs (the command asks it), JVM start included: "
					+ served);
			String command = (TraceBenchmark.lottraceCommand(this.settings.jar()).size() == 1) ? "./lottrace"
					: "java -jar";
			BigRequest product = alone(productTrace(workload));
			this.out.accept(String.format(Locale.ROOT,
					"  service (%s serve in a child process), nothing else running: product trace of %s over %s..%s %s",
					command, workload.product(), workload.from(), workload.to(), product));
			BigRequest records = alone(fdaRecords(workload));
			this.out.accept(String.format(Locale.ROOT,
					"  service, nothing else running: the FDA records of %s over %s..%s (every file written) %s",
					workload.product(), workload.from(), workload.to(), records));
			this.out.accept("    lot traces over HTTP with all reports, idle      " + idle);
			for (List<String> candidates : bulkWork(workload)) {
				String bulk = startBulk(candidates);
				Timings loaded = lotTraces(workload, bulk);
				JsonNode bulkView = awaitEnd(bulk);
				this.out.accept("    lot traces while the bulk work runs              " + loaded + "   ["
						+ loaded.count() + " traced while it ran]");
				this.out.accept(String.format(Locale.ROOT, "    the bulk work ended %s after %.1f s%s",
						bulkView.get("state").asString(), seconds(bulkView),
						bulkView.get("error").isNull() ? "" : ": " + bulkView.get("error").asString()));
			}
			return new Served(served, product, records);
		}
		finally {
			serve.destroy();
			serve.waitFor();
		}
	}

	/** Submits a request and follows it to its end, nothing else running beside it. */
	private BigRequest alone(String request) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = submit(request);
		if (!accepted(response)) {
			return new BigRequest("refused (" + response.statusCode() + ")", ": " + detail(response),
					(System.nanoTime() - started) / 1e9, false);
		}
		JsonNode view = awaitEnd(JSON.readTree(response.body()).get("id").asString());
		String state = view.get("state").asString();
		return new BigRequest(state, view.get("error").isNull() ? "" : ": " + view.get("error").asString(),
				seconds(view), "done".equals(state));
	}

	private static String productTrace(Workload workload) {
		return "/api/traces {\"product\":\"" + workload.product() + "\",\"from\":\"" + workload.from()
				+ "\",\"to\":\"" + workload.to() + "\"}";
	}

	private static String fdaRecords(Workload workload) {
		return "/api/reports {\"products\":[\"" + workload.product() + "\"],\"from\":\"" + workload.from()
				+ "\",\"to\":\"" + workload.to() + "\"}";
	}

	private Process start(Path dir) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.base = "http://127.0.0.1:" + port;
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString(("bench:" + password).getBytes(StandardCharsets.UTF_8));
		Path config = dir.resolve("serve-bench.yml");
		Files.writeString(config,
				"lottrace:\n  serve:\n    scan-on-start: false\n    access:\n      users:\n"
						+ "        - name: bench\n          password: \"{bcrypt}"
						+ new BCryptPasswordEncoder(4).encode(password) + "\"\n          roles: [READER]\n");
		this.progress.accept("  starting the service on " + dir.resolve("store"));
		List<String> command = new ArrayList<>(TraceBenchmark.lottraceCommand(this.settings.jar()));
		command.addAll(List.of("serve", "--port", String.valueOf(port), "--store", dir.resolve("store").toString(),
				"--jobs", this.settings.jobs().toString(), "--reports", dir.resolve("reports").toString(), "--inbox",
				dir.resolve("inbox").toString(), "--config", config.toString()));
		return new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve("serve.log").toFile())
			.start();
	}

	private void awaitReady(Process serve) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		while (System.nanoTime() < deadline) {
			if (!serve.isAlive()) {
				throw new IllegalStateException("the service ended with exit code " + serve.exitValue());
			}
			try {
				if (get("/api/products").statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("the service did not start within 5 minutes");
	}

	/**
	 * Lot traces one after the other; while {@code bulk} is given, only as long as it
	 * runs.
	 */
	private Timings lotTraces(Workload workload, @Nullable String bulk) throws Exception {
		Timings timings = new Timings();
		for (int i = 0; i < workload.lots().size(); i++) {
			if (bulk != null && !running(bulk)) {
				break;
			}
			String[] lot = workload.lots().get(i);
			long started = System.nanoTime();
			HttpResponse<String> response = post("/api/traces?wait=30000",
					"{\"lot\":\"" + lot[0] + "\",\"assigner\":\"" + lot[1] + "\"}");
			if (response.statusCode() != 201) {
				throw new IllegalStateException(
						"lot trace " + lot[0] + ": " + response.statusCode() + " " + detail(response));
			}
			timings.add(System.nanoTime() - started);
		}
		return timings;
	}

	/**
	 * Two kinds of bulk work, each as requests from the heaviest down: the FDA records of
	 * the product over the whole store, and its trace over ever shorter date ranges.
	 */
	private static List<List<String>> bulkWork(Workload workload) {
		List<String> traces = new ArrayList<>();
		for (int days : new int[] { 90, 30, 7, 1 }) {
			traces.add("/api/traces {\"product\":\"" + workload.product() + "\",\"from\":\""
					+ java.time.LocalDate.parse(workload.to()).minusDays(days - 1) + "\",\"to\":\"" + workload.to()
					+ "\"}");
		}
		return List.of(List.of(fdaRecords(workload)), traces);
	}

	/** Starts the first of the requests the budgets accept. @return its id */
	private String startBulk(List<String> candidates) throws Exception {
		for (String request : candidates) {
			HttpResponse<String> response = submit(request);
			if (accepted(response)) {
				this.out.accept("    bulk work started: " + request);
				return JSON.readTree(response.body()).get("id").asString();
			}
			this.out.accept("    refused (" + response.statusCode() + "): " + detail(response));
		}
		throw new IllegalStateException("the budgets refused every bulk request");
	}

	/** Posts a request written as its path, a space and its JSON body. */
	private HttpResponse<String> submit(String request) throws IOException, InterruptedException {
		int space = request.indexOf(' ');
		return post(request.substring(0, space), request.substring(space + 1));
	}

	/** Whether the service took the request: done at once (201) or running (202). */
	private static boolean accepted(HttpResponse<String> response) {
		return response.statusCode() == 201 || response.statusCode() == 202;
	}

	private boolean running(String id) throws Exception {
		return "running".equals(JSON.readTree(get("/api/traces/" + id).body()).get("state").asString());
	}

	private JsonNode awaitEnd(String id) throws Exception {
		while (true) {
			JsonNode view = JSON.readTree(get("/api/traces/" + id).body());
			if (!"running".equals(view.get("state").asString())) {
				return view;
			}
			Thread.sleep(500);
		}
	}

	private static double seconds(JsonNode view) {
		return Duration
			.between(java.time.Instant.parse(view.get("submitted").asString()),
					java.time.Instant.parse(view.get("finished").asString()))
			.toMillis() / 1000.0;
	}

	private static String detail(HttpResponse<String> response) {
		JsonNode body = JSON.readTree(response.body());
		return body.has("detail") ? body.get("detail").asString() : "state " + body.get("state").asString();
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.timeout(Duration.ofMinutes(2))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofMinutes(2))
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
