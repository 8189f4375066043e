package org.lottrace.cli;

import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreWriteLock;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.StoreMigration;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

@Command(name = "migrate", mixinStandardHelpOptions = true,
		description = { "Give a store from before the Iceberg tables its tables (store/iceberg/), losing nothing.",
				"Files written before them are rewritten in place with microsecond timestamps and field ids, each "
						+ "checked row for row against the original first; every ingested export becomes one "
						+ "snapshot; each table's rows and content hash, read back through Iceberg, are compared "
						+ "with the store's as they were, and printed. Running it again changes nothing." },
		footer = { "", "Examples:", "  lottrace store migrate", "  lottrace store migrate --store /data/lottrace", "",
				"Exit codes: 0 done, nothing lost, 1 failed (or a table differs: the output says which), 4 no store "
						+ "(or nothing ingested) at --store, 5 another process is writing to the store." })
class StoreMigrateCommand implements SpringCommand {

	@Override
	public boolean readsStore() {
		return true;
	}

	@Override
	public int call(ConfigurableApplicationContext context) throws Exception {
		Console console = new Console();
		StoreCatalog catalog = context.getBean(StoreCatalog.class);
		StoreWriteLock lock = context.getBean(StoreWriteLock.class);
		StoreMigration.Result result;
		try (StoreWriteLock.Hold hold = lock.tryAcquire()
			.orElseThrow(() -> new CommandException(ExitCodes.BUSY, lock.busyMessage()))) {
			console.println(
					"Migrating " + catalog.layout().root() + " to Iceberg tables in " + catalog.layout().iceberg());
			result = new StoreMigration(catalog, context.getBean(DuckDb.class), context.getBean(IcebergCatalogs.class))
				.migrate();
		}
		for (StoreMigration.TableResult table : result.tables()) {
			console.println(String.format("  %-9s %s file(s), %s rewritten; rows %s -> %s, content hash %s -> %s: %s",
					table.table().sqlName(), Console.count(table.files()), Console.count(table.rewritten()),
					Console.count(table.before().rows()), Console.count(table.after().rows()), table.before().hash(),
					table.after().hash(), table.same() ? "same" : "DIFFERENT"));
		}
		console.println(Console.count(result.exportsCommitted()) + " export(s) committed to the Iceberg tables"
				+ ((result.exportsCommitted() == 0) ? " (every export had its snapshot already)" : ""));
		if (!result.lossless()) {
			throw new CommandException(ExitCodes.FAILED,
					"a table read through Iceberg differs from the store's committed files; see above");
		}
		console.println("Nothing lost.");
		return ExitCodes.OK;
	}

}
