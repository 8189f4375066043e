package org.lottrace.bench;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.lottrace.generate.SyntheticBakery;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.trace.DuckDbLotGraph;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.LotGraph;
import org.lottrace.trace.LotIndex;
import org.lottrace.trace.MemoryLotGraph;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceService;
import org.lottrace.trace.Traversal;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds stores of given sizes from the generator (with the real command line, in a child
 * process, so ingestion is measured as users run it), then measures: how long the derived
 * index takes to build and to refresh after a night's exports, two-way traces of random
 * lots in memory, over the DuckDB index and (when a server is given) with PostgreSQL's
 * WITH RECURSIVE over the same links, full traces with their records, and a one-shot
 * command-line trace including the JVM start.
 */
public final class TraceBenchmark {

	/**
	 * @param data where exports and stores go (kept between runs)
	 * @param jar the lottrace jar, for child processes
	 * @param postgresUrl a JDBC URL of a PostgreSQL database to compare with, or
	 * {@code null} to skip it
	 * @param nightly events in the night's exports added on top of each store
	 */
	public record Settings(Path data, Path jar, Path jobs, List<Long> sizes, int samples, @Nullable String postgresUrl,
			long nightly, long seed, DuckDb.Settings duckDb) {

	}

	/**
	 * Figures measured once, when a store is built.
	 *
	 * @param memoryLimit DuckDB's memory limit the index was built and refreshed with;
	 * null in figures of builds before it was recorded
	 * @param nextNightRefreshSeconds the refresh of a second night's exports, after the
	 * first's (0 in figures of builds before it was measured): the first night after a
	 * build is the only one that never found row groups of an earlier night to merge
	 */
	record BuildFigures(long events, double ingestSeconds, double indexSeconds, long nightlyEvents,
			double nightlyIngestSeconds, double nightlyRefreshSeconds, long nightlyEventsApplied,
			@Nullable String memoryLimit, double nextNightRefreshSeconds) {

		/** The slower of the two nights' refreshes. */
		double slowerNight() {
			return Math.max(this.nightlyRefreshSeconds, this.nextNightRefreshSeconds);
		}

		/** The limit as printed. */
		String limit() {
			return (this.memoryLimit != null) ? this.memoryLimit : "not recorded";
		}

	}

	/** lottrace.duckdb.memory-limit's default, as DuckDbProperties writes it. */
	private static final String DEFAULT_MEMORY_LIMIT = "2048MB";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The generation the benchmark's scratch link file is written for. */
	private static final String GENERATION = "00000000-0000-0000-0000-000000000001";

	private final Settings settings;

	private final Consumer<String> out;

	private final Consumer<String> progress;

	public TraceBenchmark(Settings settings, Consumer<String> out, Consumer<String> progress) {
		this.settings = settings;
		this.out = out;
		this.progress = progress;
	}

	/** What one store size measured, for the targets at the end. */
	private record SizeFigures(long size, BuildFigures build, Timings cli,
			ServiceLoadBenchmark.@Nullable Served served, Timings mapped, @Nullable Timings postgres, Timings full) {

	}

	/** What the in-process measurements of one size gave, for the targets. */
	private record InProcess(Timings mapped, @Nullable Timings postgres, Timings full) {

	}

	private final List<SizeFigures> figures = new ArrayList<>();

	public void run() throws Exception {
		String machine = FreshMemory.describe().orElse("");
		for (long size : this.settings.sizes()) {
			Path dir = this.settings.data().resolve("trace-" + size);
			try {
				BuildFigures build = build(dir, size);
				String lot = lotToTrace(dir, size, build);
				OneShot cli = oneShotTraces(dir, lot);
				this.out.accept(String.format(Locale.ROOT, "  one-shot CLI trace of lot %s (%s), JVM start included: %s",
						lot.replace('|', '/'), (oneShotCommand().size() == 1) ? "./lottrace" : "java -jar", cli));
				InProcess measured = measureInProcess(dir, size);
				ServiceLoadBenchmark.@Nullable Served served = null;
				try {
					served = new ServiceLoadBenchmark(this.settings, this.out, this.progress).run(dir,
							serviceWorkload(dir), () -> oneShotTraces(dir, lot));
				}
				finally {
					this.figures.add(new SizeFigures(size, build, cli.whole(), served, measured.mapped(),
							measured.postgres(), measured.full()));
				}
			}
			catch (Exception ex) {
				// one size failing (out of memory, out of disk) leaves the others' figures
				this.out.accept(String.format(Locale.ROOT, "Store of %,d generated events: FAILED: %s", size,
						ex.getMessage()));
			}
		}
		printTargets();
		if (!machine.isEmpty()) {
			this.out.accept(machine);
		}
	}

