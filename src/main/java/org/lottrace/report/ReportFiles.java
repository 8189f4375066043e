package org.lottrace.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Writes a report file aside and moves it into place when complete, so that a crash
 * leaves no half-written file under the final name.
 */
public final class ReportFiles {

	private ReportFiles() {
	}

	/** What writes a file's content. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/**
	 * Writes {@code file} through a temporary file in the same folder (not
	 * {@code Files.createTempFile}, whose owner-only permissions the report would keep).
	 * @return {@code file}
	 */
	public static Path write(Path file, Content content) {
		Path target = file.toAbsolutePath();
		Path temp = null;
		try {
			Files.createDirectories(target.getParent());
			temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".inprogress");
			try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE)) {
				content.writeTo(out);
			}
			move(temp, target);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(temp);
		}
	}

	/** Writes text (UTF-8) the same way. @return {@code file} */
	public static Path writeAtomically(Path file, String text) {
		return write(file, (out) -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(@Nullable Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// the temporary file stays; it never has the report's name
			}
		}
	}

}
