package org.lottrace.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.AtomicFiles;
import org.lottrace.store.PrivateFiles;

/**
 * The plans folder: one version of the plan per file pair,
 * {@code traceability-plan-2026-11-23.md} and {@code .html} (a second version the same
 * day gets {@code -2}). A version is written once and never changed or deleted:
 * superseded versions must be kept two years after they are superseded (§ 1.1315(c)), and
 * lottrace keeps them for good. The Markdown file ends with the SHA-256 of the plan's
 * content, so a new version is written only when the content differs from the latest
 * one's.
 */
final class PlanVersions {

	static final String PREFIX = "traceability-plan-";

	private static final Pattern NAME = Pattern
		.compile(Pattern.quote(PREFIX) + "(\\d{4}-\\d{2}-\\d{2})(?:-(\\d+))?\\.md");

	private static final Pattern HASH = Pattern.compile("<!-- lottrace plan content sha256: ([0-9a-f]{64}) -->");

	private final Path root;

	PlanVersions(Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	/**
	 * One version.
	 *
	 * @param name the file name without its extension
	 * @param date the day it took effect
	 * @param sequence 1 for the day's first version, then 2, 3...
	 * @param contentSha256 the SHA-256 of its content, or {@code null} when the file does
	 * not end with it
	 */
	record Version(String name, LocalDate date, int sequence, Path markdown, Path html,
			@Nullable String contentSha256) {

		static final Comparator<Version> ORDER = Comparator.comparing(Version::date)
			.thenComparingInt(Version::sequence);

	}

	Path root() {
		return this.root;
	}

	/** Every version, oldest first. */
	List<Version> list() {
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.root)) {
			List<Version> versions = new ArrayList<>();
			for (Path file : files.toList()) {
				Matcher name = NAME.matcher(file.getFileName().toString());
				if (name.matches() && Files.isRegularFile(file)) {
					int sequence = (name.group(2) != null) ? Integer.parseInt(name.group(2)) : 1;
					versions.add(version(LocalDate.parse(name.group(1)), sequence, contentHash(file)));
				}
			}
			versions.sort(Version.ORDER);
			return versions;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the plans in " + this.root, ex);
		}
	}

	Optional<Version> latest() {
		List<Version> versions = list();
		return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
	}

	/**
	 * Writes a new version dated {@code date} unless the latest one has this content; one
	 * writer at a time, across processes.
	 * @param render the Markdown and HTML of the new version, given what it supersedes
	 * @return the version written, or empty when the latest one has this content
	 */
	Optional<Version> writeIfChanged(LocalDate date, String contentSha256,
			java.util.function.Function<@Nullable Version, Rendered> render) {
		PrivateFiles.folder(this.root);
		try (FileChannel lock = FileChannel.open(this.root.resolve(".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock held = lock.lock()) {
			Version latest = latest().orElse(null);
			if (latest != null && contentSha256.equals(latest.contentSha256())) {
				return Optional.empty();
			}
			int sequence = list().stream()
				.filter((v) -> v.date().equals(date))
				.mapToInt(Version::sequence)
				.max()
				.orElse(0) + 1;
			Version version = version(date, sequence, contentSha256);
			Rendered rendered = render.apply(latest);
			create(version.html(), rendered.html());
			create(version.markdown(),
					rendered.markdown() + "\n<!-- lottrace plan content sha256: " + contentSha256 + " -->\n");
			return Optional.of(version);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the plan in " + this.root + ": " + ex.getMessage(), ex);
		}
	}

	/** A version's two documents. */
	record Rendered(String markdown, String html) {

	}

	private Version version(LocalDate date, int sequence, @Nullable String hash) {
		String name = PREFIX + date + ((sequence > 1) ? "-" + sequence : "");
		return new Version(name, date, sequence, this.root.resolve(name + ".md"), this.root.resolve(name + ".html"),
				hash);
	}

	/**
	 * Writes a file that must not exist yet: aside, then moved into place without
	 * replacing anything, then made read-only.
	 */
	private static void create(Path file, String text) throws IOException {
		try {
			AtomicFiles.writeString(file, text, AtomicFiles.Mode.CREATE);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r-----"));
		}
	}

	private static @Nullable String contentHash(Path markdown) throws IOException {
		List<String> lines = Files.readAllLines(markdown, StandardCharsets.UTF_8);
		for (int i = lines.size() - 1; i >= 0 && i >= lines.size() - 3; i--) {
			Matcher hash = HASH.matcher(lines.get(i).strip());
			if (hash.matches()) {
				return hash.group(1);
			}
		}
		return null;
	}

}