	/** The targets (see the README, Performance), each with what this run measured. */
	private void printTargets() {
		this.out.accept("");
		this.out.accept("Targets, as measured in this run:");
		double fullMin = Double.MAX_VALUE;
		double fullMax = 0;
		for (SizeFigures size : this.figures) {
			String at = String.format(Locale.ROOT, "%,d events", size.size());
			BuildFigures build = size.build();
			target("index build <= 150 s at the default memory limit, " + at,
					String.format(Locale.ROOT, "%.1f s (memory limit %s)", build.indexSeconds(), build.limit()),
					build.indexSeconds() <= 150 && DEFAULT_MEMORY_LIMIT.equals(build.memoryLimit()));
			target("a night's refresh <= 1 s, " + at,
					String.format(Locale.ROOT, "%.2f s and %.2f s (the first night after the build, the next)",
							build.nightlyRefreshSeconds(), build.nextNightRefreshSeconds()),
					build.slowerNight() <= 1);
			if (size.postgres() != null) {
				double ratio = size.mapped().medianMillis() / size.postgres().medianMillis();
				target("one-shot trace <= 0.5 x PostgreSQL WITH RECURSIVE, " + at,
						String.format(Locale.ROOT, "%.2f x (%.2f / %.2f ms)", ratio, size.mapped().medianMillis(),
								size.postgres().medianMillis()),
						ratio <= 0.5);
			}
			target("one-shot ./lottrace trace <= 1.5 s, whole process, no service, " + at,
					String.format(Locale.ROOT, "%.2f s median", size.cli().medianMillis() / 1000),
					size.cli().medianMillis() <= 1500);
			ServiceLoadBenchmark.Served served = size.served();
			if (served != null) {
				Timings cliServed = served.oneShot().whole();
				target("one-shot ./lottrace trace <= 1.5 s, serve running (asks it), " + at,
						String.format(Locale.ROOT, "%.2f s median", cliServed.medianMillis() / 1000),
						cliServed.medianMillis() <= 1500);
				bigRequest("a product trace over two years <= 10 s, service, " + at, served.productTrace());
				bigRequest("the FDA records of a product over two years <= 10 s, service, " + at,
						served.fdaRecords());
			}
			target("full trace with records <= 60 ms median, " + at,
					String.format(Locale.ROOT, "%.1f ms", size.full().medianMillis()),
					size.full().medianMillis() <= 60);
			fullMin = Math.min(fullMin, size.full().medianMillis());
			fullMax = Math.max(fullMax, size.full().medianMillis());
		}
		if (this.figures.size() > 1) {
			target("full trace with records flat: every size within 20 % of the others",
					String.format(Locale.ROOT, "%.1f to %.1f ms", fullMin, fullMax), fullMax <= fullMin * 1.2);
		}
	}

	private void bigRequest(String target, ServiceLoadBenchmark.BigRequest request) {
		target(target, request.brief(), request.done() && request.seconds() <= 10);
	}

	private void target(String target, String measured, boolean met) {
		this.out.accept(String.format(Locale.ROOT, "  %-8s %-72s %s", met ? "MET" : "NOT MET", target, measured));
	}

