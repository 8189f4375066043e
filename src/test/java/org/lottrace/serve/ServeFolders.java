package org.lottrace.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.lottrace.ingest.JobsDirectory;
import org.lottrace.ingest.SourceMapping;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The folders of a service under test (store, reports, inbox, jobs) under
 * {@code target/serve-tests/}, and exports laid in its inbox as an ERP would drop them.
 */
record ServeFolders(Path root) {

	static final Path SAMPLE_DATA = Path.of("sample-data").toAbsolutePath();

	static final Path JOBS = Path.of("jobs").toAbsolutePath();

	/**
	 * A new, empty set of folders, with a copy of {@code jobs/} that tests may change.
	 */
	static ServeFolders create(String name) {
		try {
			Path parent = Files.createDirectories(Path.of("target", "serve-tests").toAbsolutePath());
			ServeFolders folders = new ServeFolders(Files.createTempDirectory(parent, name + "-"));
			Files.createDirectories(folders.jobs());
			try (Stream<Path> files = Files.list(JOBS)) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.copy(file, folders.jobs().resolve(file.getFileName()));
				}
			}
			return folders;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path store() {
		return this.root.resolve("store");
	}

	Path reports() {
		return this.root.resolve("reports");
	}

	Path jobs() {
		return this.root.resolve("jobs");
	}

	Path plans() {
		return this.root.resolve("plans");
	}

	Path inbox() {
		return this.root.resolve("inbox");
	}

	Path archive() {
		return inbox().resolve("_archive");
	}

	Path failed() {
		return inbox().resolve("_failed");
	}

	/** The service's folders, schedule and settle time. */
	void register(DynamicPropertyRegistry registry, String schedule, Duration settle) {
		registry.add("lottrace.store.root", () -> store().toString());
		registry.add("lottrace.reports.root", () -> reports().toString());
		registry.add("lottrace.ingest.jobs", () -> jobs().toString());
		registry.add("lottrace.plan.root", () -> plans().toString());
		registry.add("lottrace.serve.inbox", () -> inbox().toString());
		registry.add("lottrace.serve.schedule", () -> schedule);
		registry.add("lottrace.serve.settle", settle::toString);
		registry.add("lottrace.serve.scan-on-start", () -> "true");
	}

	/**
	 * Copies exports into the folder of the source whose mapping claims them, as files
	 * written an hour ago (settled).
	 */
	void laySettled(List<Path> exports) {
		JobsDirectory jobs = JobsDirectory.read(jobs());
		try {
			for (Path export : exports) {
				Path target = sourceFolder(jobs, export).resolve(export.getFileName());
				Files.copy(export, target, StandardCopyOption.REPLACE_EXISTING);
				Files.setLastModifiedTime(target, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The inbox folder of a source ({@code inbox/<source>/}), created. */
	Path sourceFolder(String source) {
		JobsDirectory jobs = JobsDirectory.read(jobs());
		SourceMapping mapping = jobs.mapping(source).orElseThrow();
		return createDirectories(inbox().resolve(mapping.inbox()));
	}

	private Path sourceFolder(JobsDirectory jobs, Path export) {
		List<SourceMapping> mappings = jobs.matching(export);
		if (mappings.size() != 1) {
			throw new IllegalArgumentException(export + " is claimed by " + mappings.size() + " mappings");
		}
		return createDirectories(inbox().resolve(mappings.get(0).inbox()));
	}

	/** Every export of {@code sample-data/}. */
	static List<Path> sampleExports() {
		try (Stream<Path> files = Files.walk(SAMPLE_DATA)) {
			return files.filter(Files::isRegularFile)
				.filter((f) -> !f.startsWith(SAMPLE_DATA.resolve("expected")) && !f.endsWith("README.md"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path createDirectories(Path folder) {
		try {
			return Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
