package org.lottrace.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The top-level command: lists the subcommands. */
@Command(name = "lottrace", mixinStandardHelpOptions = true, version = "lottrace 0.1.0",
		description = { "Lot traceability for food manufacturers: FSMA 204 records, traces and reports.", "" },
		subcommands = { DemoCommand.class, IngestCommand.class, IndexCommand.class, TraceCommand.class,
				ReportCommand.class, RequestCommand.class, PlanCommand.class, ServeCommand.class, StoreCommand.class,
				MaintainCommand.class },
		footer = { "",
				"Exit codes: 0 done, 1 failed, 2 wrong usage or configuration, 3 done with rejected or pending rows,",
				"4 not found, 5 store busy, 6 answered but incomplete (the gaps are listed)." })
class LottraceCommand {

	@Mixin
	GlobalOptions global = new GlobalOptions();

}
