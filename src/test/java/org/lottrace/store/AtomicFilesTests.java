package org.lottrace.store;

import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Files written aside and moved into place: whole, or not at all. */
class AtomicFilesTests {

	@TempDir
	Path folder;

	@Test
	void writesTheWholeTextAndLeavesNoTemporaryFile() throws Exception {
		Path file = this.folder.resolve("a/b/report.html");

		AtomicFiles.writeString(file, "<p>é</p>");

		assertThat(file).hasContent("<p>é</p>");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void givesTheReportTheUsualPermissionsOfANewFile() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path usual = Files.writeString(this.folder.resolve("usual.txt"), "x");

		Path file = AtomicFiles.writeString(this.folder.resolve("report.html"), "x");

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(usual));
	}

	@Test
	void leavesNothingBehindWhenTheFileCannotBeWritten() throws Exception {
		Path target = Files.createDirectories(this.folder.resolve("report.html"));
		Files.writeString(target.resolve("inside"), "a folder where the report should go");

		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> AtomicFiles.writeString(target, "text"))
			.withMessageContaining("Cannot write");
		try (var files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
	}

	@Test
	void replacesAnEarlierVersionWhole() throws Exception {
		Path file = Files.writeString(this.folder.resolve("commit.json"),
				"{\"old\": true, \"longer\": \"than the new\"}");

		AtomicFiles.write(file, (out) -> out.write("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

		assertThat(file).hasContent("{}");
		try (var files = Files.list(this.folder)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void neverReplacesAFileInCreateMode() throws Exception {
		Path file = Files.writeString(this.folder.resolve("plan-v1.html"), "version 1");

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> AtomicFiles.writeString(file, "version 2", AtomicFiles.Mode.CREATE))
			.withCauseInstanceOf(java.nio.file.FileAlreadyExistsException.class);
		assertThat(file).hasContent("version 1");
		try (var files = Files.list(this.folder)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void createsANewFileInCreateMode() {
		Path file = AtomicFiles.writeString(this.folder.resolve("plan-v2.html"), "version 2", AtomicFiles.Mode.CREATE);

		assertThat(file).hasContent("version 2");
	}

	@Test
	void givesAnOwnerOnlyFileMode0600() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");

		Path file = AtomicFiles.writeString(this.folder.resolve("users.yml"), "secret", AtomicFiles.Mode.OWNER_ONLY);

		assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
			.isEqualTo("rw-------");
		assertThat(file).hasContent("secret");
	}

}
