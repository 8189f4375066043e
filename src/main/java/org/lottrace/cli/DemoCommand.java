package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.lottrace.ingest.IngestService;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
		description = { "Run the main job on the bundled sample data: ingest sample-data/ into the store.",
				"Running it again changes nothing: every export is already in the store." },
		footer = { "", "Example:", "  ./lottrace demo" })
class DemoCommand implements SpringCommand {

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
		return IngestCommand.ingest(console, context, service.plan(List.of(this.sampleData), null));
	}

}
