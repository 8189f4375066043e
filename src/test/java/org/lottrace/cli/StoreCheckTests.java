package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store root a read command checks before it starts: without {@code --store} and with
 * nothing that could name another, the bundled default, taken without reading the
 * configuration; else as the application's configuration resolves it.
 */
class StoreCheckTests {

	@Test
	void theDefaultTakenWithoutReadingTheConfigurationIsTheBundledOne() {
		assertThat(StoreCheck.configuredRoot(Map.of()).toAbsolutePath().normalize())
			.isEqualTo(StoreCheck.DEFAULT_ROOT.toAbsolutePath().normalize());
	}

	@Test
	void readsTheRootFromTheCommandsProfileAndFromXmlAsTheApplicationDoes(@TempDir Path folder) throws Exception {
		Path profile = Files.createDirectories(folder.resolve("profile"));
		Files.writeString(profile.resolve("application-cli.yml"), "lottrace.store.root: /data/profile-store\n");
		Path xml = Files.createDirectories(folder.resolve("xml"));
		Files.writeString(xml.resolve("application.xml"),
				"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE properties SYSTEM "
						+ "\"http://java.sun.com/dtd/properties.dtd\">\n<properties><entry key=\"lottrace.store.root\">"
						+ "/data/xml-store</entry></properties>\n");

		assertThat(StoreCheck.configuredRoot(Map.of("spring.config.additional-location", "file:" + profile + "/")))
			.isEqualTo(Path.of("/data/profile-store"));
		assertThat(StoreCheck.configuredRoot(Map.of("spring.config.additional-location", "file:" + xml + "/")))
			.isEqualTo(Path.of("/data/xml-store"));
	}

	@Test
	void anyOtherSourceOfTheStoreRootIsRead(@TempDir Path folder) throws Exception {
		Map<String, Object> none = Map.of();
		assertThat(StoreCheck.defaultsOnly(none, Map.of("PATH", "/usr/bin", "LOTTRACE_JAVA_OPTS", "-Xmx1g"),
				Set.of("java.version"), folder))
			.isTrue();

		assertThat(StoreCheck.defaultsOnly(Map.of("spring.config.additional-location", "optional:file:/x.yml"),
				Map.of(), Set.of(), folder))
			.as("--config")
			.isFalse();
		for (String variable : new String[] { "LOTTRACE_STORE_ROOT", "lottrace.store.root", "SPRING_APPLICATION_JSON",
				"SPRING_CONFIG_LOCATION", "SPRING_PROFILES_ACTIVE" }) {
			assertThat(StoreCheck.defaultsOnly(none, Map.of(variable, "x"), Set.of(), folder)).as(variable).isFalse();
		}
		for (String property : new String[] { "lottrace.store.root", "spring.config.import", "Lottrace.Store-Root",
				"SPRING.CONFIG.LOCATION" }) {
			assertThat(StoreCheck.defaultsOnly(none, Map.of(), Set.of(property), folder)).as(property).isFalse();
		}
		for (String file : new String[] { "application.yml", "application-cli.yaml", "application.properties",
				"application.xml" }) {
			Path written = Files.writeString(folder.resolve(file), "lottrace.store.root: elsewhere\n");
			assertThat(StoreCheck.defaultsOnly(none, Map.of(), Set.of(), folder)).as(file).isFalse();
			Files.delete(written);
		}
		Files.createDirectory(folder.resolve("config"));
		assertThat(StoreCheck.defaultsOnly(none, Map.of(), Set.of(), folder)).as("a config folder").isFalse();
	}

}
