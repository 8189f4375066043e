package org.lottrace.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.lottrace.generate.SyntheticBakery;
import org.lottrace.generate.SyntheticBakery.Export;
import org.springframework.util.FileSystemUtils;

/**
 * The fixed cost of one-shot commands, as users pay it: whole processes started the way
 * users start them (the {@code ./lottrace} launcher when the benchmark runs through it,
 * else {@code java -jar}), timed from start to exit. Several ways of starting (two
 * launchers, say) take turns in each round, so a machine whose load changes during the
 * run weighs on each alike. Beside the wall time, the CPU time the command's processes
 * used (on Linux): on a machine shared with other work it says more than the wall time. Two commands: the ingestion of a
 * small shipping export (every night's file pays this on top of its rows), into a fresh
 * store that holds the master data, trace index refresh included; and a one-shot trace
 * of the sample complaint lot on the sample store, every report written, by the command
 * itself and, at the end, while {@code serve} runs on that store (the command asks it).
 */
public final class FixedCostBenchmark {

	/** The figure both commands aim at, from the shell to the process's exit. */
	public static final double TARGET_SECONDS = 1.5;

	/**
	 * @param data where the export and the stores go (kept between runs)
	 * @param commands how a user starts lottrace ({@code ./lottrace} or
	 * {@code java -jar ...}), one or more ways to compare
	 */
	public record Settings(Path data, List<List<String>> commands, Path jobs, Path sampleData, long rows, int runs) {

	}

	private final Settings settings;

	private final Consumer<String> out;

	private final Consumer<String> progress;

	public FixedCostBenchmark(Settings settings, Consumer<String> out, Consumer<String> progress) {
		this.settings = settings;
		this.out = out;
		this.progress = progress;
	}

	public void run() throws IOException, InterruptedException {
		String machine = FreshMemory.describe().orElse("");
		Path dir = this.settings.data().resolve("fixed-cost-" + this.settings.rows());
		Path exports = exports(dir);
		Path export = exports.resolve(Export.SHIPPING.path());
		List<String> first = this.settings.commands().get(0);
		Path sample = dir.resolve("store-sample");
		if (!Files.exists(sample.resolve(".complete"))) {
			FileSystemUtils.deleteRecursively(sample);
			run(first, dir, "ingest", "--store", sample.toString(), this.settings.sampleData().toString());
			Files.writeString(sample.resolve(".complete"), "");
		}
		List<Timings[]> timings = new ArrayList<>();
		for (List<String> command : this.settings.commands()) {
			timings.add(new Timings[] { new Timings(), new Timings(), new Timings(), new Timings(), new Timings() });
			// once untimed: a launcher's first run after a build extracts the jar
			run(command, dir, "trace", "--lot", "C261014A", "--store", sample.toString(), "--reports",
					dir.resolve("reports").toString());
		}
		Path store = dir.resolve("store-run");
		for (int run = 1; run <= this.settings.runs(); run++) {
			this.progress.accept(String.format(Locale.ROOT, "  round %d of %d", run, this.settings.runs()));
			for (int i = 0; i < this.settings.commands().size(); i++) {
				List<String> command = this.settings.commands().get(i);
				// a fresh store with the master data, untimed (a store cannot be copied: its
				// Iceberg tables name their files by absolute path)
				FileSystemUtils.deleteRecursively(store);
				run(first, dir, "ingest", "--store", store.toString(), exports.resolve("erp").toString(),
						exports.resolve("shipping").resolve("CUSTOMERS.txt").toString());
				Timings[] of = timings.get(i);
				long cpu = childCpuNanos();
				of[0].add(run(command, dir, "ingest", "--store", store.toString(), export.toString()).elapsedNanos());
				of[2].add(childCpuNanos() - cpu);
				cpu = childCpuNanos();
				CommandRun trace = run(command, dir, "trace", "--lot", "C261014A", "--store", sample.toString(),
						"--reports", dir.resolve("reports").toString());
				of[1].add(trace.elapsedNanos());
				of[3].add(childCpuNanos() - cpu);
				of[4].add(answers(trace));
			}
		}
		Timings[] served = served(first, dir, sample);
		if (!machine.isEmpty()) {
			this.out.accept(machine);
		}
		this.out.accept(String.format(Locale.ROOT,
				"Fixed cost of one-shot commands (whole process, from start to exit; %d runs each, taking turns):",
				this.settings.runs()));
		for (int i = 0; i < this.settings.commands().size(); i++) {
			this.out.accept("  " + String.join(" ", this.settings.commands().get(i)));
			Timings[] of = timings.get(i);
			line(String.format(Locale.ROOT, "ingest of a %,d-row shipping export", this.settings.rows()), of[0],
					of[2]);
			line("trace --lot C261014A on the sample store", of[1], of[3]);
			answersLine(of[4]);
		}
		this.out.accept("  " + String.join(" ", first) + ", while `serve` runs on the sample store (the command "
				+ "asks it over HTTP; it writes the reports):");
		line("trace --lot C261014A on the sample store", served[0], served[1]);
		answersLine(served[2]);
	}

