package org.lottrace.serve;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's compliance sections in a real headless browser against the real server on
 * the sample bakery's exports: an operator logs an FDA request, produces its spreadsheet
 * and marks it sent; a reader sees requests but cannot act; the KDE completeness by
 * source, CTE and month; the link to the traceability plan.
 */
class CompliancePageBrowserTests extends SampleDataServer {

	private static WebDriver browser;

	@BeforeAll
	static void startTheBrowser() throws IOException {
		browser = HeadlessChromium.start();
	}

	@AfterAll
	static void stopTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void logsAnFdaRequestProducesItsSpreadsheetAndMarksItSent() {
		// given
		signIn("operator");
		browser.findElement(By.id("request-requester")).sendKeys("FDA ORA, Jane Smith, +1 301-555-0100");
		browser.findElement(By.id("request-products")).sendKeys("PB-CREAMY-35");
		((JavascriptExecutor) browser).executeScript("document.getElementById('request-from').value = '2026-10-01';"
				+ "document.getElementById('request-to').value = '2026-10-31';");

		// when
		browser.findElement(By.id("request-log")).click();
		String id = wait(60).until(ExpectedConditions.textMatches(By.id("message"),
				java.util.regex.Pattern.compile("Logged FDA-\\d{4}-\\d{3}"))) ? messageId() : null;
		List<String> received = cells("requests-open", id);

		// then: it arrived now, so about 24 hours are left
		assertThat(received).containsSubsequence(id, "FDA ORA, Jane Smith, +1 301-555-0100",
				"products PB-CREAMY-35, 2026-10-01..2026-10-31");
		assertThat(received.get(5)).matches("2[34] h \\d{2} min");
		assertThat(received.get(6)).isEqualTo("received");

		// when
		row("requests-open", id).findElement(By.cssSelector("button.produce")).click();
		wait(90).until((driver) -> cells("requests-open", id).get(6).equals("produced"));

		// then
		WebElement produced = row("requests-open", id);
		assertThat(produced.findElement(By.cssSelector("a.spreadsheet")).getAttribute("href"))
			.endsWith("/api/fda-requests/" + id + "/files/fda-sortable-spreadsheet.xlsx");
		assertThat(cells("requests-open", id).get(7)).contains("records", "2 gaps");

		// when
		produced.findElement(By.cssSelector("input.sent-to")).sendKeys("email to jane.smith@fda.hhs.gov");
		produced.findElement(By.cssSelector("button.mark-sent")).click();

		// then: every file of the folder was sent (records.json, the workbook, a CSV per
		// sheet, the EPCIS document, the manifest)
		assertThat(cells("requests-sent", id)).contains("email to jane.smith@fda.hhs.gov", "15");
		assertThat(find("requests-open", id)).isNull();
	}

	@Test
	void letsAReaderSeeTheRequestsButNotActOnThem() {
		// given
		signIn("operator");
		browser.findElement(By.id("request-requester")).sendKeys("FDA, for the reader");
		browser.findElement(By.id("request-lots")).sendKeys("C261014A");
		browser.findElement(By.id("request-log")).click();
		wait(60)
			.until(ExpectedConditions.textMatches(By.id("message"), java.util.regex.Pattern.compile("Logged FDA-")));
		String id = messageId();

		// when
		signIn("reader");

		// then
		assertThat(cells("requests-open", id)).contains("FDA, for the reader", "lots C261014A");
		assertThat(row("requests-open", id).findElements(By.tagName("button"))).isEmpty();
		assertThat(browser.findElement(By.id("request-form")).isDisplayed()).isFalse();
	}

	@Test
	void showsKdeCompletenessBySourceCteAndMonth() {
		// when
		signIn("operator");
		List<List<String>> rows = wait(60).until((driver) -> {
			List<List<String>> found = rows(By.cssSelector("#completeness-rows tbody tr"));
			return found.isEmpty() ? null : found;
		});

		// then
		assertThat(rows).contains(List.of("2026-10", "erp-receiving", "receiving", "28", "0", "", "0", "1", "1", "28"),
				List.of("2026-10", "scale-tickets", "transformation", "284", "0", "", "0", "1", "0", "0"));
		assertThat(browser.findElement(By.id("completeness-summary")).getText())
			.startsWith("511 records: 0 lack KDEs, 0 inputs not linked, 3 rows pending, 4 rejected");
		assertThat(browser.findElement(By.id("completeness-fixes")).getText())
			.startsWith("Nothing: every location and product the records name is fully described.");
	}

	@Test
	void linksTheTraceabilityPlan() {
		// given
		signIn("operator");
		WebElement link = browser.findElement(By.id("plan-link"));

		// when
		browser.get(link.getAttribute("href"));

		// then
		assertThat(browser.getCurrentUrl()).endsWith("/api/plan");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Food traceability plan: Sunrise Bakery");
		assertThat(browser.findElement(By.id("contact-warning")).getText())
			.startsWith("The point of contact is not set");
	}

	/** Opens the page signed in as {@code user} (password: its name and -secret). */
	private void signIn(String user) {
		browser.get("http://localhost:" + this.port + "/");
		if (!browser.getCurrentUrl().contains("/login")) {
			wait(30).until((driver) -> !driver.findElement(By.id("user-name")).getText().isEmpty());
			if (browser.findElement(By.id("user-name")).getText().equals(user)) {
				return;
			}
			// signing out lands on the login form
			browser.findElement(By.id("sign-out")).click();
		}
		wait(30).until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(user + "-secret");
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		wait(30).until(ExpectedConditions.textToBe(By.id("user-name"), user));
	}

	private static String messageId() {
		java.util.regex.Matcher id = java.util.regex.Pattern.compile("FDA-\\d{4}-\\d{3}")
			.matcher(browser.findElement(By.id("message")).getText());
		assertThat(id.find()).isTrue();
		return id.group();
	}

	private static WebElement row(String table, String id) {
		return wait(30).until((driver) -> find(table, id));
	}

	/**
	 * The cells of a request's row, read at once: the page draws its tables anew after
	 * each action, so a row found before may be gone.
	 */
	private static List<String> cells(String table, String id) {
		return wait(30).until((driver) -> {
			WebElement row = find(table, id);
			return (row != null) ? cells(row) : null;
		});
	}

	private static WebElement find(String table, String id) {
		for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			if (!cells.isEmpty() && cells.get(0).getText().equals(id)) {
				return row;
			}
		}
		return null;
	}

	private static List<String> cells(WebElement row) {
		return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
	}

	private static List<List<String>> rows(By rows) {
		return browser.findElements(rows).stream().map(CompliancePageBrowserTests::cells).toList();
	}

	/** A wait that looks again when the page drew a table anew under it. */
	private static WebDriverWait wait(int seconds) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(seconds));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

}
