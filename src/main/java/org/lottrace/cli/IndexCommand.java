package org.lottrace.cli;

import java.util.Locale;

import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.LotIndex;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "index", mixinStandardHelpOptions = true,
		description = { "Bring the trace index up to date with the store, or rebuild it.",
				"The index (store/_index/) is derived from the Parquet store: ingest and trace refresh it on their "
						+ "own; this command does it ahead of time, after a bulk ingest with --no-index, or from "
						+ "scratch with --rebuild when the index was deleted or damaged." },
		footer = { "", "Examples:", "  lottrace index", "  lottrace index --rebuild", "",
				"Exit codes: 0 done, 1 failed, 5 store busy." })
class IndexCommand implements SpringCommand {

	@Option(names = "--rebuild", description = "Delete the index and build it again from every committed file.")
	boolean rebuild;

	@Override
	public int call(ConfigurableApplicationContext context) {
		Console console = new Console();
		if (this.rebuild) {
			context.getBean(LotIndex.class).delete();
			console.println("Trace index deleted; rebuilding it from the store...");
		}
		IndexRefresher.Result result;
		try {
			result = context.getBean(IndexRefresher.class).refresh();
		}
		catch (IndexBusyException ex) {
			console.println("lottrace: " + ex.getMessage() + "; try again later");
			return ExitCodes.BUSY;
		}
		if (result.commits() == 0) {
			console.println("Trace index: up to date");
		}
		else {
			console.println(String.format(Locale.ROOT,
					"Trace index: %s committed file(s) applied, %s records added (%s superseded), %s work orders "
							+ "linked, in %s",
					Console.count(result.commits()), Console.count(result.events()), Console.count(result.superseded()),
					Console.count(result.workOrders()), Console.seconds(result.elapsed())));
		}
		return ExitCodes.OK;
	}

}
