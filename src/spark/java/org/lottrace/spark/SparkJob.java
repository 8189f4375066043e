package org.lottrace.spark;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.JobsDirectory;
import org.lottrace.kde.UnitConverter;
import org.lottrace.report.Manifest;
import org.lottrace.report.ReportFolder;
import org.lottrace.report.ReportWriter;
import org.lottrace.report.TraceFindings;
import org.lottrace.trace.Direction;
import org.lottrace.trace.Gap;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.RecordSelection;
import org.lottrace.trace.SparkIndex;
import org.lottrace.trace.SparkTracer;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceException;
import org.lottrace.trace.TraceRequest;

/**
 * The Spark job: {@code records} (an FDA request by foods and dates, or by lot codes) and
 * {@code trace} (a lot traced both ways, or every lot of a product in a date range) over
 * the store's Iceberg tables, read by path. Spark derives the lot graph and walks it; the
 * answer is written by lottrace's own report writers into
 * {@code reports/<time>-<subject>/} (for a trace: {@code trace.json}, the FDA spreadsheet
 * and CSVs, the summary, the mock-recall report, EPCIS, manifest; for records:
 * {@code records.json}, the FDA spreadsheet and CSVs, EPCIS, manifest).
 * <p>
 * Exit codes as the command line's: 0 done and complete, 1 failed, 2 wrong usage, 4 no
 * store or nothing matches, 6 done but the answer has gaps.
 */
public final class SparkJob {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final int NOT_FOUND = 4;

	static final int INCOMPLETE = 6;

	static final String USAGE_TEXT = """
			Usage: lottrace spark records|trace [options] --store DIR
			  records  --product CODE[,CODE] --from DATE --to DATE | --lot CODE[,CODE] [--assigner X] | --from DATE --to DATE
			           [--all-foods]                    the FDA sortable spreadsheet (and CSVs) of a records request
			  trace    --lot CODE [--assigner X] | --product CODE --from DATE --to DATE
			           [--direction backward|forward|both] [--reason TEXT]    trace.json and every trace report
			Options:   --store DIR (required)  --reports DIR (default: reports)  --jobs DIR (units.yml; default: jobs)
			           --master URL (default: spark-submit's, else local[2])  --as-of TIME (the tables as of a time,
			           e.g. '2026-11-01 00:00:00')
			Exit codes: 0 done and complete, 1 failed, 2 wrong usage, 4 no store or nothing found, 6 answer incomplete""";

	private SparkJob() {
	}

	public static void main(String[] args) {
		int code = run(args, System.out, System.err);
		System.exit(code);
	}

