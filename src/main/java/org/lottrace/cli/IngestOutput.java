package org.lottrace.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.lottrace.ingest.IngestPlan;
import org.lottrace.ingest.IngestProgress;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestResult.Status;
import org.lottrace.store.StoreLayout;
import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.IndexRefresher;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Prints an ingestion run: the plan, progress of long files, one line per file and a
 * summary.
 */
final class IngestOutput {

	private final Console console;

	private final StoreLayout layout;

	IngestOutput(Console console, ConfigurableApplicationContext context) {
		this.console = console;
		this.layout = context.getBean(StoreLayout.class);
		context.getBean(IngestProgress.class)
			.listen((u) -> console.progress(String.format(java.util.Locale.ROOT, "  %s %s: %3d%%  %s rows  %s rows/s",
					u.source(), u.file(), Math.round(u.fraction() * 100), Console.count(u.rows()),
					Console.count(Math.round(u.rowsPerSecond())))));
	}

	void plan(IngestPlan plan) {
		this.console.println(
				"Ingesting " + plan.items().size() + " export(s) into " + this.layout.root() + " (master data first)");
		for (Path unmatched : plan.unmatched()) {
			this.console
				.println("  skipped " + unmatched + ": no mapping in " + plan.jobs().dir() + " claims this file name");
		}
	}

	/** Prints the results. @return the exit code they call for */
	int results(List<IngestResult> results) {
		long read = 0;
		long written = 0;
		long rejected = 0;
		long superseded = 0;
		Duration total = Duration.ZERO;
		for (IngestResult r : results) {
			this.console.println(line(r));
			if (r.status() == Status.INGESTED) {
				read += r.read();
				written += r.written();
				rejected += r.rejected();
				superseded += r.superseded();
			}
			total = total.plus(r.duration());
		}
		long failed = results.stream().filter((r) -> r.status() == Status.FAILED).count();
		long already = results.stream().filter((r) -> r.status() == Status.ALREADY_INGESTED).count();
		this.console.println(String.format(java.util.Locale.ROOT,
				"Summary: %d file(s): %d ingested, %d already in the store, %d failed; "
						+ "%s rows read, %s written, %s rejected, %s superseded; %s",
				results.size(), results.size() - failed - already, already, failed, Console.count(read),
				Console.count(written), Console.count(rejected), Console.count(superseded), Console.seconds(total)));
		if (failed > 0) {
			return ExitCodes.FAILED;
		}
		return (rejected > 0) ? ExitCodes.REJECTS : ExitCodes.OK;
	}

	/** Brings the trace index up to date, so the next trace starts at once; says so. */
	void refreshIndex(IndexRefresher refresher) {
		try {
			IndexRefresher.Result refreshed = refresher.refresh();
			if (refreshed.commits() > 0) {
				this.console.println("Trace index: " + changes(refreshed));
			}
		}
		catch (IndexBusyException ex) {
			this.console.println("Trace index: " + ex.getMessage() + "; it catches up at the next trace");
		}
	}

	/** What a refresh of the trace index added, and how long it took. */
	static String changes(IndexRefresher.Result refreshed) {
		return String.format(java.util.Locale.ROOT, "%s records added (%s superseded), %s work orders linked, in %s",
				Console.count(refreshed.events()), Console.count(refreshed.superseded()),
				Console.count(refreshed.workOrders()), Console.seconds(refreshed.elapsed()));
	}

	private String line(IngestResult r) {
		String name = r.source() + "  " + r.file().getFileName();
		return switch (r.status()) {
			case FAILED -> "  FAILED    " + name + ": " + r.error() + " (nothing of it was stored)";
			case ALREADY_INGESTED -> "  unchanged " + name + ": already in the store";
			case INGESTED -> String.format(java.util.Locale.ROOT,
					"  ingested  %s: %s read, %s written, %s rejected, %s superseded in %s%s", name,
					Console.count(r.read()), Console.count(r.written()), Console.count(r.rejected()),
					Console.count(r.superseded()), Console.seconds(r.duration()),
					(r.rejectsFile() != null) ? "\n            rejects: " + r.rejectsFile() : "");
		};
	}

}
