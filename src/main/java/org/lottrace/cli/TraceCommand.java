package org.lottrace.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.Manifest;
import org.lottrace.report.TraceAnswers;
import org.lottrace.report.TraceFindings;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.runs.TraceRunner;
import org.lottrace.trace.Direction;

import org.lottrace.trace.TraceException;
import org.lottrace.trace.TraceRequest;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "trace", mixinStandardHelpOptions = true,
		description = { "Trace a lot backward to its ingredient lots and forward to the lots and customers it reached.",
				"Give a lot code (or an internal lot number), or a product with a date range." },
		footer = { "", "Examples:", "  lottrace trace --lot C261014A",
				"  lottrace trace --lot L2301 --assigner V130 --direction forward",
				"  lottrace trace --product COOKIE-PB-12 --from 2026-10-12 --to 2026-10-16", "",
				"Exit codes: 0 done and complete, 1 failed, 2 wrong usage or an ambiguous lot code, 4 lot or product "
						+ "not found, or no store (or nothing ingested) at --store, 5 another lottrace process (serve, an "
						+ "ingestion, an index rebuild) holds the job repository or the trace index, 6 done but incomplete (gaps "
						+ "listed at the top)." })
class TraceCommand implements SpringCommand {

	@ArgGroup(exclusive = true, multiplicity = "1")
	Subject subject;

	static class Subject {

		@Option(names = "--lot", paramLabel = "CODE",
				description = "A traceability lot code or an internal lot number.")
		@Nullable String lot;

		@Option(names = "--product", paramLabel = "CODE", description = "A product code; use with --from and --to.")
		@Nullable String product;

	}

	@Option(names = "--assigner", paramLabel = "LOCATION",
			description = "Who assigned the lot code (a location code), when several suppliers use the same code.")
	@Nullable String assigner;

	@Option(names = "--from", paramLabel = "DATE", description = "First day of the date range (yyyy-MM-dd).")
	@Nullable LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", description = "Last day of the date range (yyyy-MM-dd).")
	@Nullable LocalDate to;

	@Option(names = "--direction", defaultValue = "both", paramLabel = "WAY",
			description = "backward, forward or both (default: ${DEFAULT-VALUE}).")
	Direction direction;

	@Option(names = "--reason", paramLabel = "TEXT", description = "Why the trace is run, for the reports.")
	@Nullable String reason;

	@Option(names = "--as-of", paramLabel = "TIME|SNAPSHOT", description = AS_OF)
	@Nullable String asOf;

	/** The description of {@code --as-of}, shared by the commands that take it. */
	static final String AS_OF = "Answer from the store as it stood then: a day (2026-10-15, its end), a local time "
			+ "(2026-10-15T14:00), a time with offset (2026-10-15T14:00:00Z) or a snapshot id from a report's "
			+ "manifest (the same records again). Builds that moment's index first: seconds on small stores, "
			+ "minutes on tens of millions of events.";

	@Override
	public boolean readsStore() {
		return true;
	}

	@Override
	public int call(ConfigurableApplicationContext context) {
		TraceRequest request = new TraceRequest(this.subject.lot, this.assigner, this.subject.product, this.from,
				this.to, this.direction, this.reason);
		Console console = new Console();
		// the answers are printed as soon as the trace step has them; the reports follow
		if (this.asOf != null) {
			console.println("As of " + this.asOf + ": the store as it stood then");
		}
		TraceOutcome outcome = run(context, request, (findings) -> {
			new TraceText(console).print(TraceAnswers.of(findings));
			console.flush();
		}, this.asOf);
		printReports(console, outcome);
		return exitCode(outcome);
	}

	/**
	 * Asks the {@code lottrace serve} running on the store, if there is one: it holds the
	 * index, so the trace could not run here.
	 * @return the exit code, or null when no service answered (run the trace here)
	 */
	@Nullable Integer askRunningService(Path storeRoot) throws InterruptedException {
		RunningService service = RunningService.find(storeRoot);
		if (service == null) {
			return null;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("lot", this.subject.lot);
		body.put("product", this.subject.product);
		body.put("assigner", this.assigner);
		body.put("from", (this.from != null) ? this.from.toString() : null);
		body.put("to", (this.to != null) ? this.to.toString() : null);
		body.put("direction", this.direction.name().toLowerCase(java.util.Locale.ROOT));
		body.put("reason", this.reason);
		body.put("asOf", this.asOf);
		body.values().removeIf(java.util.Objects::isNull);
		Console console = new Console();
		if (this.asOf != null) {
			console.println("As of " + this.asOf + ": the store as it stood then");
		}
		return service.trace(body, console);
	}

	/** {@link ExitCodes#INCOMPLETE} when the answer has gaps. */
	static int exitCode(TraceOutcome outcome) {
		return outcome.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
	}

	static TraceOutcome run(ConfigurableApplicationContext context, TraceRequest request) {
		return run(context, request, (findings) -> {
		}, null);
	}

	static TraceOutcome run(ConfigurableApplicationContext context, TraceRequest request,
			Consumer<TraceFindings> answers, @Nullable String asOf) {
		try {
			return context.getBean(TraceRunner.class)
				.trace(request, java.util.UUID.randomUUID().toString(), answers, asOf);
		}
		catch (TraceException ex) {
			throw new CommandException(ex.notFound() ? ExitCodes.NOT_FOUND : ExitCodes.USAGE, ex.getMessage());
		}
	}

	static void printReports(Console console, TraceOutcome outcome) {
		console.println("");
		console.printf("Reports (%d ms): %s%n", outcome.elapsed().toMillis(), outcome.folder().path());
		Object snapshot = outcome.manifest().store().get("snapshot");
		if (snapshot != null) {
			console.printf("   read from snapshot %s (committed %s); --as-of %s gives the same records%n", snapshot,
					outcome.manifest().store().get("snapshotCommittedAt"), snapshot);
		}
		for (Manifest.FileEntry file : outcome.manifest().files()) {
			console.println("   " + file.path());
		}
		console.println("   " + Manifest.FILE + ", " + Manifest.CHECKSUMS);
	}

}
