package org.lottrace.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Period;
import java.util.List;

import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreWriteLock;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergMaintenance;
import org.lottrace.store.iceberg.IcebergTables;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maintain", mixinStandardHelpOptions = true,
		description = {
				"Upkeep of the store's Iceberg tables: expire snapshots older than the retention, delete "
						+ "metadata files no snapshot names, compact each partition's small files into one copy "
						+ "(checked row for row; the store's own files stay as they are).",
				"Records are never deleted: lottrace only appends, so an expired snapshot's records stay in every "
						+ "later one; only the ability to read the tables as they were before the retention goes. "
						+ "serve runs this every night after its ingestion." },
		footer = { "", "Examples:", "  lottrace maintain", "  lottrace maintain --retention P3Y", "",
				"Exit codes: 0 done, 1 failed, 2 a retention shorter than two years and a day, 4 no store (or "
						+ "nothing ingested) at --store, 5 another process is writing to the store." })
class MaintainCommand implements SpringCommand {

	@Option(names = "--retention", defaultValue = "P2Y1D", paramLabel = "PERIOD",
			description = "Keep snapshots this long, an ISO-8601 period (default: ${DEFAULT-VALUE}, two years and a "
					+ "day, the least accepted).")
	Period retention;

	@Override
	public boolean readsStore() {
		return true;
	}

	@Override
	public int call(ConfigurableApplicationContext context) {
		Console console = new Console();
		StoreLayout layout = context.getBean(StoreLayout.class);
		if (!IcebergTables.present(layout)) {
			throw new CommandException(ExitCodes.NOT_FOUND, "the store " + layout.root()
					+ " has no Iceberg tables (it predates them): run lottrace store migrate");
		}
		StoreWriteLock lock = context.getBean(StoreWriteLock.class);
		List<IcebergMaintenance.TableResult> results;
		try (StoreWriteLock.Hold hold = lock.tryAcquire()
			.orElseThrow(() -> new CommandException(ExitCodes.BUSY, lock.busyMessage()));
				IcebergTables tables = context.getBean(IcebergCatalogs.class).open();
				Connection connection = context.getBean(DuckDb.class).inMemory()) {
			results = new IcebergMaintenance(tables).run(context.getBean(Clock.class).instant(), this.retention,
					connection);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandException(ExitCodes.USAGE, String.valueOf(ex.getMessage()));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not open DuckDB: " + ex.getMessage(), ex);
		}
		console.println("Maintained the Iceberg tables of " + layout.root() + " (retention " + this.retention + ")");
		for (IcebergMaintenance.TableResult result : results) {
			console.println(String.format(
					"  %-9s snapshots %s -> %s, %s orphan file(s) deleted, %s small file(s) " + "compacted into %s",
					result.table().sqlName(), Console.count(result.snapshotsBefore()),
					Console.count(result.snapshotsAfter()), Console.count(result.orphansDeleted().size()),
					Console.count(result.filesCompacted()), Console.count(result.filesWritten())));
		}
		return ExitCodes.OK;
	}

}
