package org.lottrace.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.lottrace.ingest.IngestPlan;
import org.lottrace.ingest.IngestProgress;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestResult.HeldLine;
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
		long inline = plan.jobs().mappings().stream().filter((m) -> !m.rows().isEmpty()).count();
		this.console.println("Ingesting " + plan.items().size() + " export(s)"
				+ ((inline > 0) ? " and the rows: of " + inline + " mapping(s)" : "") + " into " + this.layout.root()
				+ " (master data first)");
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
		long pending = 0;
		long resolved = 0;
		long superseded = 0;
		Duration total = Duration.ZERO;
		java.util.Set<String> ingestedNow = new java.util.HashSet<>();
		for (IngestResult r : results) {
			// a retry of pending rows just held by this run says nothing new, unless it
			// failed
			boolean news = r.status() != Status.RESOLVED || r.written() > 0 || r.failed()
					|| !ingestedNow.contains(r.source() + "/" + r.file().getFileName());
			if (news) {
				this.console.println(line(r));
				held(r);
			}
			if (r.status() == Status.INGESTED) {
				ingestedNow.add(r.source() + "/" + r.file().getFileName());
				read += r.read();
				written += r.written();
				rejected += r.rejected();
			}
			if (r.status() == Status.RESOLVED) {
				// the retry covers every pending row of the store, this run's included
				pending += r.pending();
				resolved += r.written();
			}
			if (r.status() != Status.ALREADY_INGESTED) {
				superseded += r.superseded();
			}
			total = total.plus(r.duration());
		}
		List<IngestResult> files = results.stream().filter((r) -> r.status() != Status.RESOLVED).toList();
		long failed = results.stream().filter(IngestResult::failed).count();
		long already = files.stream().filter((r) -> r.status() == Status.ALREADY_INGESTED).count();
		this.console.println(String.format(java.util.Locale.ROOT,
				"Summary: %d file(s): %d ingested, %d already in the store, %d failed; "
						+ "%s rows read, %s written, %s rejected, %s superseded; %s pending in the store%s; %s",
				files.size(), files.size() - failed - already, already, failed, Console.count(read),
				Console.count(written), Console.count(rejected), Console.count(superseded), Console.count(pending),
				(resolved > 0) ? " (" + Console.count(resolved) + " more became records)" : "",
				Console.seconds(total)));
		if (failed > 0) {
			return ExitCodes.FAILED;
		}
		return (rejected > 0 || pending > 0) ? ExitCodes.REJECTS : ExitCodes.OK;
	}

	/** Lists the rows held back, rejected or pending, with what each waits for. */
	private void held(IngestResult r) {
		for (HeldLine held : r.held()) {
			String value = (held.value() != null) ? " '" + held.value() + "'" : "";
			this.console.println((held.waitsFor() != null)
					? "            pending  line " + held.line() + ": waits for " + held.waitsFor() + " ("
							+ held.field() + value + ")"
					: "            rejected line " + held.line() + ": " + held.field() + value + ": " + held.reason());
		}
		long listed = r.held().stream().map(HeldLine::line).distinct().count();
		long total = r.rejected() + r.pending();
		if (total > listed) {
			this.console.println("            ... " + (total - listed) + " more rows: see the files below");
		}
		if (r.rejectsFile() != null && r.status() == Status.INGESTED) {
			this.console.println("            rejects: " + r.rejectsFile());
		}
		if (r.pendingFile() != null && r.pending() > 0) {
			this.console.println("            pending: " + r.pendingFile());
		}
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
					"  ingested  %s: %s read, %s written, %s rejected, %s pending, %s superseded in %s", name,
					Console.count(r.read()), Console.count(r.written()), Console.count(r.rejected()),
					Console.count(r.pending()), Console.count(r.superseded()), Console.seconds(r.duration()));
			case RESOLVED -> (r.error() != null)
					? "  FAILED    " + name + ": its pending rows could not be tried again: " + r.error()
					: String.format(java.util.Locale.ROOT,
							"  pending   %s: %s of %s pending rows became records, %s still wait", name,
							Console.count(r.written()), Console.count(r.read()), Console.count(r.pending()));
		};
	}

}
