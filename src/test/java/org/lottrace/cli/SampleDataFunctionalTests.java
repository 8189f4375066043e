package org.lottrace.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample bakery's exports ingested by the command line, twice. */
class SampleDataFunctionalTests {

	@TempDir
	Path store;

	@Test
	void ingestsTheSampleDataOnceRejectingFourRowsAndHoldingThreeAsPending() throws Exception {
		// when
		Cli.Result first = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());

		// then
		assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(first.out()).first().isEqualTo("Ingesting 22 export(s) into " + this.store + " (master data first)");
		assertThat(first.out()).filteredOn((line) -> line.startsWith("Summary: "))
			.singleElement()
			.asString()
			.startsWith("Summary: 22 file(s): 22 ingested, 0 already in the store, 0 failed; "
					+ "543 rows read, 536 written, 4 rejected, 1 superseded; 3 pending in the store; ");
		assertThat(held(".rejects.csv", "reason")).containsExactly(
				"PROD_20261012.csv|16|quantity|-24|must be greater than zero",
				"RCV_20261012.csv|9|lot_code||missing: traceability lot code (or local lot number) is required "
						+ "(§ 1.1345(a)(1))",
				"TICKETS_20261019.csv|78|event_time|31.09.2026 07:45|not a valid date in the format dd.MM.yyyy HH:mm",
				"BOL_20261019.txt|39|(row)||the row has 6 columns; the header has 10");
		assertThat(held(".pending.csv", "waits_for")).containsExactly(
				"RCV_20261012.csv|10|product_code|FLOUR-WW-50|product FLOUR-WW-50 in master data",
				"TICKETS_20261019.csv|77|unit|BX|unit 'BX' in jobs/units.yml or the mapping's units",
				"BOL_20261019.txt|38|product_code|00614141999999|one product with GTIN 00614141999999 in master data");
		assertThat(query("SELECT (SELECT count(*) FROM kde_event_all), (SELECT count(*) FROM kde_event), "
				+ "(SELECT count(*) FROM location) + (SELECT count(*) FROM product)"))
			.containsExactly("512", "511", "24");
		assertThat(query("SELECT cte || '/' || role, count(*) FROM kde_event GROUP BY 1 ORDER BY 1")).containsExactly(
				"receiving/event", "28", "shipping/event", "141", "transformation/input", "284",
				"transformation/output", "58");

		// when: the same exports again
		List<String> files = storeFiles();
		Cli.Result second = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());

		// then: nothing new; the three rows still wait, and the exit code says so
		assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(second.out()).filteredOn((line) -> line.startsWith("  unchanged ")).hasSize(22);
		assertThat(second.out()).filteredOn((line) -> line.startsWith("Summary: "))
			.singleElement()
			.asString()
			.startsWith("Summary: 22 file(s): 0 ingested, 22 already in the store, 0 failed; "
					+ "0 rows read, 0 written, 0 rejected, 0 superseded; 3 pending in the store; ");
		assertThat(storeFiles()).isEqualTo(files);
		assertThat(query("SELECT count(*) FROM kde_event_all")).containsExactly("512");
	}

	/**
	 * Every row of the reports with this file-name ending, as
	 * {@code file|line|field|value|<last>}, in the order of the plan.
	 */
	private List<String> held(String suffix, String last) throws IOException {
		List<String> rows = new ArrayList<>();
		for (String source : List.of("erp-production", "erp-receiving", "scale-tickets", "shipping")) {
			try (Stream<Path> files = Files.list(this.store.resolve("rejects").resolve(source))) {
				for (Path file : files.filter((f) -> f.toString().endsWith(suffix)).sorted().toList()) {
					try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
						for (CSVRecord r : CSVFormat.RFC4180.builder()
							.setHeader()
							.setSkipHeaderRecord(true)
							.get()
							.parse(in)) {
							assertThat(r.get("source")).isEqualTo(source);
							rows.add(String.join("|", r.get("file"), r.get("line"), r.get("field"), r.get("value"),
									r.get(last)));
						}
					}
				}
			}
		}
		return rows;
	}

	private List<String> query(String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(this.store)));
			List<String> values = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery(sql)) {
				while (rs.next()) {
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						values.add(rs.getString(i));
					}
				}
			}
			return values;
		}
	}

	private List<String> storeFiles() throws IOException {
		try (Stream<Path> walk = Files.walk(this.store)) {
			return walk.filter(Files::isRegularFile)
				.map((p) -> this.store.relativize(p).toString())
				.filter((p) -> !p.startsWith("_batch") && !p.startsWith("_logs") && !p.startsWith("_tmp"))
				.sorted()
				.toList();
		}
	}

}
