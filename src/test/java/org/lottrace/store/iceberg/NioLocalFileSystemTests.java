package org.lottrace.store.iceberg;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local file system the store's catalogs use: Hadoop's, with the permissions of what
 * it creates set in process.
 */
class NioLocalFileSystemTests {

	@TempDir
	Path dir;

	@Test
	void theCatalogsOpenLocalPathsWithIt() throws Exception {
		try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), IcebergTables.hadoopConfiguration())) {
			assertThat(fs).isInstanceOf(NioLocalFileSystem.class);
		}
	}

	@Test
	void createsFilesAndFoldersWithThePermissionsAskedAndTheirChecksums() throws Exception {
		try (FileSystem fs = FileSystem.newInstance(URI.create("file:///"), IcebergTables.hadoopConfiguration())) {
			org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(this.dir.resolve("a/b").toUri());
			org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(folder, "v1.metadata.json");

			assertThat(fs.mkdirs(folder, new FsPermission((short) 0750))).isTrue();
			try (FSDataOutputStream out = fs.create(file, new FsPermission((short) 0640), false, 4096, (short) 1,
					1 << 20, null)) {
				out.writeBytes("{}");
			}
			fs.setPermission(file, new FsPermission((short) 0604));

			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.dir.resolve("a/b"))))
				.isEqualTo("rwxr-x---");
			assertThat(PosixFilePermissions
				.toString(Files.getPosixFilePermissions(this.dir.resolve("a/b/v1.metadata.json"))))
				.isEqualTo("rw----r--");
			assertThat(Files.readString(this.dir.resolve("a/b/v1.metadata.json"))).isEqualTo("{}");
			assertThat(this.dir.resolve("a/b/.v1.metadata.json.crc")).isRegularFile();
			assertThat(fs.open(file).readAllBytes()).containsExactly('{', '}');
		}
	}

}
