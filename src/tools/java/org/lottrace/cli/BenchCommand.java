package org.lottrace.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true,
		description = { "Measure lottrace on synthetic data and print the figures." },
		subcommands = { BenchIngestCommand.class, BenchTraceCommand.class, BenchFixedCostCommand.class })
class BenchCommand {

}