	private BuildFigures build(Path dir, long size) throws Exception {
		Path figures = dir.resolve("build.json");
		Path store = dir.resolve("store");
		if (Files.exists(figures) && Files.isDirectory(store)) {
			return JSON.readValue(figures.toFile(), BuildFigures.class);
		}
		// The figures without their store, or a store without its figures (a build interrupted): built again
		// from the kept exports, so that the store never holds an export twice
		Files.deleteIfExists(figures);
		if (Files.exists(store)) {
			this.progress.accept("  deleting " + store + ": its build did not finish");
			FileSystemUtils.deleteRecursively(store);
		}
		Path exports = dir.resolve("exports");
		Path nightly = dir.resolve("nightly");
		generate(exports,
				new SyntheticBakery.Options(size, this.settings.seed(), LocalDate.of(2026, 10, 31), 730, null, ""));
		double ingest = ingest(store, exports);
		double index = refresh(store).elapsed().toNanos() / 1e9;
		writtenToDisk(new StoreLayout(store).index());
		generate(nightly, new SyntheticBakery.Options(this.settings.nightly(), this.settings.seed() + 1,
				LocalDate.of(2026, 11, 1), 1, null, "N1-"));
		double nightlyIngest = ingest(store, nightly);
		IndexRefresher.Result refresh = refresh(store);
		Path nextNight = dir.resolve("nightly-2");
		generate(nextNight, new SyntheticBakery.Options(this.settings.nightly(), this.settings.seed() + 2,
				LocalDate.of(2026, 11, 2), 1, null, "N2-"));
		ingest(store, nextNight);
		double nextRefresh = refresh(store).elapsed().toNanos() / 1e9;
		BuildFigures built = new BuildFigures(size, ingest, index, this.settings.nightly(), nightlyIngest,
				refresh.elapsed().toNanos() / 1e9, refresh.events(), this.settings.duckDb().memoryLimit(),
				nextRefresh);
		JSON.writeValue(figures.toFile(), built);
		return built;
	}

