package org.lottrace.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lottrace.store.CommitLog;
import org.lottrace.store.StoreLayout;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Checks, before the application starts, that a command that only reads the store has a
 * store to read. Starting the application creates the store's folder, its log and (at the
 * first job) its job repository, so a mistyped {@code --store} would otherwise leave an
 * empty store behind and end with an error from deep inside the trace index.
 */
final class StoreCheck {

	private StoreCheck() {
	}

	/** The store root of the bundled {@code application.yml}. */
	static final Path DEFAULT_ROOT = Path.of("store");

	/**
	 * The store root the application will use: {@code --store}, else the configuration
	 * ({@code --config}, environment variables, {@code application.yml}), resolved as the
	 * application resolves it (the configuration files are read only without
	 * {@code --store}, and not at all when nothing could set another root than the
	 * bundled one: {@link #defaultsOnly}).
	 */
	static Path root(Map<String, Object> properties) {
		if (properties.get("lottrace.store.root") instanceof String store) {
			// --store: above every other source, so the configuration need not be read
			return Path.of(store);
		}
		if (defaultsOnly(properties, System.getenv(), System.getProperties().stringPropertyNames(), Path.of(""))) {
			return DEFAULT_ROOT;
		}
		return configuredRoot(properties);
	}

	/** The store root as the application's configuration resolves it. */
	static Path configuredRoot(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("lottrace-command-line", properties));
		// with the profile the commands run with (Launcher#application):
		// application-cli.yml
		ConfigDataEnvironmentPostProcessor.applyTo(environment, new DefaultResourceLoader(),
				new DefaultBootstrapContext(), "cli");
		return Binder.get(environment).bind("lottrace.store.root", Path.class).orElse(DEFAULT_ROOT);
	}

	/**
	 * Whether nothing but the bundled configuration could name the store root: no
	 * {@code --config} nor other Spring setting on the command line, no environment
	 * variable or system property of Spring's or for the store root, and no configuration
	 * file in the working folder ({@code application*.yml}, {@code .yaml},
	 * {@code .properties}, {@code .xml}, or a {@code config} folder). Reading the
	 * configuration as the application does (Spring Boot's config data, YAML) took
	 * 0.3-0.45 s of a trace that a running service answers, in 1.0 s in all (a million
	 * events, JDK 25).
	 */
	static boolean defaultsOnly(Map<String, Object> properties, Map<String, String> environment,
			Set<String> systemProperties, Path workingFolder) {
		if (properties.keySet().stream().anyMatch((key) -> key.startsWith("spring."))) {
			return false;
		}
		for (String name : environment.keySet()) {
			String key = name.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
			if (key.startsWith("SPRING_") || key.equals("LOTTRACE_STORE_ROOT")) {
				return false;
			}
		}
		for (String name : systemProperties) {
			// as Spring binds them: any case, dashes ignored
			String key = name.toLowerCase(Locale.ROOT).replace("-", "");
			if (key.startsWith("spring.") || key.startsWith("lottrace.store")) {
				return false;
			}
		}
		if (Files.exists(workingFolder.resolve("config"))) {
			return false;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(workingFolder.toAbsolutePath(),
				"application*.{yml,yaml,properties,xml}")) {
			return !files.iterator().hasNext();
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * What keeps a read command from running on the store at {@code root}: none, or that
	 * there is no store, or that nothing has been ingested into it.
	 */
	static Optional<String> problem(Path root) {
		StoreLayout layout = new StoreLayout(root);
		if (!Files.isDirectory(layout.root())) {
			return Optional.of("no store at " + layout.root());
		}
		if (new CommitLog(layout).committedFileIds().isEmpty()) {
			return Optional
				.of("no store at " + layout.root() + ": nothing has been ingested into it yet (lottrace ingest --store "
						+ layout.root() + " PATH...)");
		}
		return Optional.empty();
	}

}