	/** Runs the job in this JVM. @return the exit code */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		Options options;
		try {
			options = Options.parse(args);
		}
		catch (IllegalArgumentException ex) {
			err.println("lottrace spark: " + ex.getMessage());
			err.println(USAGE_TEXT);
			return USAGE;
		}
		if (options.help) {
			out.println(USAGE_TEXT);
			return OK;
		}
		Path kdeEvents = SparkIndex.tablePath(options.store, "kde_event");
		if (!Files.isDirectory(kdeEvents.resolve("metadata"))) {
			err.println("lottrace spark: no store at " + options.store + " (no Iceberg table " + kdeEvents + ")");
			return NOT_FOUND;
		}
		UnitConverter units;
		try {
			units = JobsDirectory.readUnits(options.jobs);
		}
		catch (RuntimeException ex) {
			err.println("lottrace spark: " + ex.getMessage());
			return USAGE;
		}
		quietLogs();
		Instant started = Instant.now();
		SparkSession spark = SparkSessions.start(options.master);
		try {
			SparkIndex index = SparkIndex.derive(spark, options.store, options.asOf);
			SparkTracer tracer = new SparkTracer(index, Clock.systemDefaultZone());
			return options.trace ? trace(tracer, options, units, started, out) : records(tracer, options, started, out);
		}
		catch (TraceException ex) {
			err.println("lottrace spark: " + ex.getMessage());
			return ex.notFound() ? NOT_FOUND : USAGE;
		}
		catch (Exception ex) {
			// Spark's AnalysisException is checked in Java's eyes, though Scala throws it
			// anywhere
			String message = rootMessage(ex);
			if (options.asOf != null && message.startsWith("Cannot find a snapshot older than")) {
				err.println("lottrace spark: the store has no snapshot as of " + options.asOf
						+ ": its first export was committed later");
				return NOT_FOUND;
			}
			err.println("lottrace spark: failed: " + message);
			return FAILED;
		}
		finally {
			spark.stop();
		}
	}

	private static int trace(SparkTracer tracer, Options options, UnitConverter units, Instant started,
			PrintStream out) {
		TraceRequest request = new TraceRequest(options.lot(), options.assigner, options.product(), options.from,
				options.to, options.direction, options.reason);
		long traceStarted = System.nanoTime();
		TraceFindings findings = TraceFindings.of(TraceAnalysis.of(tracer.trace(request), units));
		long traceMillis = (System.nanoTime() - traceStarted) / 1_000_000;
		ReportFolder folder = ReportFolder.create(options.reports, request.subject(), started);
		Map<String, Long> timings = new LinkedHashMap<>();
		timings.put("trace", traceMillis);
		timings.putAll(new ReportWriter(Clock.systemDefaultZone()).trace(findings, started, folder));
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("lots", findings.analysis().result().lots().size());
		counts.put("links", findings.analysis().result().links().size());
		counts.put("records", findings.analysis().result().events().size());
		counts.put("shipments", findings.analysis().shipments().size());
		counts.put("gaps", findings.gaps().size());
		counts.put("complete", findings.complete());
		manifest(options, counts, timings, folder, started);
		out.printf("%s: %s lots, %s links, %s records, %s shipments%n", request.subject(), counts.get("lots"),
				counts.get("links"), counts.get("records"), counts.get("shipments"));
		return finish(findings.gaps(), folder, out);
	}

	private static int records(SparkTracer tracer, Options options, Instant started, PrintStream out) {
		RecordRequest request = new RecordRequest(options.products, options.from, options.to, options.lots,
				options.assigner, options.allFoods);
		long selectStarted = System.nanoTime();
		RecordSelection selection = tracer.records(request);
		long selectMillis = (System.nanoTime() - selectStarted) / 1_000_000;
		ReportFolder folder = ReportFolder.create(options.reports, "records " + request.subject(), started);
		Map<String, Long> timings = new LinkedHashMap<>();
		timings.put("select", selectMillis);
		timings.putAll(new ReportWriter(Clock.systemDefaultZone()).records(selection, folder));
		Map<String, Object> counts = new LinkedHashMap<>();
		counts.put("records", selection.events().size());
		counts.put("gaps", selection.gaps().size());
		counts.put("complete", selection.gaps().isEmpty());
		manifest(options, counts, timings, folder, started);
		out.printf("records %s: %d records%n", request.subject(), selection.events().size());
		return finish(selection.gaps(), folder, out);
	}

	private static int finish(List<Gap> gaps, ReportFolder folder, PrintStream out) {
		if (!gaps.isEmpty()) {
			out.println("INCOMPLETE: " + gaps.size() + " gap(s)");
			for (Gap gap : gaps) {
				out.println(
						"  " + gap.kind().label() + ((gap.lot() != null) ? " " + gap.lot() : "") + ": " + gap.reason()
								+ ((gap.file() != null) ? " (" + gap.file() + ", line " + gap.line() + ")" : ""));
			}
		}
		out.println("Reports: " + folder.path());
		return gaps.isEmpty() ? OK : INCOMPLETE;
	}

	private static void manifest(Options options, Map<String, Object> counts, Map<String, Long> timings,
			ReportFolder folder, Instant started) {
		Instant finished = Instant.now();
		timings.put("total", Duration.between(started, finished).toMillis());
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("engine", "spark");
		request.put("arguments", String.join(" ", options.arguments));
		Map<String, Object> store = new LinkedHashMap<>();
		store.put("root", options.store.toString());
		if (options.asOf != null) {
			store.put("asOf", options.asOf);
		}
		String version = SparkJob.class.getPackage().getImplementationVersion();
		new Manifest((version != null) ? version : "development", finished, request, store, counts,
				new LinkedHashMap<>(timings), Manifest.files(folder.path()))
			.write(folder.path());
	}

	/**
	 * Spark logs every step at INFO: with lottrace's Logback (./lottrace spark, the
	 * tests) only warnings are shown. Under spark-submit Spark's own Log4j configuration
	 * decides.
	 */
	private static void quietLogs() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(ch.qos.logback.classic.Level.WARN);
			// lot ids are numbered in one ordered pass (the embedded index numbers them
			// too)
			context.getLogger("org.apache.spark.sql.execution.window.WindowExec")
				.setLevel(ch.qos.logback.classic.Level.ERROR);
			for (String noise : List.of("org.apache.hadoop.util.NativeCodeLoader",
					"org.apache.spark.util.SparkStringUtils", "org.apache.spark.storage.BlockManager")) {
				context.getLogger(noise).setLevel(ch.qos.logback.classic.Level.ERROR);
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		return (message != null) ? message.lines().findFirst().orElse(message) : cause.getClass().getSimpleName();
	}

	/** The command line. */
	static final class Options {

		boolean help;

		boolean trace;

		Path store = Path.of("store");

		Path reports = Path.of("reports");

		Path jobs = Path.of("jobs");

		@Nullable String master;

		@Nullable String asOf;

		List<String> products = new ArrayList<>();

		List<String> lots = new ArrayList<>();

		@Nullable String assigner;

		@Nullable LocalDate from;

		@Nullable LocalDate to;

		boolean allFoods;

		Direction direction = Direction.BOTH;

		@Nullable String reason;

		List<String> arguments = List.of();

		@Nullable String lot() {
			return this.lots.isEmpty() ? null : this.lots.get(0);
		}

		@Nullable String product() {
			return this.products.isEmpty() ? null : this.products.get(0);
		}

		static Options parse(String[] args) {
			Options options = new Options();
			options.arguments = List.of(args);
			if (args.length == 0) {
				throw new IllegalArgumentException("say records or trace");
			}
			if (List.of("--help", "-h", "help").contains(args[0])) {
				options.help = true;
				return options;
			}
			switch (args[0]) {
				case "trace" -> options.trace = true;
				case "records" -> options.trace = false;
				default -> throw new IllegalArgumentException("unknown command '" + args[0] + "': records or trace");
			}
			boolean store = false;
			for (int i = 1; i < args.length; i++) {
				String option = args[i];
				if (option.equals("--help") || option.equals("-h")) {
					options.help = true;
					return options;
				}
				if (option.equals("--all-foods")) {
					options.allFoods = true;
					continue;
				}
				if (i + 1 >= args.length) {
					throw new IllegalArgumentException("option " + option + " needs a value");
				}
				String value = args[++i];
				switch (option) {
					case "--store" -> {
						options.store = Path.of(value).toAbsolutePath().normalize();
						store = true;
					}
					case "--reports" -> options.reports = Path.of(value).toAbsolutePath().normalize();
					case "--jobs" -> options.jobs = Path.of(value).toAbsolutePath().normalize();
					case "--master" -> options.master = value;
					case "--as-of" -> options.asOf = time(value);
					case "--product" -> options.products.addAll(list(value));
					case "--lot" -> options.lots.addAll(list(value));
					case "--assigner" -> options.assigner = value;
					case "--from" -> options.from = date(option, value);
					case "--to" -> options.to = date(option, value);
					case "--reason" -> options.reason = value;
					case "--direction" -> {
						try {
							options.direction = Direction.valueOf(value.toUpperCase(Locale.ROOT));
						}
						catch (IllegalArgumentException ex) {
							throw new IllegalArgumentException(
									"--direction: '" + value + "' is not backward, forward or both");
						}
					}
					default -> throw new IllegalArgumentException("unknown option " + option);
				}
			}
			if (!store) {
				throw new IllegalArgumentException("--store DIR is required");
			}
			if (options.from != null && options.to != null && options.to.isBefore(options.from)) {
				throw new IllegalArgumentException("--to " + options.to + " is before --from " + options.from);
			}
			if (options.trace) {
				if ((options.lots.isEmpty()) == (options.products.isEmpty())) {
					throw new IllegalArgumentException("trace: give either --lot or --product (with --from/--to)");
				}
				if (options.lots.size() > 1 || options.products.size() > 1) {
					throw new IllegalArgumentException("trace: one lot or one product at a time");
				}
			}
			else if (options.products.isEmpty() && options.lots.isEmpty() && options.from == null
					&& options.to == null) {
				throw new IllegalArgumentException("records: give --product, --lot or a date range");
			}
			return options;
		}

		private static List<String> list(String value) {
			return Arrays.stream(value.split(",")).map(String::trim).filter((s) -> !s.isEmpty()).toList();
		}

		/** A time as Spark reads it for {@code timestampAsOf}, checked here. */
		private static String time(String value) {
			String text = value.strip().replace('T', ' ');
			try {
				if (text.length() == 10) {
					return LocalDate.parse(text) + " 00:00:00";
				}
				java.time.LocalDateTime.parse(text.replace(' ', 'T'));
				return text;
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(
						"--as-of: '" + value + "' is not a time (YYYY-MM-DD HH:MM:SS, in UTC, or YYYY-MM-DD)");
			}
		}

		private static LocalDate date(String option, String value) {
			try {
				return LocalDate.parse(value);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException(option + ": '" + value + "' is not a date (YYYY-MM-DD)");
			}
		}

	}

}
