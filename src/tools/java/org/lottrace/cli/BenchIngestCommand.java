package org.lottrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.lottrace.bench.CpuTimes;
import org.lottrace.bench.PeakMemory;
import org.lottrace.generate.SyntheticBakery.Export;
import org.lottrace.generate.SyntheticBakery;
import org.lottrace.ingest.IngestPlan;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.DuckDbProperties;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergTables;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ingest", mixinStandardHelpOptions = true,
		description = { "Ingestion throughput and memory: generate one export per source with --rows rows (kept "
				+ "for the next run), ingest each into a fresh store, print rows/s and peak heap per source, "
				+ "then DuckDB's own read_csv -> Parquet on the same export (the ceiling) and the ratio." },
		footer = { "", "Example:", "  lottrace bench ingest --rows 10000000 --exports shipping" })
class BenchIngestCommand implements SpringCommand {

	@Option(names = "--rows", defaultValue = "1000000", paramLabel = "N",
			description = "Rows per export (default: ${DEFAULT-VALUE}).")
	long rows;

	@Option(names = "--exports", split = ",", defaultValue = "shipping,tickets,receiving,production",
			paramLabel = "EXPORT", description = "Exports to measure (default: ${DEFAULT-VALUE}).")
	List<Export> exports;

	@Option(names = "--data", defaultValue = "bench-data", paramLabel = "DIR",
			description = "Where generated exports and the benchmark store go (default: ${DEFAULT-VALUE}).")
	Path data;

	@Option(names = "--seed", defaultValue = "1", paramLabel = "N")
	long seed;

	@Option(names = "--compare-iceberg",
			description = "Also ingest a second export of the same shape (seed + 1) with the store's Iceberg tables "
					+ "set aside, right after each measured one, and print both and their ratio: the cost of the "
					+ "Iceberg commit, side by side in one run (after an unmeasured warm-up export, seed + 2).")
	boolean compareIceberg;

	private Path store() {
		return this.data.resolve("store-ingest").toAbsolutePath();
	}

