package org.lottrace.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceAnswers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code lottrace serve} running on the same store, found through the endpoint file it
 * writes ({@code store/_serve/endpoint.json}, readable by the store's owner only), and
 * asked over HTTP with the token in that file. The service holds the store's index, so a
 * trace run here would be refused; asked instead, it answers from its links in memory and
 * writes the reports in its own reports folder. A file left by a service that is gone
 * (its process is not running, its port does not answer, or it does not take the token)
 * is ignored, and the command runs the trace itself.
 */
final class RunningService {

	/** How long one request waits on the service before following it by polling. */
	private static final int WAIT_MILLIS = 30_000;

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** What the endpoint file says. */
	record Endpoint(String url, String token, long pid, @Nullable String reports) {

	}

	/** The part of the service's answer the command prints. */
	record View(String id, String state, @Nullable String error, @Nullable String folder,
			@Nullable TraceAnswers answers, @Nullable List<FileLink> files) {

	}

	record FileLink(String name) {

	}

	/** A problem detail, as every API error is answered. */
	record Problem(@Nullable String detail) {

	}

	private final Endpoint endpoint;

	/** A status and body. */
	private record Response(int statusCode, String body) {

	}

	private RunningService(Endpoint endpoint) {
		this.endpoint = endpoint;
	}

	/** The service running on the store at {@code root}, if one wrote its endpoint. */
	static @Nullable RunningService find(Path root) {
		Path file = root.resolve("_serve").resolve("endpoint.json");
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try {
			Endpoint endpoint = JSON.readValue(file.toFile(), Endpoint.class);
			boolean alive = ProcessHandle.of(endpoint.pid()).map(ProcessHandle::isAlive).orElse(false);
			return alive ? new RunningService(endpoint) : null;
		}
		catch (JacksonException | SecurityException ex) {
			return null;
		}
	}

	Endpoint endpoint() {
		return this.endpoint;
	}

	/**
	 * Asks the service for a trace and prints its answers and reports as a trace run here
	 * prints them.
	 * @param body the trace request, as {@code POST /api/traces} takes it
	 * @return the exit code, or null when the service did not answer (the caller then
	 * runs the trace itself)
	 */
	@Nullable Integer trace(Map<String, Object> body, Console console) throws InterruptedException {
		Response response;
		try {
			response = send("/api/traces?wait=" + WAIT_MILLIS, JSON.writeValueAsString(body));
		}
		catch (IOException ex) {
			return null;
		}
		int status = response.statusCode();
		if (status == 401) {
			// a token this service does not take: the file of another run
			return null;
		}
		if (status != 201 && status != 202) {
			throw new CommandException(exitCode(status),
					"the running service (" + this.endpoint.url() + ") answered: " + detail(response.body(), status));
		}
		View view = read(response.body());
		while ("running".equals(view.state())) {
			Thread.sleep(250);
			try {
				Response followed = send("/api/traces/" + view.id(), null);
				if (followed.statusCode() != 200) {
					throw new CommandException(ExitCodes.FAILED, "the running service stopped answering about trace "
							+ view.id() + ": " + detail(followed.body(), followed.statusCode()));
				}
				view = read(followed.body());
			}
			catch (IOException ex) {
				throw new CommandException(ExitCodes.FAILED, "the running service (" + this.endpoint.url()
						+ ") stopped answering during the trace: " + ex.getMessage());
			}
		}
		TraceAnswers answers = view.answers();
		if (!"done".equals(view.state()) || answers == null) {
			throw new CommandException(ExitCodes.FAILED, "the running service could not trace: " + view.error());
		}
		console.printf("Answered by the lottrace service running on this store (%s, process %d)%n", this.endpoint.url(),
				this.endpoint.pid());
		new TraceText(console).print(answers);
		console.println("");
		String reports = (this.endpoint.reports() != null) ? this.endpoint.reports() : "its reports folder";
		console.printf("Reports (written by the service): %s%n",
				Path.of(reports).resolve(String.valueOf(view.folder())));
		for (FileLink file : (view.files() != null) ? view.files() : List.<FileLink>of()) {
			console.println("   " + file.name());
		}
		markAnswered();
		return answers.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
	}

	/**
	 * Leaves the mark the launcher asks for ({@code LOTTRACE_ANSWERED_MARK}, an empty
	 * file) when it records the class-data archive of traces that a running service
	 * answers: it keeps the archive only when the service answered.
	 */
	private static void markAnswered() {
		String mark = System.getenv("LOTTRACE_ANSWERED_MARK");
		if (mark == null || mark.isBlank()) {
			return;
		}
		try {
			Files.writeString(Path.of(mark), "");
		}
		catch (IOException | RuntimeException ex) {
			// only the launcher's archive depends on it: recorded again next time
		}
	}

	/**
	 * One request to the service on the loopback address. (A plain connection: the JDK's
	 * {@code HttpClient} loads the TLS trust store when it is made: about 0.3 s of this
	 * command at 50 million events, for a request that is never TLS.)
	 * @param json the body of a POST, or null for a GET
	 */
	private Response send(String path, @Nullable String json) throws IOException {
		URLConnection opened;
		try {
			opened = URI.create(this.endpoint.url() + path).toURL().openConnection();
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("not an address: " + this.endpoint.url(), ex);
		}
		if (!(opened instanceof HttpURLConnection connection)) {
			throw new IOException("not an HTTP address: " + this.endpoint.url());
		}
		try {
			connection.setConnectTimeout(2_000);
			connection.setReadTimeout(WAIT_MILLIS + 15_000);
			connection.setInstanceFollowRedirects(false);
			connection.setRequestProperty("Authorization", "Bearer " + this.endpoint.token());
			connection.setRequestProperty("Accept", "application/json");
			if (json != null) {
				connection.setRequestMethod("POST");
				connection.setDoOutput(true);
				connection.setRequestProperty("Content-Type", "application/json");
				try (OutputStream out = connection.getOutputStream()) {
					out.write(json.getBytes(StandardCharsets.UTF_8));
				}
			}
			int status = connection.getResponseCode();
			InputStream in = (status >= 400) ? connection.getErrorStream() : connection.getInputStream();
			String body = "";
			if (in != null) {
				try (in) {
					body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
			}
			return new Response(status, body);
		}
		finally {
			connection.disconnect();
		}
	}

	private static View read(String body) {
		try {
			return JSON.readValue(body, View.class);
		}
		catch (JacksonException ex) {
			throw new CommandException(ExitCodes.FAILED,
					"the running service's answer could not be read: " + ex.getOriginalMessage());
		}
	}

	/** The exit code a trace run here would end with for the same refusal. */
	static int exitCode(int status) {
		return switch (status) {
			case 400, 409, 422 -> ExitCodes.USAGE;
			case 404 -> ExitCodes.NOT_FOUND;
			case 429, 503 -> ExitCodes.BUSY;
			default -> ExitCodes.FAILED;
		};
	}

	private static String detail(String body, int status) {
		try {
			String detail = JSON.readValue(body, Problem.class).detail();
			if (detail != null) {
				return detail;
			}
		}
		catch (JacksonException ex) {
			// not a problem detail
		}
		return "HTTP " + status;
	}

}
