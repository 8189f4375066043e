package org.lottrace.serve;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * Debian's chromium, headless, through its chromedriver (never downloaded), with a
 * profile and a downloads folder of its own under {@code target/serve-tests/}.
 */
final class HeadlessChromium {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private HeadlessChromium() {
	}

	static WebDriver start() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			fail("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ", which are not installed: run .ci/chromium (as root) to install them");
		}
		Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "serve-tests")), "browser-")
			.toAbsolutePath();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,2000",
				"--user-data-dir=" + Files.createDirectories(folder.resolve("profile")));
		options.setExperimentalOption("prefs",
				Map.of("download.default_directory", Files.createDirectories(folder.resolve("downloads")).toString(),
						"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
