package org.lottrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator and the benchmarks ship apart from the product: the product jar has none
 * of their classes and does not know their commands; with the tools jar added they run
 * and what they write is ingested by the product.
 */
class ToolsJarFunctionalTests {

	@Test
	void theProductJarHoldsNoToolClasses() throws IOException {
		// when
		List<String> entries;
		try (ZipFile jar = new ZipFile(Cli.JAR.toFile())) {
			entries = jar.stream().map(ZipEntry::getName).toList();
		}

		// then
		assertThat(entries).contains("BOOT-INF/classes/org/lottrace/cli/ExtraCommands.class")
			.noneMatch((e) -> e.startsWith("BOOT-INF/classes/org/lottrace/bench/")
					|| e.startsWith("BOOT-INF/classes/org/lottrace/generate/")
					|| e.startsWith("BOOT-INF/classes/org/lottrace/cli/Bench")
					|| e.startsWith("BOOT-INF/classes/org/lottrace/cli/GenerateCommand")
					|| e.equals("BOOT-INF/classes/META-INF/services/org.lottrace.cli.ExtraCommands"));
	}

	@Test
	void theProductAloneDoesNotKnowTheToolCommands() throws Exception {
		// when
		Cli.Result generate = Cli.runProductJar("generate", "--events", "100", "--out", "anywhere");

		// then
		assertThat(generate.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(generate.err()).first().asString().contains("'generate'");
	}

	@Test
	void theToolsJarGeneratesExportsThatTheProductIngests(@TempDir Path folder) throws Exception {
		// given
		Path exports = folder.resolve("exports");

		// when
		Cli.Result generated = Cli.runTool("generate", "--events", "600", "--seed", "7", "--out", exports.toString());
		Cli.Result ingested = Cli.run("--store", folder.resolve("store").toString(), "ingest", exports.toString());

		// then
		assertThat(generated.exitCode()).as(generated.toString()).isZero();
		try (Stream<Path> files = Files.walk(exports)) {
			assertThat(files.filter(Files::isRegularFile).count()).isGreaterThan(4);
		}
		assertThat(ingested.exitCode()).as(ingested.toString()).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		assertThat(String.join("\n", ingested.out())).contains("Ingesting");
	}

}
