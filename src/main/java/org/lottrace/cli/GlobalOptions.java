package org.lottrace.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command takes: where the store, the mappings and the reports are, and
 * extra configuration.
 */
class GlobalOptions {

	@Option(names = "--store", paramLabel = "DIR", scope = ScopeType.INHERIT,
			description = "The store folder (default: ./store, or lottrace.store.root).")
	@Nullable Path store;

	@Option(names = "--jobs", paramLabel = "DIR", scope = ScopeType.INHERIT,
			description = "The folder of source mappings and units.yml (default: ./jobs).")
	@Nullable Path jobs;

	@Option(names = "--reports", paramLabel = "DIR", scope = ScopeType.INHERIT,
			description = "Where reports are written (default: ./reports).")
	@Nullable Path reports;

	@Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
			description = "An extra application.yml whose settings override the defaults.")
	@Nullable Path config;

	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.store != null) {
			properties.put("lottrace.store.root", this.store.toAbsolutePath().toString());
		}
		if (this.jobs != null) {
			properties.put("lottrace.ingest.jobs", this.jobs.toAbsolutePath().toString());
		}
		if (this.reports != null) {
			properties.put("lottrace.reports.root", this.reports.toAbsolutePath().toString());
		}
		if (this.config != null) {
			properties.put("spring.config.additional-location", "optional:file:" + this.config.toAbsolutePath());
		}
		return properties;
	}

}
