package org.lottrace.cli;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.bench.TraceBenchmark;
import org.lottrace.ingest.IngestProperties;
import org.lottrace.store.DuckDbProperties;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trace", mixinStandardHelpOptions = true,
		description = { "Trace speed at several store sizes: builds each store from the generator (kept for the "
				+ "next run), then prints index build and refresh times, two-way trace latencies in memory, over the "
				+ "DuckDB index and with PostgreSQL's WITH RECURSIVE (when --postgres is given), full traces with "
				+ "records, one-shot command-line traces (alone, and while the service runs), the service's answers "
				+ "to a product trace and to the FDA records of the busiest product over two years (each by itself), "
				+ "and the service under bulk load; ends with the issue's targets, met or not." },
		footer = { "", "Example:",
				"  lottrace bench trace --events 1000000,10000000,50000000 --postgres 'jdbc:postgresql://127.0.0.1/bench?user=bench'" })
class BenchTraceCommand implements SpringCommand {

	@Option(names = "--events", split = ",", defaultValue = "1000000", paramLabel = "N",
			description = "Store sizes in generated events (default: ${DEFAULT-VALUE}).")
	List<Long> events;

	@Option(names = "--samples", defaultValue = "200", paramLabel = "N",
			description = "Random lots traced per store (default: ${DEFAULT-VALUE}).")
	int samples;

	@Option(names = "--nightly", defaultValue = "50000", paramLabel = "N",
			description = "Events of the night's exports added to each store (default: ${DEFAULT-VALUE}).")
	long nightly;

	@Option(names = "--postgres", paramLabel = "JDBC-URL", description = "A PostgreSQL database to compare with.")
	@Nullable String postgres;

	@Option(names = "--data", defaultValue = "bench-data", paramLabel = "DIR",
			description = "Where generated exports and stores go (default: ${DEFAULT-VALUE}).")
	Path data;

	@Option(names = "--seed", defaultValue = "7", paramLabel = "N")
	long seed;

	@Override
	public int call(ConfigurableApplicationContext context) throws Exception {
		Console console = new Console();
		Path jar = Path.of(System.getProperty("java.class.path").split(java.io.File.pathSeparator)[0]).toAbsolutePath();
		if (!jar.toString().endsWith(".jar")) {
			throw new CommandException(ExitCodes.USAGE,
					"run the benchmark from the packaged jar (./lottrace bench trace)");
		}
		DuckDbProperties duck = context.getBean(DuckDbProperties.class);
		TraceBenchmark.Settings settings = new TraceBenchmark.Settings(this.data.toAbsolutePath(), jar,
				context.getBean(IngestProperties.class).jobs().toAbsolutePath(), this.events, this.samples,
				this.postgres, this.nightly, this.seed,
				new org.lottrace.store.DuckDb.Settings(duck.duckDbMemoryLimit(), duck.threads(), null));
		console.printf("Trace benchmark: JVM %s, max heap %s, %d cores%n", Runtime.version(),
				Console.bytes(Runtime.getRuntime().maxMemory()), Runtime.getRuntime().availableProcessors());
		new TraceBenchmark(settings, console::println, console::progress).run();
		return ExitCodes.OK;
	}

}
