package org.lottrace.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.lottrace.fda.FdaRequest;
import org.lottrace.fda.FdaRequestException;
import org.lottrace.fda.FdaRequests;
import org.lottrace.fda.LogEntry.SentFile;
import org.lottrace.fda.NewRequest;
import org.lottrace.fda.RequestScope;
import org.lottrace.report.RecordsAnswer;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.runs.TraceRunner;
import org.lottrace.trace.TraceException;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "request", mixinStandardHelpOptions = true,
		description = { "FDA records requests and their 24-hour clock (21 CFR 1.1455(c)): log a request when it "
				+ "arrives, produce its electronic sortable spreadsheet, mark it sent with the files sent and their "
				+ "SHA-256. The log (lottrace.requests.log, in the store) is shared with the service's page." },
		subcommands = { RequestCommand.Log.class, RequestCommand.ListRequests.class, RequestCommand.Produce.class,
				RequestCommand.Sent.class },
		footer = { "", "Examples:",
				"  lottrace request log --requester \"FDA ORA, Jane Smith, +1 301-555-0100\" --product PB-CREAMY-35 "
						+ "--from 2026-10-01 --to 2026-10-31 --received-at 2026-11-23T09:10",
				"  lottrace request list", "  lottrace request produce FDA-2026-001",
				"  lottrace request sent FDA-2026-001 --to \"email to jane.smith@fda.hhs.gov\"" })
class RequestCommand {

	private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	/** Who acts from the command line: the system user. */
	static String user() {
		return System.getProperty("user.name", "unknown") + " (command line)";
	}

	static CommandException refused(FdaRequestException ex) {
		return new CommandException(
				(ex.reason() == FdaRequestException.Reason.NOT_FOUND) ? ExitCodes.NOT_FOUND : ExitCodes.USAGE,
				ex.getMessage());
	}

	static void print(Console console, FdaRequest request, Instant now) {
		Duration left = request.timeLeft(now);
		FdaRequest.Sending sending = request.sending();
		String clock = (sending != null) ? "sent " + time(sending.at()) + (request.sentLate() ? " (late)" : "")
				: request.overdue(now) ? "OVERDUE by " + hours(left.negated()) : hours(left) + " left";
		console.printf("%s  %-8s  due %s  %s%n", request.id(), request.status().code(), time(request.deadline()),
				clock);
		console.printf("    asked by %s, received %s, logged by %s%n", request.requester(), time(request.receivedAt()),
				request.loggedBy());
		console.printf("    scope: %s%n", request.scope().describe());
		FdaRequest.Production production = request.production();
		if (production != null) {
			console.printf("    produced %s: %d records, %d gaps, %s%n", time(production.at()), production.records(),
					production.gaps(), production.folder());
		}
		if (sending != null) {
			console.printf("    sent to %s by %s:%n", sending.to(), sending.by());
			for (SentFile file : sending.files()) {
				console.printf("      %s  %s (%s bytes)%n", file.sha256(), file.path(), Console.count(file.bytes()));
			}
		}
	}

	/** A time as this machine's clock reads it, to the second. */
	private static String time(Instant instant) {
		return TIME.format(instant.atZone(ZoneId.systemDefault()));
	}

	private static String hours(Duration duration) {
		return String.format(Locale.ROOT, "%dh %02dm", duration.toHours(), duration.toMinutesPart());
	}

	/** {@code 2026-11-23T09:10} in this machine's time zone, or with an offset. */
	static final class TimeConverter implements ITypeConverter<Instant> {

		@Override
		public Instant convert(String value) {
			try {
				return OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException ex) {
				return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
			}
		}

	}

	@Command(name = "log", mixinStandardHelpOptions = true,
			description = "Log a request as it arrived: who asked, what for (foods and dates, or lot codes), when.")
	static class Log implements SpringCommand {

		@Option(names = "--requester", required = true, paramLabel = "TEXT",
				description = "Who asked, as given: agency, person, phone or email.")
		String requester = "";

		@Option(names = "--product", paramLabel = "CODE", description = "A food asked for; repeat for several.")
		List<String> products = List.of();

		@Option(names = "--lot", paramLabel = "CODE", description = "A lot code asked for; repeat for several.")
		List<String> lots = List.of();

		@Option(names = "--assigner", paramLabel = "LOCATION", description = "Who assigned the --lot codes.")
		@Nullable String assigner;

		@Option(names = "--from", paramLabel = "DATE", description = "First day asked for (yyyy-MM-dd).")
		@Nullable LocalDate from;

		@Option(names = "--to", paramLabel = "DATE", description = "Last day asked for (yyyy-MM-dd).")
		@Nullable LocalDate to;