	/**
	 * Waits until the files a build wrote are on disk. A night's refresh comes hours after
	 * the build, when the system has written them; timed seconds after it, its commit's
	 * fsync wrote the build's pages still in memory too (at 50 million events a 4.8 GB
	 * file, of which the last ~30 s of writes: 1-2 GB at the 1.1 GB/s of the build
	 * machine's disk).
	 */
	private static void writtenToDisk(Path folder) throws IOException {
		try (var files = Files.list(folder)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
					channel.force(true);
				}
			}
		}
	}

	private void generate(Path dir, SyntheticBakery.Options options) throws IOException {
		if (Files.exists(dir.resolve(".complete"))) {
			return;
		}
		new SyntheticBakery(options).write(dir, (rows) -> this.progress.accept(String.format(Locale.ROOT,
				"  generating %s: %,d of %,d events", dir.getFileName(), rows, options.events())));
		Files.writeString(dir.resolve(".complete"), "");
	}

	/** Ingests with the command line in a child process. @return wall seconds */
	private double ingest(Path store, Path exports) throws IOException, InterruptedException {
		this.progress.accept("  ingesting " + exports + " (child process, output in " + store.getParent() + ")");
		long started = System.nanoTime();
		Process process = new ProcessBuilder(java(), "-jar", this.settings.jar().toString(), "ingest", "--no-index",
				"--store", store.toString(), "--jobs", this.settings.jobs().toString(), exports.toString())
			.redirectErrorStream(true)
			.redirectOutput(store.toAbsolutePath().resolveSibling("ingest-" + exports.getFileName() + ".log").toFile())
			.start();
		int exit = process.waitFor();
		if (exit != 0) {
			throw new IllegalStateException(
					"ingest of " + exports + " ended with exit code " + exit + "; see " + store.getParent());
		}
		return (System.nanoTime() - started) / 1e9;
	}

	private IndexRefresher.Result refresh(Path store) {
		this.progress.accept("  building the trace index of " + store);
		StoreLayout layout = new StoreLayout(store);
		try (LotIndex index = new LotIndex(layout, new DuckDb(this.settings.duckDb()))) {
			return new IndexRefresher(index, new StoreCatalog(layout)).refresh();
		}
	}

	/** A random finished lot (code|assigner); prints the store's header. */
	private String lotToTrace(Path dir, long size, BuildFigures build) throws Exception {
		Path store = dir.resolve("store");
		StoreLayout layout = new StoreLayout(store);
		try (LotIndex index = new LotIndex(layout, new DuckDb(this.settings.duckDb()));
				Connection connection = index.connect();
				Statement sql = connection.createStatement();
				// among the lots before the second night, as when there was none
				ResultSet rs = sql.executeQuery("SELECT l.lot_code || '|' || l.lot_assigner FROM link k JOIN lot l "
						+ "ON l.lot_id = k.output_lot WHERE k.input_key NOT LIKE '%N2-%' ORDER BY hash(k.input_key || '"
						+ this.settings.seed() + "') LIMIT 1")) {
			rs.next();
			String lot = rs.getString(1);
			printHeader(sql, size, dir, build);
			return lot;
		}
	}

	/**
	 * Three one-shot command-line traces of the lot (code|assigner), each a whole process,
	 * after one untimed; while {@code serve} runs on the store the command asks it.
	 * @return their times
	 */
	private OneShot oneShotTraces(Path dir, String lot) throws IOException, InterruptedException {
		Path store = dir.resolve("store");
		OneShot cli = new OneShot(new Timings(), new Timings());
		// run 0 untimed: the launcher's first trace of a kind after a build (by itself, or
		// one that a running service answers) records its class-data archive
		for (int run = 0; run <= 3; run++) {
			List<String> command = new ArrayList<>(oneShotCommand());
			command.addAll(List.of("trace", "--lot", lot.substring(0, lot.indexOf('|')), "--assigner",
					lot.substring(lot.indexOf('|') + 1), "--store", store.toString(), "--jobs",
					this.settings.jobs().toString()));
			CommandRun trace = CommandRun.run(command, dir.resolve("cli-trace.log"));
			// 6: traced, with gaps in its scope (the generator's data has some)
			if ((trace.exit() != 0 && trace.exit() != 6) || trace.answersNanos() < 0) {
				throw new IllegalStateException("the one-shot trace failed; see " + dir.resolve("cli-trace.log"));
			}
			if (run > 0) {
				cli.whole().add(trace.elapsedNanos());
				cli.answers().add(trace.answersNanos());
			}
		}
		return cli;
	}

	/** One-shot traces: whole processes, and when their answers were on the screen. */
	record OneShot(Timings whole, Timings answers) {

		@Override
		public String toString() {
			return this.whole + "; its answers on the screen after " + this.answers;
		}

	}

	/**
	 * How a user starts lottrace: the {@code ./lottrace} launcher (extracted jar,
	 * class-data archive, its JVM options) when the benchmark was started through it, else
	 * {@code java -jar}.
	 */
	static List<String> lottraceCommand(Path jar) {
		String launcher = System.getenv("LOTTRACE_LAUNCHER");
		if (launcher != null && Files.isExecutable(Path.of(launcher))) {
			return List.of(launcher);
		}
		return List.of(java(), "-jar", jar.toString());
	}

	private List<String> oneShotCommand() {
		return lottraceCommand(this.settings.jar());
	}

	private void printHeader(Statement sql, long size, Path dir, BuildFigures build) throws SQLException {
		long lots;
		long links;
		try (ResultSet rs = sql.executeQuery("SELECT (SELECT count(*) FROM lot), (SELECT count(*) FROM link)")) {
			rs.next();
			lots = rs.getLong(1);
			links = rs.getLong(2);
		}
		this.out.accept("");
		this.out.accept(String.format(Locale.ROOT, "Store of %,d generated events (%s): %,d lots, %,d links", size, dir,
				lots, links));
		this.out.accept(String.format(Locale.ROOT,
				"  built: ingest %.1f s (%,.0f events/s, command line), trace index built in %.1f s (DuckDB memory "
						+ "limit %s)",
				build.ingestSeconds(), size / build.ingestSeconds(), build.indexSeconds(), build.limit()));
		this.out.accept(String.format(Locale.ROOT,
				"  a night's exports (%,d events): ingest %.1f s, index refresh %.2f s (%,d events applied); the next "
						+ "night's refresh %.2f s",
				build.nightlyEvents(), build.nightlyIngestSeconds(), build.nightlyRefreshSeconds(),
				build.nightlyEventsApplied(), build.nextNightRefreshSeconds()));
	}

	private InProcess measureInProcess(Path dir, long size) throws Exception {
		StoreLayout layout = new StoreLayout(dir.resolve("store"));
		try (LotIndex index = new LotIndex(layout, new DuckDb(this.settings.duckDb()));
				Connection connection = index.connect()) {
			List<Integer> sample = sample(connection);
			long loadStarted = System.nanoTime();
			MemoryLotGraph memory = MemoryLotGraph.load(connection);
			double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
			DuckDbLotGraph duck = new DuckDbLotGraph(connection);
			Path scratch = dir.resolve("links-scratch.bin");
			long writeStarted = System.nanoTime();
			MemoryLotGraph.load(connection).write(scratch, GENERATION);
			double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
			long fileBytes = Files.size(scratch);
			long[] reached = new long[1];
			Timings inMemory = time(sample, (lot) -> reached[0] += Traversal.bothWays(memory, lot));
			// as a fresh process does it: map the file, check its header, walk
			Timings mapped = time(sample, (lot) -> Traversal.bothWays(mapOrFail(scratch), lot));
			Files.delete(scratch);
			Timings overIndex = time(sample, (lot) -> Traversal.bothWays(duck, lot));
			Timings postgres = postgres(connection, size, sample);
			this.out.accept(String.format(Locale.ROOT,
					"  two-way trace of %d random produced lots (median / p95 / max; %,.0f lots reached on average):",
					sample.size(), reached[0] / (double) sample.size()));
			this.out.accept("    in memory (a running service)     " + inMemory
					+ String.format(Locale.ROOT, "   [links loaded in %.1f s]", loadSeconds));
			this.out.accept("    link file mapped (one-shot)       " + mapped
					+ String.format(Locale.ROOT, "   [file of %,.1f MB, loaded and written in %.2f s]",
							fileBytes / 1e6, writeSeconds));
			this.out.accept("    DuckDB index look-ups             " + overIndex);
			this.out.accept("    PostgreSQL WITH RECURSIVE         "
					+ ((postgres != null) ? postgres : "skipped (no --postgres server given)"));
			if (postgres != null) {
				this.out.accept(String.format(Locale.ROOT,
						"    one-shot / PostgreSQL, medians: link file %.2f, DuckDB look-ups %.2f (target <= 0.5)",
						mapped.medianMillis() / postgres.medianMillis(),
						overIndex.medianMillis() / postgres.medianMillis()));
			}
			TraceService service = new TraceService(index, new IndexRefresher(index, new StoreCatalog(layout)),
					Clock.systemDefaultZone());
			service.useMemoryGraph();
			Timings full = fullTraces(service, connection, sample);
			this.out.accept("    full trace with records (service)  " + full
					+ "   [first 20 of the sample, after 40 others]");
			return new InProcess(mapped, postgres, full);
		}
	}

	/**
	 * Full traces of the first 20 lots of the sample, as a running service makes them:
	 * after it has traced others (the next 40 of the sample, each once: the compiler and
	 * the index connections' kept statements warm, the measured lots' records not read
	 * yet). Each lot's code is looked up before its trace is timed.
	 */
	private Timings fullTraces(TraceService service, Connection connection, List<Integer> sample) throws Exception {
		for (int lot : sample.subList(Math.min(20, sample.size()), Math.min(60, sample.size()))) {
			service.trace(request(connection, lot));
		}
		List<TraceRequest> requests = new ArrayList<>();
		for (int lot : sample.subList(0, Math.min(20, sample.size()))) {
			requests.add(request(connection, lot));
		}
		return timeEach(requests, service::trace);
	}

	private static TraceRequest request(Connection connection, int lot) throws SQLException {
		return new TraceRequest(code(connection, lot), assigner(connection, lot), null, null, null,
				org.lottrace.trace.Direction.BOTH, null);
	}

	private static MemoryLotGraph mapOrFail(Path file) throws IOException {
		MemoryLotGraph graph = MemoryLotGraph.map(file, GENERATION);
		if (graph == null) {
			throw new IllegalStateException("the link file " + file + " could not be mapped");
		}
		return graph;
	}

	private Timings time(List<Integer> lots, LotAction action) throws Exception {
		for (int i = 0; i < Math.min(5, lots.size()); i++) {
			action.run(lots.get(i));
		}
		return timeEach(lots, action::run);
	}

	/** Times the action on each item, once. */
	private static <T> Timings timeEach(List<T> items, Action<T> action) throws Exception {
		Timings timings = new Timings();
		for (T item : items) {
			long started = System.nanoTime();
			action.run(item);
			timings.add(System.nanoTime() - started);
		}
		return timings;
	}

	private @Nullable Timings postgres(Connection connection, long size, List<Integer> sample) throws Exception {
		if (this.settings.postgresUrl() == null) {
			return null;
		}
		LotGraph.Edges links = MemoryLotGraph.readLinks(connection);
		try (PostgresLinks postgres = PostgresLinks.open(this.settings.postgresUrl(), "lottrace_bench_link_" + size,
				links.inputs(), links.outputs())) {
			return time(sample, postgres::traceBothWays);
		}
	}

	private List<Integer> sample(Connection connection) throws SQLException {
		List<Integer> lots = new ArrayList<>();
		try (Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("SELECT DISTINCT output_lot, hash(output_lot + " + this.settings.seed()
						+ ") AS h FROM link ORDER BY h LIMIT " + this.settings.samples())) {
			while (rs.next()) {
				lots.add(rs.getInt(1));
			}
		}
		return lots;
	}

	private static String code(Connection connection, int lot) throws SQLException {
		return column(connection, lot, "lot_code");
	}

	private static String assigner(Connection connection, int lot) throws SQLException {
		return column(connection, lot, "lot_assigner");
	}

	private static String column(Connection connection, int lot, String column) throws SQLException {
		try (Statement sql = connection.createStatement();
				ResultSet rs = sql.executeQuery("SELECT " + column + " FROM lot WHERE lot_id = " + lot)) {
			rs.next();
			return rs.getString(1);
		}
	}

	/**
	 * For the service under load: 30 random produced lots to trace, and the food of the
	 * Food Traceability List with the most lots over the store's two years.
	 */
	private ServiceLoadBenchmark.Workload serviceWorkload(Path dir) throws SQLException {
		StoreLayout layout = new StoreLayout(dir.resolve("store"));
		try (LotIndex index = new LotIndex(layout, new DuckDb(this.settings.duckDb()));
				Connection connection = index.connect();
				Statement sql = connection.createStatement()) {
			List<String[]> lots = new ArrayList<>();
			try (ResultSet rs = sql.executeQuery("SELECT l.lot_code, l.lot_assigner FROM (SELECT DISTINCT output_lot "
					+ "FROM link) k JOIN lot l ON l.lot_id = k.output_lot ORDER BY hash(k.output_lot + "
					+ (this.settings.seed() + 1) + ") LIMIT 30")) {
				while (rs.next()) {
					lots.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
			// a food on the Food Traceability List: the FDA records cover only those
			try (ResultSet rs = sql.executeQuery("SELECT product_code, min(event_date), max(event_date) FROM event "
					+ "WHERE NOT superseded AND product_code IN (SELECT product_code FROM product WHERE ftl_category "
					+ "IS NOT NULL) GROUP BY product_code ORDER BY count(DISTINCT lot_id) DESC, product_code LIMIT 1")) {
				rs.next();
				return new ServiceLoadBenchmark.Workload(lots, rs.getString(1), rs.getString(2), rs.getString(3));
			}
		}
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	@FunctionalInterface
	private interface LotAction {

		void run(int lot) throws Exception;

	}

	@FunctionalInterface
	private interface Action<T> {

		void run(T item) throws Exception;

	}

}
