package org.lottrace.cli;

import org.lottrace.store.StoreWriteLock;
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
				"Exit codes: 0 done, 1 failed, 4 no store (or nothing ingested) at --store, 5 another process is "
						+ "writing to the store or holds the trace index." })
class IndexCommand implements SpringCommand {

	@Option(names = "--rebuild", description = "Delete the index and build it again from every committed file.")
	boolean rebuild;

	@Override
	public boolean readsStore() {
		return true;
	}

	@Override
	public int call(ConfigurableApplicationContext context) {
		Console console = new Console();
		StoreWriteLock lock = context.getBean(StoreWriteLock.class);
		IndexRefresher.Result result;
		try (StoreWriteLock.Hold hold = lock.tryAcquire()
			.orElseThrow(() -> new CommandException(ExitCodes.BUSY, lock.busyMessage()))) {
			if (this.rebuild) {
				context.getBean(LotIndex.class).delete();
				console.println("Trace index deleted; rebuilding it from the store...");
			}
			result = context.getBean(IndexRefresher.class).refresh();
		}
		if (result.commits() == 0) {
			console.println("Trace index: up to date");
		}
		else {
			console.println("Trace index: " + Console.count(result.commits()) + " committed file(s) applied, "
					+ IngestOutput.changes(result));
			console.println("   data files read: " + Console.count(result.filesFromSnapshots())
					+ " as the exports' Iceberg snapshots list them, " + Console.count(result.filesFromLog())
					+ " as only the commit log lists them");
		}
		return ExitCodes.OK;
	}

}
