package org.lottrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Folders and files only their owner may read: the store (KDE records, the job
 * repository, the trace index, logs), report folders and credentials. Java cannot set a
 * umask, so a folder lottrace makes is created without access for group and others, and a
 * folder that exists loses the access of others (its group keeps what it was given on
 * purpose); whatever is created inside is then out of reach of other users, whatever its
 * own mode. On file systems without POSIX permissions nothing is changed.
 */
public final class PrivateFiles {

	private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

	private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.OTHERS_READ,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

	private PrivateFiles() {
	}

	/**
	 * Creates a folder (mode 0700) with its missing parents, or takes others' access away
	 * from the folder that is there.
	 * @return the folder
	 */
	public static Path folder(Path folder) {
		try {
			if (!POSIX) {
				return Files.createDirectories(folder);
			}
			if (Files.isDirectory(folder)) {
				Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
				if (permissions.removeAll(OTHERS)) {
					Files.setPosixFilePermissions(folder, permissions);
				}
				return folder;
			}
			if (folder.getParent() != null) {
				Files.createDirectories(folder.getParent());
			}
			Files.createDirectory(folder,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not prepare the folder " + folder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The folder a file is in: the parent of its absolute path (a file's absolute path
	 * always has one; only a root has none).
	 */
	public static Path folderOf(Path file) {
		Path absolute = file.toAbsolutePath();
		Path parent = absolute.getParent();
		return (parent != null) ? parent : absolute;
	}

	/**
	 * Writes a file that only its owner may read or write (mode 0600), atomically:
	 * written aside, then moved into place, so that no reader ever sees it half-written
	 * or with wider permissions.
	 */
	public static void write(Path file, String text) {
		AtomicFiles.writeString(file, text, AtomicFiles.Mode.OWNER_ONLY);
	}

	/**
	 * Whether users other than the owner and the group may read, write or enter a file or
	 * folder (always false without POSIX permissions).
	 */
	public static boolean openToOthers(Path file) {
		try {
			return POSIX && Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS)
				.stream()
				.anyMatch(OTHERS::contains);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
