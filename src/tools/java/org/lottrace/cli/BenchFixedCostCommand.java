package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lottrace.bench.FixedCostBenchmark;
import org.lottrace.ingest.IngestProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "fixed-cost", mixinStandardHelpOptions = true,
		description = { "The fixed cost of one-shot commands, whole process, as users start them: the ingestion of "
				+ "a small shipping export (into a fresh store with the master data, index refresh "
				+ "included) and a trace of the sample complaint lot on the sample store (every report written), "
				+ "then that trace again while serve runs on the store (the command asks it); "
				+ "median, min and max of --runs runs each, against the 1.5 s target." },
		footer = { "", "Example:", "  ./lottrace bench fixed-cost --runs 9" })
class BenchFixedCostCommand implements SpringCommand {

	@Option(names = "--runs", defaultValue = "7", paramLabel = "N",
			description = "Runs of each command (default: ${DEFAULT-VALUE}).")
	int runs;

	@Option(names = "--rows", defaultValue = "1000", paramLabel = "N",
			description = "Rows of the small export (default: ${DEFAULT-VALUE}).")
	long rows;

	@Option(names = "--sample-data", defaultValue = "sample-data", paramLabel = "DIR",
			description = "The sample exports (default: ${DEFAULT-VALUE}).")
	Path sampleData;

	@Option(names = "--launcher", paramLabel = "PATH",
			description = "A launcher script to time instead (repeat to compare several, e.g. the launcher of "
					+ "another checkout; they take turns in each round). Default: the one that started the benchmark.")
	List<Path> launchers = new java.util.ArrayList<>();

	@Option(names = "--data", defaultValue = "bench-data", paramLabel = "DIR",
			description = "Where the export and the stores go (default: ${DEFAULT-VALUE}).")
	Path data;

	@Override
	public int call(ConfigurableApplicationContext context) throws Exception {
		if (!Files.isDirectory(this.sampleData)) {
			throw new CommandException(ExitCodes.USAGE, this.sampleData + ": no such folder; pass --sample-data");
		}
		Console console = new Console();
		FixedCostBenchmark.Settings settings = new FixedCostBenchmark.Settings(this.data.toAbsolutePath(),
				commands(), context.getBean(IngestProperties.class).jobs().toAbsolutePath(),
				this.sampleData.toAbsolutePath(), this.rows, this.runs);
		new FixedCostBenchmark(settings, console::println, console::progress).run();
		return ExitCodes.OK;
	}

	private List<List<String>> commands() {
		if (this.launchers.isEmpty()) {
			return List.of(command());
		}
		return this.launchers.stream().map((launcher) -> List.of(launcher.toAbsolutePath().toString())).toList();
	}

	/**
	 * How users start lottrace: the {@code ./lottrace} launcher when the benchmark was
	 * started through it (extracted jar, class-data archive or fast start), else
	 * {@code java -jar} on this jar.
	 */
	private static List<String> command() {
		String launcher = System.getenv("LOTTRACE_LAUNCHER");
		if (launcher != null && Files.isExecutable(Path.of(launcher))) {
			return List.of(launcher);
		}
		Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
		if (!jar.toString().endsWith(".jar")) {
			throw new CommandException(ExitCodes.USAGE, "run the benchmark from the packaged jar (./lottrace bench)");
		}
		return List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString());
	}

}
