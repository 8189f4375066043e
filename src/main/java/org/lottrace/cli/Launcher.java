package org.lottrace.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lottrace.LottraceApplication;
import org.lottrace.ingest.IngestException;
import org.lottrace.ingest.MappingException;
import org.lottrace.ingest.StoreBusyException;
import org.lottrace.trace.IndexBusyException;
import org.springframework.aot.AotDetector;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs a command line: parses it with picocli before anything else starts, so that
 * {@code --help}, a wrong option or a missing argument answer at once with a one-line
 * message; then starts the application (with a web server only for {@code serve}) and
 * runs the command in it.
 */
public final class Launcher {

	/** H2's {@code ErrorCode.DATABASE_ALREADY_OPEN_1}. */
	private static final int H2_DATABASE_ALREADY_OPEN = 90020;

	static final String JOB_REPOSITORY_BUSY = "lottrace: another lottrace process (a running serve, an ingestion, an "
			+ "index rebuild or a trace) has the store's job repository open; use the service's page and API, or try "
			+ "again when it has finished";

	/** Spring Boot's switch for its background pre-initialization. */
	private static final String BACKGROUND_PREINITIALIZER_IGNORE = "spring.backgroundpreinitializer.ignore";

	private Launcher() {
	}

	public static int run(String... args) {
		PrintWriter err = new PrintWriter(System.err, true);
		LottraceCommand root = new LottraceCommand();
		CommandLine cli = LottraceCommand.commandLine(root, args);
		for (ExtraCommands extra : ServiceLoader.load(ExtraCommands.class)) {
			extra.commands().forEach(cli::addSubcommand);
		}
		// after the extra commands joined: the setting reaches only the subcommands there
		// are (`bench ingest --exports shipping`, `generate --only shipping`)
		cli.setCaseInsensitiveEnumValuesAllowed(true);
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(args);
		}
		catch (ParameterException ex) {
			err.println("lottrace: " + ex.getMessage());
			err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
			return ExitCodes.USAGE;
		}
		Integer help = CommandLine.executeHelpRequest(parsed);
		if (help != null) {
			return help;
		}
		List<CommandLine> commands = parsed.asCommandLineList();
		CommandLine leaf = commands.get(commands.size() - 1);
		if (!(leaf.getCommand() instanceof SpringCommand command)) {
			leaf.usage(System.out);
			return ExitCodes.USAGE;
		}
		Map<String, Object> properties = new LinkedHashMap<>(root.global.properties());
		properties.putAll(command.properties());
		// a class-data training run (spring.context.exit) starts the application only
		if (command.readsStore() && System.getProperty("spring.context.exit") == null) {
			Path storeRoot = StoreCheck.root(properties);
			Optional<String> problem = StoreCheck.problem(storeRoot);
			if (problem.isPresent()) {
				err.println("lottrace: " + problem.get());
				return ExitCodes.NOT_FOUND;
			}
			if (command instanceof TraceCommand trace) {
				// a running serve holds the index: ask it rather than refuse
				try {
					Integer exit = trace.askRunningService(storeRoot);
					if (exit != null) {
						return exit;
					}
				}
				catch (CommandException ex) {
					err.println("lottrace: " + ex.getMessage());
					return ex.exitCode();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return ExitCodes.FAILED;
				}
			}
		}
		warmUpDuckDb();
		return run(command, properties, err);
	}

	/**
	 * What is wrong with a setting (from {@code application.yml}, {@code --spring...} or
	 * the environment) that stopped the start, in one line; {@code null} when no setting
	 * did.
	 */
	static @Nullable String settingProblem(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof org.springframework.boot.context.properties.bind.BindException bind) {
				String name = bind.getName().toString();
				var property = bind.getProperty();
				Class<?> type = bind.getTarget().getType().resolve();
				if (type != null && type.isEnum() && property != null) {
					return name + ": '" + property.getValue() + "' is not one of "
							+ java.util.Arrays.stream(type.getEnumConstants())
								.map((c) -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
								.collect(java.util.stream.Collectors.joining(", "));
				}
				if (bind
					.getCause() instanceof org.springframework.boot.context.properties.bind.validation.BindValidationException validation) {
					return validation.getValidationErrors()
						.getAllErrors()
						.stream()
						.map((error) -> ((error instanceof org.springframework.validation.FieldError field)
								? name + "." + field.getField() : name) + ": " + error.getDefaultMessage())
						.collect(java.util.stream.Collectors.joining("; "));
				}
				return name + ((property != null) ? ": '" + property.getValue() + "'" : "") + ": " + rootMessage(bind);
			}
		}
		return null;
	}

	/**
	 * The application a command runs in: {@code serve}'s with its web server, every other
	 * command's without ({@link CommandApplication}). The latter's bean definitions are
	 * made at build time (Spring AOT:
	 * {@code CommandApplication__ApplicationContextInitializer}, which the build's
	 * {@code process-aot} step writes from this same application) and used when the build
	 * made them: the configuration classes are not parsed nor their conditions weighed at
	 * every start.
	 */
	static SpringApplication application(boolean web, Map<String, Object> properties) {
		// not while the build's AOT step runs this application to write them
		boolean generated = !web && !Boolean.getBoolean("spring.aot.processing")
				&& ClassUtils.isPresent(CommandApplication.class.getName() + "__ApplicationContextInitializer",
						Launcher.class.getClassLoader());
		if (generated) {
			System.setProperty(AotDetector.AOT_ENABLED, "true");
		}
		else {
			System.clearProperty(AotDetector.AOT_ENABLED);
		}
		// Spring Boot warms the classes of a web server and a service on a thread of its
		// own, which serve keeps; a one-shot command on two cores is faster without it
		// (a sample trace 1.30 s against 1.35 s, ten runs each taking turns)
		if (web) {
			System.clearProperty(BACKGROUND_PREINITIALIZER_IGNORE);
		}
		else {
			System.setProperty(BACKGROUND_PREINITIALIZER_IGNORE, "true");
		}
		// the main class names the generated definitions the application looks for
		Class<?> main = web ? LottraceApplication.class : CommandApplication.class;
		SpringApplication application = new SpringApplication(main);
		application.setMainApplicationClass(main);
		application.setWebApplicationType(web ? WebApplicationType.SERVLET : WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setAddCommandLineProperties(false);
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("lottrace-command-line", properties));
		application.setEnvironment(environment);
		application.setAdditionalProfiles(web ? "serve" : "cli");
		return application;
	}

	private static int run(SpringCommand command, Map<String, Object> properties, PrintWriter err) {
		SpringApplication application = application(command.web(), properties);
		ConfigurableApplicationContext context;
		try {
			context = application.run();
		}
		catch (RuntimeException ex) {
			if (jobRepositoryBusy(ex)) {
				err.println(JOB_REPOSITORY_BUSY);
				return ExitCodes.BUSY;
			}
			String setting = settingProblem(ex);
			if (setting != null) {
				err.println("lottrace: setting " + setting);
				return ExitCodes.USAGE;
			}
			err.println("lottrace: could not start: " + rootMessage(ex));
			return ExitCodes.FAILED;
		}
		try (context) {
			return command.call(context);
		}
		catch (CommandException ex) {
			err.println("lottrace: " + ex.getMessage());
			return ex.exitCode();
		}
		catch (MappingException ex) {
			err.println("lottrace: invalid mapping: " + ex.file());
			ex.problems().forEach((p) -> err.println("  " + p));
			return ExitCodes.USAGE;
		}
		catch (StoreBusyException | IndexBusyException ex) {
			err.println("lottrace: " + ex.getMessage());
			return ExitCodes.BUSY;
		}
		catch (IngestException ex) {
			err.println("lottrace: " + ex.getMessage());
			return ExitCodes.USAGE;
		}
		catch (Exception ex) {
			if (jobRepositoryBusy(ex)) {
				err.println(JOB_REPOSITORY_BUSY);
				return ExitCodes.BUSY;
			}
			// beans are made when a command first needs them, and with them their
			// settings
			String setting = settingProblem(ex);
			if (setting != null) {
				err.println("lottrace: setting " + setting);
				return ExitCodes.USAGE;
			}
			err.println("lottrace: failed: " + rootMessage(ex));
			return ExitCodes.FAILED;
		}
		finally {
			quietLogging();
		}
	}

	/**
	 * Whether the embedded H2 job repository is open in another process. It is embedded
	 * only (no AUTO_SERVER, so that no database port is ever opened), so a second process
	 * cannot share it: H2 refuses with "Database may be already in use" (error 90020).
	 */
	static boolean jobRepositoryBusy(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof java.sql.SQLException sql && sql.getErrorCode() == H2_DATABASE_ALREADY_OPEN) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Stops logback's status messages once the command is done. Spring has closed its
	 * logging with the application by then, and a line Hadoop's shutdown hook logs (it
	 * closes the file systems Iceberg opened) would reach the console as logback's "No
	 * appenders present" warning, after the command's last line; it did once in a test of
	 * a one-line error.
	 */
	static void quietLogging() {
		if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
			var statuses = context.getStatusManager();
			statuses.getCopyOfStatusListenerList().forEach(statuses::remove);
		}
	}

	/**
	 * Loads DuckDB's native library (about 0.85 s) on a background thread while the
	 * application starts, so that a short command such as {@code trace} does not pay for
	 * both one after the other.
	 */
	private static void warmUpDuckDb() {
		Thread warmUp = new Thread(() -> {
			try (java.sql.Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
				// loaded
			}
			catch (Exception | LinkageError ex) {
				// the command reports DuckDB problems when it uses it
			}
		}, "duckdb-warm-up");
		warmUp.setDaemon(true);
		warmUp.start();
	}

	static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getName();
	}

}
