package org.lottrace.cli;

import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestPlan;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.FaultPoint;
import org.lottrace.store.StoreMasterData;
import org.lottrace.store.StoreWriteLock;
import org.lottrace.trace.IndexRefresher;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = { "Ingest ERP, scale and shipping exports into the store.",
				"Each file is matched to a source mapping in jobs/ by its name; master data goes first. A row that is "
						+ "wrong in itself (a bad date, a missing lot code) is rejected; a row that only waits for "
						+ "other data (a product or location not in master data yet, a unit units.yml does not know) "
						+ "is held as pending, and becomes a record at a later run once that data is there. Both are "
						+ "listed with file, line and reason. An export already ingested is skipped.",
				"Every run, even one without PATH, tries the store's pending rows again." },
		footer = { "", "Examples:", "  lottrace ingest sample-data/",
				"  lottrace ingest --source shipping exports/BOL_2026-11-02.csv",
				"  lottrace ingest                  (after adding a product or fixing units.yml: the pending rows)",
				"  lottrace ingest --dry-run --rows 10 new-export.csv   (try a mapping: nothing is written)", "",
				"Exit codes: 0 done, 1 a file failed, 2 wrong usage or invalid mapping, 3 done with rejected rows or "
						+ "rows still pending, 4 --dry-run on a store that does not exist or holds nothing, 5 store "
						+ "busy (another process ingests or rebuilds the trace index)." })
class IngestCommand implements SpringCommand {

	@Parameters(arity = "0..*", paramLabel = "PATH",
			description = "Export files, or folders to search for them; none to try only the pending rows again.")
	List<Path> paths = List.of();

	@Option(names = "--source", paramLabel = "NAME",
			description = "Ingest every file with this source's mapping instead of matching by file name.")
	@Nullable String source;

	@Option(names = "--dry-run",
			description = "Write nothing: print what the first rows of each export would become (the record, or "
					+ "every reason it would be rejected or held as pending), against the store's master data.")
	boolean dryRun;

	@Option(names = "--rows", defaultValue = "20", paramLabel = "N",
			description = "With --dry-run, how many rows of each export to show (default: ${DEFAULT-VALUE}).")
	int rows;

	@Option(names = "--no-index",
			description = "Leave the trace index as it is (the next trace or `lottrace index` brings it up to date).")
	boolean noIndex;

	@Override
	public boolean readsStore() {
		return this.dryRun;
	}

	@Override
	public int call(ConfigurableApplicationContext context) {
		Console console = new Console();
		IngestService service = context.getBean(IngestService.class);
		if (this.dryRun) {
			return new PreviewText(console)
				.print(service.preview(service.plan(this.paths, this.source), Math.max(1, this.rows),
						StoreMasterData.load(context.getBean(StoreCatalog.class), context.getBean(DuckDb.class))));
		}
		return ingest(console, context, service.plan(this.paths, this.source), !this.noIndex);
	}

	/**
	 * Ingests and refreshes the index while holding the store's write lock, so that no
	 * other process rebuilds the index between the two.
	 */
	static int ingest(Console console, ConfigurableApplicationContext context, IngestPlan plan, boolean index) {
		IngestService service = context.getBean(IngestService.class);
		StoreWriteLock lock = context.getBean(StoreWriteLock.class);
		try (StoreWriteLock.Hold hold = lock.tryAcquire()
			.orElseThrow(() -> new CommandException(ExitCodes.BUSY, lock.busyMessage()))) {
			IngestOutput output = new IngestOutput(console, context);
			output.plan(plan);
			List<IngestResult> results = service.ingest(plan);
			int exit = output.results(results);
			FaultPoint.reach("ingest.done");
			if (index) {
				output.refreshIndex(context.getBean(IndexRefresher.class));
			}
			return exit;
		}
	}

}
