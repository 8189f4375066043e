package org.lottrace.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.generate.SyntheticBakery;
import org.lottrace.generate.SyntheticBakery.Export;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write synthetic exports of any size, in the sample data's layouts, for tests and benchmarks.",
				"A bakery is simulated day by day: receipts, work orders with scale tickets, partial shipments. "
						+ "The same seed writes the same files." },
		footer = { "", "Examples:", "  lottrace generate --events 10000000 --out bench-data/10m",
				"  lottrace generate --only shipping --events 1000000 --out bench-data/ship-1m", "",
				"Then: lottrace ingest bench-data/10m" })
class GenerateCommand implements SpringCommand {

	@Option(names = "--events", required = true, paramLabel = "N",
			description = "Event rows to write in all (or in the one export of --only).")
	long events;

	@Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the exports.")
	Path out;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "N",
			description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Option(names = "--days", defaultValue = "730", paramLabel = "N",
			description = "Days of history, ending on --end (default: ${DEFAULT-VALUE}).")
	int days;

	@Option(names = "--end", defaultValue = "2026-10-31", paramLabel = "DATE",
			description = "The last day (default: ${DEFAULT-VALUE}).")
	LocalDate end;

	@Option(names = "--prefix", defaultValue = "", paramLabel = "TEXT",
			description = "Put before every generated number, e.g. N1- for a night's exports on top of a history.")
	String prefix;

	@Option(names = "--only", paramLabel = "EXPORT", description = "Write only this export: ${COMPLETION-CANDIDATES}.")
	@Nullable Export only;

	@Override
	public int call(ConfigurableApplicationContext context) {
		if (this.events <= 0 || this.days <= 0) {
			throw new CommandException(ExitCodes.USAGE, "--events and --days must be greater than zero");
		}
		Console console = new Console();
		long started = System.nanoTime();
		Map<Export, Long> counts = generate(console, this.out,
				new SyntheticBakery.Options(this.events, this.seed, this.end, this.days, this.only, this.prefix));
		double seconds = (System.nanoTime() - started) / 1e9;
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		console.printf("Wrote %s event rows to %s in %.1f s (%s rows/s): %s%n", Console.count(total), this.out, seconds,
				Console.count(Math.round(total / seconds)), counts);
		return ExitCodes.OK;
	}

	static Map<Export, Long> generate(Console console, Path out, SyntheticBakery.Options options) {
		long target = options.events();
		return new SyntheticBakery(options).write(out,
				(rows) -> console.progress(String.format(java.util.Locale.ROOT, "  generating: %s of %s rows (%d%%)",
						Console.count(rows), Console.count(target), Math.min(100, rows * 100 / Math.max(1, target)))));
	}

}
