package org.lottrace.cli;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.RecordsAnswer;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.runs.TraceRunner;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Write the FDA electronic sortable spreadsheet for a request by foods and date range, or by "
				+ "traceability lot codes (21 CFR 1.1455(c)): every KDE record of those lots, as XLSX and CSV, with a "
				+ "manifest.",
				"A request by foods covers the foods on the Food Traceability List (and every transformation that "
						+ "used them) unless --all-foods is given; a date range alone asks for every such food. "
						+ "Rows of the request's scope that were rejected or are pending are listed on the "
						+ "spreadsheet's gaps sheet." },
		footer = { "", "Examples:", "  lottrace report --product PB-CREAMY-35 --from 2026-10-01 --to 2026-10-31",
				"  lottrace report --from 2026-10-01 --to 2026-10-31        (every FTL food of October)",
				"  lottrace report --lot C261014A --lot EG1009",
				"  lottrace report --lot L2301 --assigner V130              (Nutty Butter's L2301, not Dairy Gold's)",
				"",
				"Exit codes: 0 done and complete, 1 failed, 2 wrong usage, 4 nothing matches the request, or no store "
						+ "(or nothing ingested) at --store, 5 another lottrace process holds the job repository or the "
						+ "trace index, 6 done but rows of the request's scope were rejected or are pending (listed)." })
class ReportCommand implements SpringCommand {

	@Option(names = "--product", paramLabel = "CODE", description = "A food (product code); repeat for several.")
	List<String> products = List.of();

	@Option(names = "--lot", paramLabel = "CODE", description = "A traceability lot code; repeat for several.")
	List<String> lots = List.of();

	@Option(names = "--from", paramLabel = "DATE", description = "First day of the date range (yyyy-MM-dd).")
	@Nullable LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", description = "Last day of the date range (yyyy-MM-dd).")
	@Nullable LocalDate to;

	@Option(names = "--assigner", paramLabel = "LOCATION",
			description = "Who assigned the lot codes (a location code), for a code that several suppliers use.")
	@Nullable String assigner;

	@Option(names = "--all-foods",
			description = "Include foods that are not on the Food Traceability List (by default a request by foods "
					+ "or dates covers the listed foods only).")
	boolean allFoods;

	@Option(names = "--as-of", paramLabel = "TIME|SNAPSHOT", description = TraceCommand.AS_OF)
	@Nullable String asOf;

	@Override
	public boolean readsStore() {
		return true;
	}

	@Override
	public int call(ConfigurableApplicationContext context) {
		if (this.products.isEmpty() && this.lots.isEmpty() && this.from == null && this.to == null) {
			throw new CommandException(ExitCodes.USAGE, "give at least one --product or --lot, or a date range");
		}
		if (this.assigner != null && this.lots.isEmpty()) {
			throw new CommandException(ExitCodes.USAGE, "--assigner says who assigned the --lot codes: give --lot");
		}
		TraceOutcome outcome;
		try {
			outcome = context.getBean(TraceRunner.class)
				.records(new RecordRequest(this.products, this.from, this.to, this.lots, this.assigner, this.allFoods),
						java.util.UUID.randomUUID().toString(), this.asOf);
		}
		catch (TraceException ex) {
			throw new CommandException(ex.notFound() ? ExitCodes.NOT_FOUND : ExitCodes.USAGE, ex.getMessage());
		}
		Console console = new Console();
		RecordsAnswer records = java.util.Objects.requireNonNull(outcome.records());
		console.printf("%d records of %s%n", records.records(), records.subject());
		TraceText.printCompleteness(console, records.verdict(), records.gaps());
		TraceCommand.printReports(console, outcome);
		return records.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
	}

}
