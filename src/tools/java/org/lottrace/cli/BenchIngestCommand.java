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
import org.lottrace.generate.SyntheticBakery;
import org.lottrace.generate.SyntheticBakery.Export;
import org.lottrace.ingest.IngestPlan;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.store.DuckDb;
import org.lottrace.store.DuckDbProperties;
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
		Path dir = this.data
			.resolve("exports-" + export.name().toLowerCase(Locale.ROOT) + "-" + this.rows + "-" + this.seed);
		if (!Files.exists(dir.resolve(".complete"))) {
			GenerateCommand.generate(console, dir,
					new SyntheticBakery.Options(this.rows, this.seed, LocalDate.of(2026, 10, 31), 730, export, ""));
			Files.writeString(dir.resolve(".complete"), "");
		}
		return dir;
	}

}
