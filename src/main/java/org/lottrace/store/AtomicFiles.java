package org.lottrace.store;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The one way lottrace writes a file that others read (a commit, a manifest, a report, a
 * plan, the users file): written aside under a hidden name in the same folder, forced to
 * disk, then moved into place in one step, so that a crash at any point leaves either the
 * whole new file or the one before it, never a half-written file under the final name,
 * and nothing behind under the hidden name when the write fails.
 */
public final class AtomicFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private AtomicFiles() {
	}

	/** What writes a file's content. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

	/** How the file is placed. */
	public enum Mode {

		/** Replaces the file if it exists; the usual permissions of a new file. */
		REPLACE,

		/**
		 * Replaces the file if it exists; only its owner may read or write it (mode
		 * 0600), from the moment the aside file is created.
		 */
		OWNER_ONLY,

		/**
		 * Never replaces a file: fails with {@link FileAlreadyExistsException} when one
		 * is there.
		 */
		CREATE

	}

	/** Writes the file, replacing it. @return {@code file} */
	public static Path write(Path file, Content content) {
		return write(file, content, Mode.REPLACE);
	}

	/** Writes text (UTF-8), replacing the file. @return {@code file} */
	public static Path writeString(Path file, String text) {
		return write(file, text(text), Mode.REPLACE);
	}

	/** Writes text (UTF-8). @return {@code file} */
	public static Path writeString(Path file, String text, Mode mode) {
		return write(file, text(text), mode);
	}

	/**
	 * Writes the file.
	 * @return {@code file}
	 * @throws UncheckedIOException when it cannot be written (or, with
	 * {@link Mode#CREATE}, exists: its cause is a {@link FileAlreadyExistsException})
	 */
	public static Path write(Path file, Content content, Mode mode) {
		Path target = file.toAbsolutePath();
		Path folder = PrivateFiles.folderOf(target);
		Path aside = null;
		try {
			if (mode == Mode.CREATE && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
				throw new FileAlreadyExistsException(target.toString(), null, "it is never replaced");
			}
			if (mode == Mode.OWNER_ONLY) {
				PrivateFiles.folder(folder);
			}
			else {
				Files.createDirectories(folder);
			}
			aside = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
			if (mode == Mode.OWNER_ONLY && POSIX) {
				Files.createFile(aside,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			try (OutputStream out = Files.newOutputStream(aside, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				content.writeTo(out);
			}
			force(aside);
			move(aside, target, mode);
			aside = null;
			forceFolder(folder);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
		finally {
			deleteQuietly(aside);
		}
	}

	private static Content text(String text) {
		return (out) -> out.write(text.getBytes(StandardCharsets.UTF_8));
	}

	private static void move(Path aside, Path target, Mode mode) throws IOException {
		if (mode == Mode.CREATE) {
			// a rename replaces silently; a new link fails when the name is taken
			try {
				Files.createLink(target, aside);
				Files.delete(aside);
				return;
			}
			catch (UnsupportedOperationException ex) {
				if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
					throw new FileAlreadyExistsException(target.toString(), null, "it is never replaced");
				}
			}
		}
		try {
			Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	/** Forces a file's content to disk. */
	public static void force(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
			channel.force(true);
		}
	}

	/**
	 * Forces a folder's entries to disk, so that a file moved into it stays there after a
	 * power loss; where a folder cannot be opened (not POSIX), the file system keeps its
	 * own order.
	 */
	private static void forceFolder(Path folder) {
		if (!POSIX) {
			return;
		}
		try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// some file systems refuse to open a folder: the move itself is done
		}
	}

	private static void deleteQuietly(@Nullable Path aside) {
		if (aside != null) {
			try {
				Files.deleteIfExists(aside);
			}
			catch (IOException ex) {
				// it keeps its hidden name; it is never read
			}
		}
	}

}
