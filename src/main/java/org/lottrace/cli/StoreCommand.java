package org.lottrace.cli;

import picocli.CommandLine.Command;

/** Commands on the store itself. */
@Command(name = "store", mixinStandardHelpOptions = true,
		description = { "Commands on the store itself: migrate a store from before the Iceberg tables." },
		subcommands = { StoreMigrateCommand.class })
class StoreCommand {

}
