package org.lottrace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The folder of one report run: {@code reports/20261123-101500-lot-C261014A/}. Named by
 * the local time of the run and what it is about; never reused: a second run in the same
 * second gets a numbered folder.
 */
public record ReportFolder(Path path) {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	public static ReportFolder create(Path root, String subject, Instant at) {
		String base = STAMP.format(at.atZone(ZoneId.systemDefault())) + "-" + slug(subject);
		try {
			Files.createDirectories(root);
			for (int n = 1;; n++) {
				Path candidate = root.resolve((n == 1) ? base : base + "-" + n);
				try {
					return new ReportFolder(Files.createDirectory(candidate));
				}
				catch (FileAlreadyExistsException ex) {
					// taken: try the next number
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create a report folder in " + root, ex);
		}
	}

	/** Lower-case letters, digits and dashes, at most 60 characters. */
	static String slug(String subject) {
		String slug = subject.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
		return slug.isEmpty() ? "report" : slug.substring(0, Math.min(60, slug.length()));
	}

	public Path file(String name) {
		return this.path.resolve(name);
	}

	public String name() {
		return this.path.getFileName().toString();
	}

}
