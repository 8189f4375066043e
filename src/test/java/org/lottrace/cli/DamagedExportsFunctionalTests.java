package org.lottrace.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lottrace.ingest.IngestService;
import org.lottrace.store.CommitLog;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of damaged exports ({@code src/test/resources/ingest/damaged/}), one per kind
 * of damage, each ingested with the project's mappings into a store that holds the
 * sample's master data: each ends with its documented exit code; a row wrong in itself is
 * rejected with its reason, a row that only names codes master data does not know (yet)
 * is held as pending with what it waits for, a file that cannot be read is refused whole;
 * and every rejected or pending row is kept with its fields exactly as the export had
 * them.
 */
class DamagedExportsFunctionalTests {

	static final Path DAMAGED = Path.of("src/test/resources/ingest/damaged").toAbsolutePath();

	private static final String CONTROL = "; codes and names may not";

	private static final String TOO_EARLY = "date is before 2000-01-01, the earliest plausible date "
			+ "(limits.earliest-date in the mapping)";

	/**
	 * One damaged export.
	 *
	 * @param file in the corpus, or made by the test when it is too large to keep
	 * @param exitCode what {@code lottrace ingest} ends with
	 * @param held every row held back, as {@code rejected LINE FIELD: REASON} or
	 * {@code pending LINE FIELD: WAITS FOR}; for a file refused whole, {@code failed:}
	 * and the start of the reason
	 */
	record Damage(String what, String file, int exitCode, List<String> held) {

		@Override
		public String toString() {
			return this.what;
		}

	}

	static Stream<Damage> corpus() {
		return Stream.of(
				new Damage("bytes not valid in the mapping's encoding", "RCV_20261101-windows-1252.csv",
						ExitCodes.FAILED,
						List.of("failed: RCV_20261101-windows-1252.csv: line 3: bytes that are not valid UTF-8; "
								+ "set csv.encoding in the mapping (e.g. windows-1252)")),
				new Damage("UTF-8 byte-order mark", "RCV_20261102-bom-utf8.csv", ExitCodes.OK, List.of()),
				new Damage("UTF-16LE byte-order mark, CRLF", "RCV_20261103-bom-utf16le.csv", ExitCodes.OK, List.of()),
				new Damage("UTF-16BE byte-order mark", "RCV_20261104-bom-utf16be.csv", ExitCodes.OK, List.of()),
				new Damage("CRLF line endings", "RCV_20261105-crlf.csv", ExitCodes.REJECTS,
						List.of("rejected 3 event_date: not a valid date in the format M/d/yyyy")),
				new Damage("LF line endings", "RCV_20261106-lf.csv", ExitCodes.REJECTS,
						List.of("rejected 3 event_date: not a valid date in the format M/d/yyyy")),
				new Damage("CR line endings", "RCV_20261107-cr.csv", ExitCodes.REJECTS,
						List.of("rejected 3 event_date: not a valid date in the format M/d/yyyy")),
				new Damage("a quote never closed", "RCV_20261108-unclosed-quote.csv", ExitCodes.FAILED,
						List.of("failed: RCV_20261108-unclosed-quote.csv: cannot read line 3: (startline 3) EOF "
								+ "reached before encapsulated token finished")),
				new Damage("a column missing in a row", "RCV_20261109-missing-column.csv", ExitCodes.REJECTS,
						List.of("rejected 3 (row): the row has 10 columns; the header has 11")),
				new Damage("an extra column in a row", "RCV_20261110-extra-column.csv", ExitCodes.REJECTS,
						List.of("rejected 3 (row): the row has 12 columns; the header has 11 (a delimiter inside "
								+ "an unquoted value?)")),
				new Damage("a mapped column missing in the header", "RCV_20261111-header-renamed.csv", ExitCodes.FAILED,
						List.of("failed: RCV_20261111-header-renamed.csv: the header has no column 'Vendor Lot' "
								+ "that erp-receiving.yml maps")),
				new Damage("an empty file", "RCV_20261112-empty.csv", ExitCodes.FAILED,
						List.of("failed: RCV_20261112-empty.csv: the file is empty; expected a header line at "
								+ "line 1")),
				new Damage("a header and no rows", "RCV_20261113-header-only.csv", ExitCodes.OK, List.of()),
				new Damage("numbers that are not plain decimals", "RCV_20261114-numbers.csv", ExitCodes.REJECTS,
						List.of("rejected 2 quantity: not a plain decimal number: '1e5' (an exponent, as a "
								+ "spreadsheet writes large or small numbers; export the number in full)",
								"rejected 3 quantity: not a number: '12,5'",
								"rejected 4 quantity: must be greater than zero",
								"rejected 5 quantity: not a number: 'NaN'",
								"rejected 6 quantity: not a number: '0x1F'")),
				new Damage("dates in year 1, in 1900, on 31 September", "TICKETS_20261115-dates.csv", ExitCodes.REJECTS,
						List.of("rejected 4 event_time: " + TOO_EARLY, "rejected 5 event_time: " + TOO_EARLY,
								"rejected 6 event_time: not a valid date in the format dd.MM.yyyy HH:mm")),
				new Damage("control characters in codes", "BOL_20261116-control-characters.txt", ExitCodes.REJECTS,
						List.of("rejected 2 lot_code: holds the control character U+0000 at character 8" + CONTROL,
								"rejected 3 (row): key column 'BOL': holds the control character U+0007 at "
										+ "character 10" + CONTROL,
								"rejected 4 quantity: holds the control character U+001B at character 1" + CONTROL)),
				new Damage("control characters in names", "VENDORS_20261117-control-characters.csv", ExitCodes.REJECTS,
						List.of("rejected 2 business_name: holds the control character U+001B at character 6" + CONTROL,
								"rejected 3 street: holds the control character U+0009 at character 6" + CONTROL)),
				new Damage("a 10 MB lot code", "RCV_20261118-10mb-field.csv", ExitCodes.REJECTS,
						List.of("rejected 2 lot_code: 10,485,760 characters; a code may have at most 256 "
								+ "(limits.code-length)")),
				new Damage("codes master data does not know yet", "RCV_20261119-unknown-codes.csv", ExitCodes.REJECTS,
						List.of("pending 2 product_code: product FLOUR-XX-99 in master data",
								"pending 3 partner_location_code: location V999 in master data",
								"pending 3 tlc_source_location_code: location V999 in master data",
								"pending 4 unit: unit 'BX' in jobs/units.yml or the mapping's units")));
	}

