package org.lottrace.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the packaged command line ({@code target/lottrace.jar}) in a process of its own.
 */
public final class Cli {

	static final Path JAR = Path.of("target/lottrace.jar").toAbsolutePath();

	static final Path TOOLS_JAR = Path.of("target/lottrace-tools.jar").toAbsolutePath();

	static final Path JOBS = Path.of("jobs").toAbsolutePath();

	static final Path SAMPLE_DATA = Path.of("sample-data").toAbsolutePath();

	private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

	private Cli() {
	}

	/** What a finished command printed, and its exit code. */
	record Result(int exitCode, List<String> out, List<String> err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\nout:\n" + String.join("\n", this.out) + "\nerr:\n"
					+ String.join("\n", this.err);
		}

	}

	/** A command that is running; what it prints is collected line by line. */
	static final class Running {

		private final Process process;

		private final BlockingQueue<String> err = new LinkedBlockingQueue<>();

		private final List<String> errLines = new ArrayList<>();

		private final BlockingQueue<String> out = new LinkedBlockingQueue<>();

		private final Thread[] pumps;

		Running(Process process) {
			this.process = process;
			this.pumps = new Thread[] { pump(process.getErrorStream(), this.err),
					pump(process.getInputStream(), this.out) };
		}

		Process process() {
			return this.process;
		}

		/** Waits for a line on standard error that contains {@code text}. */
		String awaitError(String text, long seconds) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
			while (System.nanoTime() < deadline) {
				String line = this.err.poll(100, TimeUnit.MILLISECONDS);
				if (line != null) {
					this.errLines.add(line);
					if (line.contains(text)) {
						return line;
					}
				}
				else if (!this.process.isAlive() && !this.pumps[0].isAlive()) {
					throw new AssertionError("the command ended (exit " + this.process.exitValue()
							+ ") before printing '" + text + "': " + this.out + this.errLines);
				}
			}
			throw new AssertionError("no '" + text + "' within " + seconds + " s: " + this.errLines);
		}

		/** Waits until the command is held at a fault point ({@code FaultPoint}). */
		void awaitFaultPoint(String point) throws InterruptedException {
			awaitError(org.lottrace.store.FaultPoint.WAITING + point, 180);
		}

		/** Kills the command (kill -9) and waits until it is gone. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
		}

		/** Waits for the command to end as a fault point halted it. */
		Result awaitHalted() throws InterruptedException {
			Result result = await();
			assertThat(result.exitCode()).as("halted at its fault point: %s", result)
				.isEqualTo(org.lottrace.store.FaultPoint.HALTED);
			return result;
		}

		Result await() throws InterruptedException {
			assertThat(this.process.waitFor(180, TimeUnit.SECONDS)).as("finished in time").isTrue();
			for (Thread pump : this.pumps) {
				pump.join();
			}
			List<String> errors = new ArrayList<>(this.errLines);
			this.err.drainTo(errors);
			List<String> output = new ArrayList<>();
			this.out.drainTo(output);
			return new Result(this.process.exitValue(), output, errors);
		}

		private static Thread pump(InputStream stream, BlockingQueue<String> lines) {
			Thread thread = new Thread(() -> {
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(stream, StandardCharsets.UTF_8))) {
					String line;
					while ((line = reader.readLine()) != null) {
						lines.add(line);
					}
				}
				catch (IOException ex) {
					// the process is gone
				}
			});
			thread.setDaemon(true);
			thread.start();
			return thread;
		}

	}

	static Result run(String... args) throws Exception {
		return start(args).await();
	}

	static Running start(String... args) throws IOException {
		return start(List.of(), args);
	}

	/** Runs the command stopped or held at a fault point ({@code FaultPoint}). */
	static Running startWithFault(String fault, String... args) throws IOException {
		return start(List.of("-D" + org.lottrace.store.FaultPoint.PROPERTY + "=" + fault), args);
	}

	/**
	 * Runs the command as users run it: through the {@code ./lottrace} launcher (the
	 * extracted jar and its class-data archive: about 40 % less start-up time and CPU
	 * than {@code java -jar} on two cores), with this JVM's Java and {@code jvmOptions}
	 * in {@code LOTTRACE_JAVA_OPTS}.
	 */
	static Running start(List<String> jvmOptions, String... args) throws IOException {
		assertThat(JAR).as("the packaged application (Failsafe runs after package)").isRegularFile();
		prepareLauncher();
		List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = launcher(command);
		builder.environment().put("LOTTRACE_JAVA_OPTS", String.join(" ", jvmOptions));
		Process process = builder.start();
		process.getOutputStream().close();
		return new Running(process);
	}

	/**
	 * Runs the product jar alone, {@code java -jar target/lottrace.jar}: without the
	 * launcher, which adds the tools' jar for {@code generate} and {@code bench}.
	 */
	static Result runProductJar(String... args) throws Exception {
		assertThat(JAR).as("the packaged application (Failsafe runs after package)").isRegularFile();
		List<String> command = new ArrayList<>(
				List.of(JAVA, "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=240m", "-jar", JAR.toString()));
		command.addAll(List.of(args));
		return launch(command).await();
	}

	/**
	 * The launcher with these arguments, prepared as {@link #start} prepares it and run
	 * with this JVM's Java: for the tests of other packages.
	 */
	public static ProcessBuilder launcher(String... args) throws IOException {
		prepareLauncher();
		List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
		command.addAll(List.of(args));
		return launcher(command);
	}

	/** Runs the command through the launcher with another Java. */
	static Result runWithJava(Path java, String... args) throws Exception {
		prepareLauncher();
		List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = launcher(command);
		builder.environment().put("LOTTRACE_JAVA", java.toString());
		Process process = builder.start();
		process.getOutputStream().close();
		return new Running(process).await();
	}

	/**
	 * The newest Java on this machine that is newer than the one running the tests (in
	 * {@code /usr/lib/jvm} or {@code LOTTRACE_TEST_JAVA}), which {@code ./lottrace
	 * fast-start} would pick; null when there is none.
	 */
	static @org.jspecify.annotations.Nullable Path newerJava() throws Exception {
		List<Path> candidates = new ArrayList<>();
		String given = System.getenv("LOTTRACE_TEST_JAVA");
		if (given != null) {
			candidates.add(Path.of(given));
		}
		if (Files.isDirectory(Path.of("/usr/lib/jvm"))) {
			try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
				homes.map((home) -> home.resolve("bin/java")).filter(Files::isExecutable).forEach(candidates::add);
			}
		}
		Path newest = null;
		int newestVersion = Runtime.version().feature();
		for (Path candidate : candidates) {
			Process process = new ProcessBuilder(candidate.toString(), "-XshowSettings:properties", "-version")
				.redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor();
			java.util.regex.Matcher version = java.util.regex.Pattern.compile("java\\.specification\\.version = (\\d+)")
				.matcher(text);
			if (version.find() && Integer.parseInt(version.group(1)) > newestVersion) {
				newest = candidate;
				newestVersion = Integer.parseInt(version.group(1));
			}
		}
		return newest;
	}

	static final Path LAUNCHER = Path.of("lottrace").toAbsolutePath();

	private static boolean launcherReady;

	/**
	 * Lets the launcher extract the jar and record its class-data archive once, before
	 * any test runs a command: the test JVMs running side by side take turns through a
	 * file lock, so no command meets a half-extracted jar or the launcher's first-run
	 * message.
	 */
	private static synchronized void prepareLauncher() throws IOException {
		if (launcherReady) {
			return;
		}
		Path lock = Path.of("target", "cli-launcher.lock").toAbsolutePath();
		try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
				java.nio.channels.FileLock held = channel.lock()) {
			Process process = launcher(List.of("bash", LAUNCHER.toString(), "--version")).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			assertThat(process.waitFor(300, TimeUnit.SECONDS)).as("the launcher prepared itself").isTrue();
			assertThat(process.exitValue()).as("./lottrace --version").isZero();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		launcherReady = true;
	}

	private static ProcessBuilder launcher(List<String> command) {
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("LOTTRACE_JAVA", JAVA);
		builder.environment().remove("LOTTRACE_JAVA_OPTS");
		return builder;
	}

	/**
	 * Runs a command of the tools ({@code generate}, {@code bench}): the product jar with
	 * {@code target/lottrace-tools.jar} added, as {@code ./lottrace} runs them.
	 */
	static Result runTool(String... args) throws Exception {
		assertThat(TOOLS_JAR).as("the tools jar (Failsafe runs after package)").isRegularFile();
		List<String> command = new ArrayList<>(List.of(JAVA, "-XX:TieredStopAtLevel=1",
				"-XX:ReservedCodeCacheSize=240m", "-XX:+UseSerialGC", "-Dloader.path=" + TOOLS_JAR, "-cp",
				JAR.toString(), "org.springframework.boot.loader.launch.PropertiesLauncher"));
		command.addAll(List.of(args));
		return launch(command).await();
	}

	private static Running launch(List<String> command) throws IOException {
		Process process = new ProcessBuilder(command).start();
		process.getOutputStream().close();
		return new Running(process);
	}

	/** A copy of the project's jobs folder, to break or change. */
	static Path copyOfJobs(Path into) {
		try (Stream<Path> files = Files.list(JOBS)) {
			Files.createDirectories(into);
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.copy(file, into.resolve(file.getFileName()));
			}
			return into;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
