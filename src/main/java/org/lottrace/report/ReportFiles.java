package org.lottrace.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Writes a report file so that it is either complete or absent: the text goes to a
 * temporary file in the same folder, which is then renamed over the target.
 */
final class ReportFiles {

	private ReportFiles() {
	}

	/**
	 * @return the file written, as given
	 * @throws UncheckedIOException when the file cannot be written; no partial file is
	 * left behind
	 */
	static Path writeAtomically(Path file, String text) {
		Path target = file.toAbsolutePath();
		Path folder = target.getParent();
		@Nullable Path temp = null;
		try {
			Files.createDirectories(folder);
			// not Files.createTempFile: its owner-only permissions would stay on the
			// report
			temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".inprogress");
			Files.writeString(temp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			move(temp, target);
			return file;
		}
		catch (IOException ex) {
			deleteQuietly(temp);
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static void deleteQuietly(@Nullable Path temp) {
		if (temp != null) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException ex) {
				// the original failure is the one to report
			}
		}
	}

}