	@Override
	public Map<String, Object> properties() {
		try {
			FileSystemUtils.deleteRecursively(store());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Map.of("lottrace.store.root", store().toString());
	}

	@Override
	public int call(ConfigurableApplicationContext context) throws IOException {
		Console console = new Console();
		IngestService service = context.getBean(IngestService.class);
		console.printf("Ingestion benchmark: %s rows per export, seed %d; JVM %s, max heap %s, %d cores%n",
				Console.count(this.rows), this.seed, Runtime.version(), Console.bytes(Runtime.getRuntime().maxMemory()),
				Runtime.getRuntime().availableProcessors());
		Path master = exports(console, this.exports.get(0)).resolve("erp");
		quiet(service, service.plan(List.of(master, master.resolveSibling("shipping").resolve("CUSTOMERS.txt")), null));
		if (this.compareIceberg) {
			// the first ingestion of a JVM pays for its warm-up: neither side of the
			// comparison should
			console.println("warming up on an export of seed " + (this.seed + 2) + " (not measured)");
			quiet(service, service.plan(List.of(exports(console, this.exports.get(0), this.seed + 2)
			.resolve(this.exports.get(0).path())), null));
		}
		console.printf("%-11s %12s %10s %9s %10s %8s %14s %11s%n", "export", "rows", "file", "seconds", "rows/s",
				"MB/s", "peak live heap", "peak heap");
		try (PeakMemory memory = new PeakMemory()) {
			for (Export export : this.exports) {
				Path file = exports(console, export).resolve(export.path());
				memory.reset();
				CpuTimes cpu = CpuTimes.now();
				long started = System.nanoTime();
				IngestResult result = quiet(service, service.plan(List.of(file), null)).get(0);
				double seconds = (System.nanoTime() - started) / 1e9;
				if (result.status() != IngestResult.Status.INGESTED || result.rejected() > 0) {
					throw new CommandException(ExitCodes.FAILED, export + ": " + result);
				}
				long size = Files.size(file);
				console.printf("%-11s %12s %10s %9.2f %10s %8.1f %14s %11s%n", export.name().toLowerCase(Locale.ROOT),
						Console.count(result.read()), Console.bytes(size), seconds,
						Console.count(Math.round(result.read() / seconds)), size / seconds / (1 << 20),
						Console.bytes(memory.peakLiveBytes()), Console.bytes(memory.peakUsedBytes()));
				console.println("            steps: " + result.steps());
				console.println("            CPU: " + CpuTimes.now().minus(cpu));
				if (this.compareIceberg) {
					compareWithoutIceberg(console, context, service, export, seconds, cpu);
				}
				double duckDb = duckDbSeconds(context, file);
				console.printf("            DuckDB read_csv -> Parquet (zstd, %d threads) on the same export: %.2f s, "
						+ "%s rows/s; lottrace / DuckDB: %.2f x%n", context.getBean(DuckDbProperties.class).threads(),
						duckDb, Console.count(Math.round(result.read() / duckDb)), duckDb / seconds);
			}
		}
		console.printf("Process peak resident memory: %s; JVM arguments: %s%n",
				Console.bytes(PeakMemory.processPeakResidentBytes()),
				ManagementFactory.getRuntimeMXBean().getInputArguments());
		return ExitCodes.OK;
	}

	/**
	 * Ingests an export of the same shape (the next seed) with the store's Iceberg tables
	 * set aside (so no Iceberg commit is made), then puts them back and commits that
	 * export to them unmeasured.
	 */
	private void compareWithoutIceberg(Console console, ConfigurableApplicationContext context, IngestService service,
			Export export, double withSeconds, CpuTimes withCpuSince) throws IOException {
		long withCpu = CpuTimes.now().minus(withCpuSince).processNanos();
		Path other = exports(console, export, this.seed + 1).resolve(export.path());
		StoreLayout layout = context.getBean(StoreLayout.class);
		Path aside = layout.iceberg().resolveSibling("iceberg.aside");
		Files.move(layout.iceberg(), aside);
		double seconds;
		long cpu;
		try {
			CpuTimes before = CpuTimes.now();
			long started = System.nanoTime();
			IngestResult result = quiet(service, service.plan(List.of(other), null)).get(0);
			seconds = (System.nanoTime() - started) / 1e9;
			cpu = CpuTimes.now().minus(before).processNanos();
			if (result.status() != IngestResult.Status.INGESTED || result.rejected() > 0) {
				throw new CommandException(ExitCodes.FAILED, export + " (seed " + (this.seed + 1) + "): " + result);
			}
		}
		finally {
			Files.move(aside, layout.iceberg());
		}
		try (IcebergTables tables = context.getBean(IcebergCatalogs.class).open()) {
			new IcebergCommits(tables).rollForward(new CommitLog(layout));
		}
		console.printf("            without the Iceberg commit (seed %d, same shape): %.2f s wall, %.2f s CPU; with "
				+ "it: %.2f s wall, %.2f s CPU; with / without: %.2f x wall, %.2f x CPU%n", this.seed + 1, seconds,
				cpu / 1e9, withSeconds, withCpu / 1e9, withSeconds / seconds, (double) withCpu / cpu);
	}

	/**
	 * DuckDB's own {@code COPY (SELECT * FROM read_csv(...)) TO ... (FORMAT parquet,
	 * COMPRESSION zstd)} on the export, with the store's DuckDB memory limit and threads:
	 * the ceiling for reading a CSV export into Parquet (no validation, no look-ups).
	 * @return its wall seconds
	 */
	private double duckDbSeconds(ConfigurableApplicationContext context, Path file) {
		DuckDbProperties properties = context.getBean(DuckDbProperties.class);
		Path out = store().resolveSibling("duckdb-baseline.parquet");
		try (Connection connection = new DuckDb(
				new DuckDb.Settings(properties.duckDbMemoryLimit(), properties.threads(), null))
			.inMemory(); Statement sql = connection.createStatement()) {
			Files.deleteIfExists(out);
			long started = System.nanoTime();
			sql.execute("COPY (SELECT * FROM read_csv('" + DuckDb.sql(file.toAbsolutePath().toString()) + "')) TO '"
					+ DuckDb.sql(out.toString()) + "' (FORMAT parquet, COMPRESSION zstd)");
			double seconds = (System.nanoTime() - started) / 1e9;
			Files.deleteIfExists(out);
			return seconds;
		}
		catch (SQLException | IOException ex) {
			throw new CommandException(ExitCodes.FAILED, "DuckDB baseline: " + ex.getMessage());
		}
	}

	private List<IngestResult> quiet(IngestService service, IngestPlan plan) {
		return service.ingest(plan);
	}

	/** The folder with the generated export (and master data), generated when missing. */
	private Path exports(Console console, Export export) throws IOException {
		return exports(console, export, this.seed);
	}

	private Path exports(Console console, Export export, long seed) throws IOException {
		Path dir = this.data
			.resolve("exports-" + export.name().toLowerCase(Locale.ROOT) + "-" + this.rows + "-" + seed);
		if (!Files.exists(dir.resolve(".complete"))) {
			GenerateCommand.generate(console, dir,
					new SyntheticBakery.Options(this.rows, seed, LocalDate.of(2026, 10, 31), 730, export, ""));
			Files.writeString(dir.resolve(".complete"), "");
		}
		return dir;
	}

}
