package org.lottrace.cli;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.UnitsProvider;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceException;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceService;
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
				"Exit codes: 0 done, 2 wrong usage or an ambiguous lot code, 4 lot or product not found." })
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

	@Override
	public int call(ConfigurableApplicationContext context) {
		TraceRequest request = new TraceRequest(this.subject.lot, this.assigner, this.subject.product, this.from,
				this.to, this.direction, this.reason);
		TraceResult result;
		try {
			result = context.getBean(TraceService.class).trace(request);
		}
		catch (TraceException ex) {
			throw new CommandException(ex.notFound() ? ExitCodes.NOT_FOUND : ExitCodes.USAGE, ex.getMessage());
		}
		TraceAnalysis analysis = TraceAnalysis.of(result, context.getBean(UnitsProvider.class).units());
		new TraceText(new Console()).print(analysis);
		return ExitCodes.OK;
	}

}
