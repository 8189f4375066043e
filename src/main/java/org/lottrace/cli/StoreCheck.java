package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.lottrace.store.CommitLog;
import org.lottrace.store.StoreLayout;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Checks, before the application starts, that a command that only reads the store has a
 * store to read. Starting the application creates the store's folder, its log and (at the
 * first job) its job repository, so a mistyped {@code --store} would otherwise leave an
 * empty store behind and end with an error from deep inside the trace index.
 */
final class StoreCheck {

	private StoreCheck() {
	}

	/**
	 * The store root the application will use: {@code --store}, else the configuration
	 * ({@code --config}, environment variables, {@code application.yml}), resolved as the
	 * application resolves it (the configuration files are read only without
	 * {@code --store}).
	 */
	static Path root(Map<String, Object> properties) {
		if (properties.get("lottrace.store.root") instanceof String store) {
			// --store: above every other source, so the configuration need not be read
			return Path.of(store);
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("lottrace-command-line", properties));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		return Binder.get(environment).bind("lottrace.store.root", Path.class).orElse(Path.of("store"));
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