		@Option(names = "--all-foods", description = "Foods not on the Food Traceability List too.")
		boolean allFoods;

		@Option(names = "--received-at", paramLabel = "TIME", converter = TimeConverter.class,
				description = "When it arrived (yyyy-MM-ddTHH:mm, this machine's time zone, or with an offset); "
						+ "default now.")
		@Nullable Instant receivedAt;

		@Option(names = "--deadline", paramLabel = "TIME", converter = TimeConverter.class,
				description = "A later time FDA agreed to; default 24 hours after it arrived.")
		@Nullable Instant deadline;

		@Option(names = "--note", paramLabel = "TEXT", description = "Anything else said with the request.")
		@Nullable String note;

		@Override
		public int call(ConfigurableApplicationContext context) {
			RequestScope scope = new RequestScope(this.products, this.from, this.to, this.lots, this.assigner,
					this.allFoods);
			try {
				FdaRequest logged = context.getBean(FdaRequests.class)
					.log(new NewRequest(this.requester, scope, this.receivedAt, this.deadline, this.note), user());
				Console console = new Console();
				console.println("Logged " + logged.id() + ": its records are due " + logged.deadline());
				print(console, logged, Instant.now());
				return ExitCodes.OK;
			}
			catch (FdaRequestException ex) {
				throw refused(ex);
			}
		}

	}

	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "The requests, newest first, with their deadline and time left.")
	static class ListRequests implements SpringCommand {

		@Option(names = "--open", description = "Only those not sent yet.")
		boolean open;

		@Override
		public int call(ConfigurableApplicationContext context) {
			Console console = new Console();
			List<FdaRequest> requests = context.getBean(FdaRequests.class)
				.list()
				.stream()
				.filter((r) -> !this.open || r.open())
				.toList();
			if (requests.isEmpty()) {
				console.println(this.open ? "No open FDA request." : "No FDA request logged.");
			}
			Instant now = Instant.now();
			requests.forEach((r) -> print(console, r, now));
			return ExitCodes.OK;
		}

	}

	@Command(name = "produce", mixinStandardHelpOptions = true,
			description = "Write the FDA sortable spreadsheet of a request's scope and log it as produced.",
			footer = { "", "Exit codes: 0 done and complete, 4 no such request or no records match, 5 store busy "
					+ "(use the service's page), 6 done but rows of the scope were rejected or are pending." })
	static class Produce implements SpringCommand {

		@Parameters(paramLabel = "ID", description = "The request (FDA-2026-001).")
		String id = "";

		@Override
		public int call(ConfigurableApplicationContext context) {
			FdaRequests requests = context.getBean(FdaRequests.class);
			try {
				FdaRequest request = requests.producible(this.id);
				TraceOutcome outcome = context.getBean(TraceRunner.class).records(request.scope().toRecordRequest());
				FdaRequest produced = requests.produced(this.id, outcome, user());
				Console console = new Console();
				console.printf("Produced %s: %d records of %s%n", this.id,
						java.util.Objects.requireNonNull(produced.production()).records(), request.scope().describe());
				RecordsAnswer records = java.util.Objects.requireNonNull(outcome.records());
				TraceText.printCompleteness(console, records.verdict(), records.gaps());
				TraceCommand.printReports(console, outcome);
				return records.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
			}
			catch (FdaRequestException ex) {
				throw refused(ex);
			}
			catch (TraceException ex) {
				throw new CommandException(ex.notFound() ? ExitCodes.NOT_FOUND : ExitCodes.USAGE, ex.getMessage());
			}
		}

	}

	@Command(name = "sent", mixinStandardHelpOptions = true,
			description = "Mark a request sent: its files (all, or those named) are logged with their SHA-256.")
	static class Sent implements SpringCommand {

		@Parameters(paramLabel = "ID", description = "The request (FDA-2026-001).")
		String id = "";

		@Option(names = "--to", required = true, paramLabel = "TEXT", description = "To whom, and how.")
		String to = "";

		@Option(names = "--file", paramLabel = "NAME",
				description = "A file sent (as the manifest names it); repeat; default every file.")
		List<String> files = List.of();

		@Override
		public int call(ConfigurableApplicationContext context) {
			try {
				FdaRequest sent = context.getBean(FdaRequests.class).sent(this.id, this.to, this.files, user());
				Console console = new Console();
				console.println("Sent " + sent.id() + (sent.sentLate() ? ", after its deadline" : ", in time"));
				print(console, sent, Instant.now());
				return ExitCodes.OK;
			}
			catch (FdaRequestException ex) {
				throw refused(ex);
			}
		}

	}

}