	/**
	 * The store: the sample's master data, then every export of the corpus, ingested in
	 * one run (one process for the whole corpus; each export is its own job, committed or
	 * refused on its own, so each is checked by its own line of the output and its own
	 * rows).
	 */
	@TempDir
	static Path store;

	/** The corpus, with the export too large to keep in the repository. */
	@TempDir
	static Path corpus;

	private static Cli.Result ingested;

	@BeforeAll
	static void ingestMasterDataThenTheCorpus() throws Exception {
		Cli.Result masterData = Cli.run("ingest", "--store", store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.resolve("erp/ITEMS.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/SITES.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/VENDORS.csv").toString(),
				Cli.SAMPLE_DATA.resolve("shipping/CUSTOMERS.txt").toString());
		assertThat(masterData.exitCode()).as(masterData.toString()).isEqualTo(ExitCodes.OK);
		for (Damage damage : corpus().toList()) {
			Path kept = DAMAGED.resolve(damage.file());
			if (Files.exists(kept)) {
				Files.copy(kept, corpus.resolve(damage.file()));
			}
			else {
				writeTenMegabyteLotCode(corpus.resolve(damage.file()));
			}
		}
		ingested = Cli.run("ingest", "--store", store.toString(), "--jobs", Cli.JOBS.toString(), corpus.toString());
		// the run's own exit code is that of its worst export
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.FAILED);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("corpus")
	void endsWithItsExitCodeAndKeepsEveryRowItHoldsBackAsRead(Damage damage) throws Exception {
		// given
		Path export = corpus.resolve(damage.file());
		String source = source(damage.file());

		// when: its line of the run's output
		String line = ingested.out()
			.stream()
			.filter((l) -> l.startsWith("  FAILED    " + source + "  " + damage.file() + ": ")
					|| l.startsWith("  ingested  " + source + "  " + damage.file() + ": "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for " + damage.file() + " in " + ingested));

		// then
		assertThat(exitCode(line)).as(line).isEqualTo(damage.exitCode());
		boolean committed = new CommitLog(new StoreLayout(store)).find(source, IngestService.sha256(export))
			.isPresent();
		if (damage.exitCode() == ExitCodes.FAILED) {
			String reason = damage.held().get(0).substring("failed: ".length());
			assertThat(line).contains(reason).endsWith(" (nothing of it was stored)");
			assertThat(committed).as("nothing of it was stored").isFalse();
			return;
		}
		assertThat(committed).isTrue();
		List<List<String>> reported = reported(store, damage.file());
		assertThat(reported).map((r) -> r.get(0)).containsExactlyElementsOf(damage.held());
		List<String> lines = lines(export);
		for (List<String> row : reported) {
			int number = Integer.parseInt(row.get(1));
			assertThat(fields(damage.file(), row.get(2))).as("the row as read, line %d", number)
				.isEqualTo(fields(damage.file(), lines.get(number - 1)));
		}
		for (List<String> held : heldRows(store, damage.file())) {
			int number = Integer.parseInt(held.get(0));
			assertThat(held.subList(1, held.size())).as("the held row of line %d as read", number)
				.isEqualTo(fields(damage.file(), lines.get(number - 1)));
		}
	}

	/**
	 * The exit code {@code lottrace ingest} ends with for this export alone: 1 when it
	 * failed, 3 when rows of it were rejected or are pending, 0 otherwise.
	 */
	private static int exitCode(String line) {
		if (line.startsWith("  FAILED")) {
			return ExitCodes.FAILED;
		}
		java.util.regex.Matcher counts = java.util.regex.Pattern.compile(" ([\\d,]+) rejected, ([\\d,]+) pending")
			.matcher(line);
		assertThat(counts.find()).as(line).isTrue();
		return (counts.group(1).equals("0") && counts.group(2).equals("0")) ? ExitCodes.OK : ExitCodes.REJECTS;
	}

	/**
	 * Every line of the rejects and pending reports: the reason as the corpus states it,
	 * its line, and the row as the report shows it.
	 */
	private static List<List<String>> reported(Path store, String export) throws IOException {
		List<List<String>> reported = new ArrayList<>();
		Path rejects = store.resolve("rejects");
		if (!Files.isDirectory(rejects)) {
			return reported;
		}
		try (Stream<Path> files = Files.walk(rejects)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				boolean pending = file.getFileName().toString().endsWith(".pending.csv");
				try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
					for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().get().parse(reader)) {
						if (!r.get("file").equals(export)) {
							continue;
						}
						String held = pending
								? "pending " + r.get("line") + " " + r.get("field") + ": " + r.get("waits_for")
								: "rejected " + r.get("line") + " " + r.get("field") + ": " + r.get("reason");
						reported.add(List.of(held, r.get("line"), r.get("row")));
					}
				}
			}
		}
		reported.sort(Comparator.comparing((List<String> r) -> Integer.parseInt(r.get(1))));
		return reported;
	}

	/** The store's held rows: line, then the fields it keeps. */
	private static List<List<String>> heldRows(Path store, String export) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(store)));
			try (java.sql.PreparedStatement query = connection
				.prepareStatement("SELECT source_line, raw FROM held_row_all WHERE source_file = ? ORDER BY 1")) {
				query.setString(1, export);
				ResultSet rs = query.executeQuery();
				while (rs.next()) {
					List<String> row = new ArrayList<>();
					row.add(rs.getString(1));
					row.addAll(
							JsonMapper.builder().build().readValue(rs.getString(2), new TypeReference<List<String>>() {
							}));
					rows.add(row);
				}
			}
		}
		return rows;
	}

	/** A line's fields, parsed in the dialect of the export's source. */
	private static List<String> fields(String file, String line) throws IOException {
		CSVFormat format = switch (source(file)) {
			case "shipping" -> CSVFormat.DEFAULT.builder().setDelimiter('|').setQuote(null).get();
			case "scale-tickets" -> CSVFormat.DEFAULT.builder().setDelimiter(';').get();
			default -> CSVFormat.DEFAULT;
		};
		return format.parse(new StringReader(line)).getRecords().get(0).toList();
	}

	/** The export's lines, decoded as its mapping says (a byte-order mark wins). */
	private static List<String> lines(Path export) throws IOException {
		byte[] bytes = Files.readAllBytes(export);
		Charset charset = source(export.getFileName().toString()).equals("scale-tickets")
				? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
		String text = new String(bytes, charset);
		text = text.startsWith("\uFEFF") ? text.substring(1) : text;
		return List.of(text.split("\r\n|\r|\n", -1));
	}

	private static String source(String file) {
		return file.startsWith("RCV_") ? "erp-receiving"
				: file.startsWith("BOL_") ? "shipping" : file.startsWith("TICKETS_") ? "scale-tickets" : "erp-vendors";
	}

	/** A receipt whose lot code is 10 MB: too large to keep in the repository. */
	private static void writeTenMegabyteLotCode(Path file) throws IOException {
		Files.writeString(file,
				"Receipt No,Line,Rcv Date,Vendor No,Item No,Vendor Lot,Rcv Lot,Qty,UoM,PO No,Site\n"
						+ "RC-7030,1,10/19/2026,V100,FLOUR-AP-50," + "L".repeat(10 << 20)
						+ ",R11030,30,BAG,PO-89030,BAKERY-01\n"
						+ "RC-7030,2,10/19/2026,V100,FLOUR-AP-50,HM-2610-131,R11031,30,BAG,PO-89030,BAKERY-01\n");
	}

}
