package org.lottrace.cli;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceOutcome;
import org.lottrace.report.TraceRunner;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
		description = { "Write the FDA electronic sortable spreadsheet for a request by foods and date range, or by "
				+ "traceability lot codes (21 CFR 1.1455(c)): every KDE record of those lots, as XLSX and CSV, with a "
				+ "manifest." },
		footer = { "", "Examples:", "  lottrace report --product COOKIE-PB-12 --from 2026-10-12 --to 2026-10-16",
				"  lottrace report --lot C261014A --lot L2301", "",
				"Exit codes: 0 done, 2 wrong usage, 4 nothing matches the request." })
class ReportCommand implements SpringCommand {

	@Option(names = "--product", paramLabel = "CODE", description = "A food (product code); repeat for several.")
	List<String> products = List.of();

	@Option(names = "--lot", paramLabel = "CODE", description = "A traceability lot code; repeat for several.")
	List<String> lots = List.of();

	@Option(names = "--from", paramLabel = "DATE", description = "First day of the date range (yyyy-MM-dd).")
	@Nullable LocalDate from;

	@Option(names = "--to", paramLabel = "DATE", description = "Last day of the date range (yyyy-MM-dd).")
	@Nullable LocalDate to;

	@Override
	public int call(ConfigurableApplicationContext context) {
		if (this.products.isEmpty() && this.lots.isEmpty()) {
			throw new CommandException(ExitCodes.USAGE, "give at least one --product or --lot");
		}
		TraceOutcome outcome;
		try {
			outcome = context.getBean(TraceRunner.class)
				.records(new RecordRequest(this.products, this.from, this.to, this.lots));
		}
		catch (TraceException ex) {
			throw new CommandException(ex.notFound() ? ExitCodes.NOT_FOUND : ExitCodes.USAGE, ex.getMessage());
		}
		Console console = new Console();
		console.printf("%d records of %s%n", outcome.records().events().size(), outcome.records().request().subject());
		TraceCommand.printReports(console, outcome);
		return ExitCodes.OK;
	}

}
