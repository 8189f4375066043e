package org.lottrace.cli;

import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command: lists the subcommands. */
@Command(name = "lottrace", mixinStandardHelpOptions = true, version = "lottrace 0.1.0",
		description = { "Lot traceability for food manufacturers: FSMA 204 records, traces and reports.", "" },
		footer = { "",
				"Exit codes: 0 done, 1 failed, 2 wrong usage or configuration, 3 done with rejected or pending rows,",
				"4 not found, 5 store busy, 6 answered but incomplete (the gaps are listed)." })
class LottraceCommand {

	/**
	 * The subcommands, in the order the help lists them. They are added by
	 * {@link #commandLine}, not by the annotation: picocli reads every command's
	 * annotations when it is added (about 30 ms of each command's start for all of them),
	 * and a command line that names one needs only that one.
	 */
	static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, IngestCommand.class, IndexCommand.class,
			TraceCommand.class, ReportCommand.class, RequestCommand.class, PlanCommand.class, ServeCommand.class,
			StoreCommand.class, MaintainCommand.class);

	@Mixin
	GlobalOptions global = new GlobalOptions();

	/**
	 * The command line of these arguments: with only the subcommand they start with, when
	 * they start with one; with every subcommand otherwise (help, usage errors and their
	 * suggestions list them all).
	 */
	static CommandLine commandLine(LottraceCommand root, String... args) {
		CommandLine cli = new CommandLine(root);
		String first = (args.length > 0) ? args[0] : "";
		for (Class<?> subcommand : SUBCOMMANDS) {
			if (subcommand.getAnnotation(Command.class).name().equals(first)) {
				cli.addSubcommand(subcommand);
				return cli;
			}
		}
		SUBCOMMANDS.forEach(cli::addSubcommand);
		return cli;
	}

}
