package org.lottrace.serve;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The page of the service in a real headless browser (Debian's chromium through its
 * chromedriver, never downloaded) against the real server on the sample bakery's exports:
 * the quality manager's search for the complaint lot, its three answers, the genealogy,
 * the mass balance, the FDA spreadsheet download, and the latest ingestions.
 */
class TracePageBrowserTests extends SampleDataServer {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static Path downloads;

	private static WebDriver browser;

	@BeforeAll
	static void startTheBrowser() throws IOException {
		if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
			fail("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ ", which are not installed: run .ci/chromium (as root) to install them");
		}
		Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target", "serve-tests")), "browser-")
			.toAbsolutePath();
		Path profile = Files.createDirectories(folder.resolve("profile"));
		downloads = Files.createDirectories(folder.resolve("downloads"));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,2000", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File(CHROMEDRIVER.toString()))
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void openThePage() {
		browser.get("http://localhost:" + this.port + "/");
		if (browser.getCurrentUrl().contains("/login")) {
			browser.findElement(By.id("username")).sendKeys("operator");
			browser.findElement(By.id("password")).sendKeys("operator-secret");
			browser.findElement(By.cssSelector("button[type=submit]")).click();
			new WebDriverWait(browser, Duration.ofSeconds(30))
				.until((driver) -> !driver.getCurrentUrl().contains("/login"));
		}
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.textToBe(By.id("user-name"), "operator"));
	}

	@Test
	void showsTheBatchItsIngredientLotsAndItsCustomersForTheComplaintLot() {
		// when
		trace("C261014A");

		// then: the planted bad rows in its scope make the answer incomplete, and it says
		// so
		assertThat(text("result-title")).isEqualTo("Trace of lot C261014A");
		assertThat(text("verdict"))
			.startsWith("INCOMPLETE: 3 gap(s) in its scope; 3 may hide lots, links or customers");
		assertThat(rows(By.cssSelector("#gaps tbody tr"))).extracting((row) -> row.get(0) + " | " + row.get(3))
			.containsExactlyInAnyOrder("rejected row | TICKETS_20261019.csv line 78",
					"pending row | TICKETS_20261019.csv line 77", "pending row | BOL_20261019.txt line 38");
		assertThat(text("batches")).contains("C261014A Peanut Butter Sandwich Cookies, 12 ct",
				"work order WO-1014-P, completed 2026-10-14 at Sunrise Bakery, 27 case");
		assertThat(firstCells(By.cssSelector("#batches tbody tr"))).containsExactly("HM-2609-114", "HM-2610-021",
				"24301", "L2301 (V120)", "EG1009", "F261013A", "C261008A");
		assertThat(rows(By.cssSelector("#ingredients tbody tr"))).hasSize(11)
			.anySatisfy((row) -> assertThat(row).containsSubsequence("3", "NB-0930"));
		assertThat(rows(By.cssSelector("#customers tbody tr.batch-customer")))
			.extracting((row) -> row.get(1) + " | " + row.get(4) + " | " + row.get(5) + " | " + row.get(6))
			.containsExactlyInAnyOrder("Green Valley Market #12 | C261014A | 8 case | BOL-50035",
					"Campus Dining Services | C261014A | 6 case | BOL-50037",
					"Midwest Foodservice Distributors | C261014A | 12 case | BOL-50038");
		assertThat(rows(By.cssSelector("#customers tbody tr"))).hasSize(108);
		assertThat(rows(By.cssSelector("#balance tbody tr"))).anySatisfy((row) -> assertThat(row)
			.containsSubsequence("C261014A (BAKERY-01)", "COOKIE-PB-12", "27 case", "0 case", "26 case", "1 case"));
		WebElement genealogy = browser.findElement(By.cssSelector("#genealogy img"));
		assertThat(genealogy.getAttribute("alt")).isEqualTo("Lot genealogy of lot C261014A");
		Long drawnWidth = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until((driver) -> (Long) ((JavascriptExecutor) driver).executeScript(
					"return arguments[0].complete && arguments[0].naturalWidth > 0 ? arguments[0].naturalWidth : null",
					genealogy));
		assertThat(drawnWidth).as("the genealogy drawn").isPositive();
		assertThat(browser.findElement(By.id("message")).isDisplayed()).isFalse();
	}

