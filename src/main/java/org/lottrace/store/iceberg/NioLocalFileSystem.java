package org.lottrace.store.iceberg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, checksum files and all, that sets the permissions of the
 * files and folders it creates through {@code java.nio}: without Hadoop's native library
 * (which lottrace does not ship), {@link RawLocalFileSystem} starts a {@code chmod}
 * process for each one, 14 in an ingestion's Iceberg commit. The store's catalogs open
 * {@code file:} paths with it ({@link IcebergTables#hadoopConfiguration}).
 */
public final class NioLocalFileSystem extends LocalFileSystem {

	public NioLocalFileSystem() {
		super(new Raw());
	}

	/** The raw file system underneath, with the permissions set in process. */
	static final class Raw extends RawLocalFileSystem {

		@Override
		public void setPermission(Path path, FsPermission permission) throws IOException {
			if (permission.getStickyBit()) {
				// java.nio has no sticky bit
				super.setPermission(path, permission);
				return;
			}
			try {
				Files.setPosixFilePermissions(pathToFile(path).toPath(),
						PosixFilePermissions.fromString(permission.toString()));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system
				super.setPermission(path, permission);
			}
		}

	}

}
