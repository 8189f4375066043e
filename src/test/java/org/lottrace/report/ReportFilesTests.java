package org.lottrace.report;

import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

class ReportFilesTests {

	@TempDir
	Path folder;

	@Test
	void writesTheWholeTextAndLeavesNoTemporaryFile() throws Exception {
		Path file = this.folder.resolve("a/b/report.html");

		ReportFiles.writeAtomically(file, "<p>é</p>");

		assertThat(file).hasContent("<p>é</p>");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void givesTheReportTheUsualPermissionsOfANewFile() throws Exception {
		assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
		Path usual = Files.writeString(this.folder.resolve("usual.txt"), "x");

		Path file = ReportFiles.writeAtomically(this.folder.resolve("report.html"), "x");

		assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(usual));
	}

	@Test
	void leavesNothingBehindWhenTheFileCannotBeWritten() throws Exception {
		Path target = Files.createDirectories(this.folder.resolve("report.html"));
		Files.writeString(target.resolve("inside"), "a folder where the report should go");

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> ReportFiles.writeAtomically(target, "text"))
			.withMessageContaining("Cannot write");
		try (var files = Files.list(this.folder)) {
			assertThat(files).containsExactly(target);
		}
	}

}