	private void answersLine(Timings answers) {
		this.out.accept(String.format(Locale.ROOT, "      %-40s median %.2f s (min %.2f, max %.2f)",
				"its answers on the screen after", answers.medianMillis() / 1000, answers.minMillis() / 1000,
				answers.maxMillis() / 1000));
	}

	/** When the trace's answers came, from the start; it fails without them. */
	private static long answers(CommandRun trace) {
		if (trace.answersNanos() < 0) {
			throw new IllegalStateException("the trace printed no answers (no line beginning '" + CommandRun.ANSWERS
					+ "')");
		}
		return trace.answersNanos();
	}

	/**
	 * The one-shot trace while {@code serve} runs on the same store: the command asks the
	 * service, which answers from memory and writes the reports. The service is started
	 * (on a free port, with an empty inbox), warmed with one trace, and stopped after.
	 * @return wall and CPU times of the command's processes (not the service's), and when its answers came
	 */
	private Timings[] served(List<String> first, Path dir, Path sample) throws IOException, InterruptedException {
		Path endpoint = sample.resolve("_serve").resolve("endpoint.json");
		Files.deleteIfExists(endpoint);
		Path inbox = Files.createDirectories(dir.resolve("inbox"));
		List<String> serve = new ArrayList<>(first);
		serve.addAll(List.of("serve", "--store", sample.toString(), "--port", "0", "--inbox", inbox.toString(),
				"--jobs", this.settings.jobs().toString(), "--reports", dir.resolve("reports").toString()));
		this.progress.accept("  starting serve on the sample store");
		Process service = new ProcessBuilder(serve).redirectErrorStream(true)
			.redirectOutput(dir.resolve("serve.log").toFile())
			.start();
		try {
			long deadline = System.nanoTime() + 180_000_000_000L;
			while (!Files.exists(endpoint)) {
				if (!service.isAlive() || System.nanoTime() > deadline) {
					throw new IllegalStateException("serve did not start; see " + dir.resolve("serve.log"));
				}
				Thread.sleep(200);
			}
			Timings wall = new Timings();
			Timings cpu = new Timings();
			Timings answers = new Timings();
			// once untimed: the service's first trace loads what later ones reuse
			run(first, dir, "trace", "--lot", "C261014A", "--store", sample.toString());
			for (int run = 1; run <= this.settings.runs(); run++) {
				long before = childCpuNanos();
				CommandRun trace = run(first, dir, "trace", "--lot", "C261014A", "--store", sample.toString());
				wall.add(trace.elapsedNanos());
				cpu.add(childCpuNanos() - before);
				answers.add(answers(trace));
			}
			if (!Files.readString(dir.resolve("command.log")).startsWith("Answered by the lottrace service")) {
				throw new IllegalStateException("the trace did not ask the service; see " + dir.resolve("command.log"));
			}
			return new Timings[] { wall, cpu, answers };
		}
		finally {
			service.destroy();
			service.waitFor();
		}
	}

	private void line(String what, Timings timings, Timings cpu) {
		double median = timings.medianMillis() / 1000;
		this.out.accept(String.format(Locale.ROOT,
				"    %-42s median %.2f s (min %.2f, max %.2f), CPU median %s; target %.1f s: %s", what, median,
				timings.minMillis() / 1000, timings.maxMillis() / 1000,
				(cpu.maxMillis() > 0) ? String.format(Locale.ROOT, "%.2f s", cpu.medianMillis() / 1000) : "-",
				TARGET_SECONDS, (median <= TARGET_SECONDS) ? "met" : "not met"));
	}

	/**
	 * CPU time (user and system) of this process's finished child processes and theirs,
	 * from {@code /proc/self/stat}; 0 where there is none.
	 */
	private static long childCpuNanos() {
		try {
			String stat = Files.readString(Path.of("/proc/self/stat"));
			// the fields after the command name, which is in parentheses
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// cutime and cstime (fields 16 and 17 of the line) in clock ticks, 100 a second
			return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10_000_000L;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private Path exports(Path dir) throws IOException {
		Path exports = dir.resolve("exports");
		if (!Files.exists(exports.resolve(".complete"))) {
			new SyntheticBakery(new SyntheticBakery.Options(this.settings.rows(), 1, LocalDate.of(2026, 10, 31), 730,
					Export.SHIPPING, ""))
				.write(exports, (rows) -> this.progress.accept("  generating the export: " + rows + " rows"));
			Files.writeString(exports.resolve(".complete"), "");
		}
		return exports;
	}

	/** Runs one command to its end. */
	private CommandRun run(List<String> start, Path dir, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(start);
		command.addAll(List.of(arguments));
		if (!List.of(arguments).contains("--jobs")) {
			command.addAll(List.of("--jobs", this.settings.jobs().toString()));
		}
		Path log = dir.resolve("command.log");
		CommandRun run = CommandRun.run(command, log);
		int exit = run.exit();
		// 3: rows pending or rejected (none in the generated export), 6: an incomplete
		// answer (the sample data's planted bad rows)
		if (exit != 0 && exit != 3 && exit != 6) {
			throw new IllegalStateException(String.join(" ", command) + " ended with " + exit + "; see " + log);
		}
		return run;
	}

}