	@Test
	void downloadsTheFdaSpreadsheetOfTheTrace() throws IOException {
		// given
		trace("C261014A");
		WebElement link = browser.findElement(By.cssSelector("#downloads a.primary"));
		Path file = downloads.resolve("fda-sortable-spreadsheet.xlsx");
		Files.deleteIfExists(file);

		// when
		link.click();

		// then
		assertThat(link.getText()).isEqualTo("FDA sortable spreadsheet (XLSX)");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Files.exists(file) && !Files.exists(file.resolveSibling(file.getFileName() + ".crdownload")));
		Spreadsheet xlsx = Spreadsheet.read(Files.readAllBytes(file));
		assertThat(xlsx.sheet("Request"))
			.anySatisfy((row) -> assertThat(row.values()).contains("Request", "trace of lot C261014A"));
		assertThat(xlsx.sheet("Shipping")).filteredOn((row) -> row.get("Traceability Lot Code").equals("C261014A"))
			.extracting((row) -> row.get("Immediate Subsequent Recipient Business Name") + ": " + row.get("Quantity")
					+ " " + row.get("Unit of Measure"))
			.containsExactlyInAnyOrder("Green Valley Market #12: 8 case", "Campus Dining Services: 6 case",
					"Midwest Foodservice Distributors: 12 case");
		assertThat(xlsx.sheet("Transformation"))
			.filteredOn((row) -> row.get("New Traceability Lot Code").equals("C261014A"))
			.hasSize(7);
	}

	@Test
	void tracesAnInternalLotNumberToTheSuppliersLot() {
		// when: the receiving number the scales scan
		trace("R10210");

		// then
		assertThat(text("result-title")).isEqualTo("Trace of lot R10210");
		assertThat(text("batches")).contains("HM-2610-021", "not made here");
		assertThat(rows(By.cssSelector("#customers tbody tr"))).isNotEmpty()
			.anySatisfy((row) -> assertThat(row).contains("C261014A"));
	}

	@Test
	void tracesAProductOverADateRange() {
		// given
		browser.findElement(By.cssSelector("input[name=subject][value=product]")).click();
		browser.findElement(By.id("product")).sendKeys("COOKIE-PB-12");
		((JavascriptExecutor) browser).executeScript(
				"document.getElementById('from').value = '2026-10-14'; document.getElementById('to').value = '2026-10-14';");

		// when
		browser.findElement(By.id("trace-button")).click();
		waitForTheResult();

		// then
		assertThat(browser.findElement(By.id("lot")).isDisplayed()).isFalse();
		assertThat(text("result-title")).startsWith("Trace of product COOKIE-PB-12");
		assertThat(firstCells(By.cssSelector("#batches p strong"))).contains("C261014A");
		assertThat(rows(By.cssSelector("#customers tbody tr.batch-customer"))).extracting((row) -> row.get(4))
			.contains("C261014A");
	}

	@Test
	void saysWhatIsWrongWhenTheLotIsNotInTheStore() {
		// when
		browser.findElement(By.id("lot")).sendKeys("X999999");
		browser.findElement(By.id("trace-button")).click();

		// then
		WebElement message = new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#message:not(.info)")));
		assertThat(message.getText()).contains("X999999");
		assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
	}

	@Test
	void listsTheLatestIngestionsWithLinksToTheirRejects() {
		// when
		List<List<String>> runs = new WebDriverWait(browser, Duration.ofSeconds(30)).until((driver) -> {
			List<List<String>> rows = rows(By.cssSelector("#ingestions tbody tr"));
			return rows.isEmpty() ? null : rows;
		});

		// then
		assertThat(runs).hasSize(12).allSatisfy((row) -> assertThat(row.get(3)).isEqualTo("completed"));
		assertThat(runs.get(0)).containsSubsequence("shipping", "BOL_20261103.txt", "completed", "1", "1", "0");
		List<WebElement> held = browser.findElements(By.xpath("//tr[td[3]='BOL_20261019.txt']//a"));
		assertThat(held).extracting(WebElement::getText).containsExactly("rejected rows", "pending rows");
		assertThat(held.get(0).getAttribute("href")).matches(".*/api/ingestions/\\d+/rejects");
		assertThat(held.get(1).getAttribute("href")).matches(".*/api/ingestions/\\d+/pending");
		assertThat(rows(By.cssSelector("#pending tbody tr")))
			.extracting((row) -> row.get(1) + " " + row.get(2) + ": " + row.get(5))
			.containsExactlyInAnyOrder("RCV_20261012.csv 10: product FLOUR-WW-50 in master data",
					"TICKETS_20261019.csv 77: unit 'BX' in jobs/units.yml or the mapping's units",
					"BOL_20261019.txt 38: one product with GTIN 00614141999999 in master data");
		assertThat(rows(By.cssSelector("#rejected tbody tr"))).hasSize(4);
	}

	private void trace(String lot) {
		browser.findElement(By.id("lot")).sendKeys(lot);
		browser.findElement(By.id("trace-button")).click();
		waitForTheResult();
	}

	private static void waitForTheResult() {
		new WebDriverWait(browser, Duration.ofSeconds(60))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.elementToBeClickable(By.id("trace-button")));
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	private static List<List<String>> rows(By rows) {
		return browser.findElements(rows)
			.stream()
			.map((row) -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
			.toList();
	}

	private static List<String> firstCells(By rows) {
		return browser.findElements(rows).stream().map((row) -> {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			return cells.isEmpty() ? row.getText() : cells.get(0).getText();
		}).toList();
	}

}
