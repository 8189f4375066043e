package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lottrace.ingest.IngestService;
import org.lottrace.report.TraceAnswers;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceRequest;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, description = {
		"Run the main job on the bundled sample data: ingest sample-data/ into the store, then answer "
				+ "the sample customer complaint (lot " + DemoCommand.COMPLAINT_LOT + ") and write every report.",
		"The sample exports hold a few bad rows on purpose: they are listed, with their reasons; the ones in the "
				+ "complaint's scope make its answer incomplete, and the answer says so. The demo still ends "
				+ "with exit code 0. Running it again ingests nothing new and traces again." },
		footer = { "", "Example:", "  ./lottrace demo" })
class DemoCommand implements SpringCommand {

	/**
	 * The lot printed on the package of cookies the customer called about (see
	 * sample-data/README.md).
	 */
	static final String COMPLAINT_LOT = "C261014A";

	static final String COMPLAINT = "Customer complaint: a consumer found a hard plastic fragment in a package of "
			+ "Peanut Butter Sandwich Cookies, lot C261014A, bought at Green Valley Market #12";

	@Option(names = "--sample-data", paramLabel = "DIR", description = "The sample exports (default: ./sample-data).")
	Path sampleData = Path.of("sample-data");

	@Override
	public int call(ConfigurableApplicationContext context) {
		if (!Files.isDirectory(this.sampleData)) {
			throw new CommandException(ExitCodes.USAGE,
					this.sampleData + ": no such folder; run the demo from the project folder or pass --sample-data");
		}
		Console console = new Console();
		IngestService service = context.getBean(IngestService.class);
		int ingested = IngestCommand.ingest(console, context, service.plan(List.of(this.sampleData), null), true);
		if (ingested == ExitCodes.FAILED) {
			return ExitCodes.FAILED;
		}
		console.println("");
		console.println(COMPLAINT);
		console.println("");
		TraceOutcome outcome = TraceCommand.run(context,
				new TraceRequest(COMPLAINT_LOT, null, null, null, null, Direction.BOTH, COMPLAINT),
				(findings) -> new TraceText(console).print(TraceAnswers.of(findings)), null);
		TraceCommand.printReports(console, outcome);
		// the demo shows; it ends with 0 once it ran, complete or not (trace gives 6 for
		// an
		// incomplete answer: the sample's planted bad rows make this one incomplete)
		return ExitCodes.OK;
	}

}
