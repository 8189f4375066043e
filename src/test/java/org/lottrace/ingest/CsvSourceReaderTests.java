package org.lottrace.ingest;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lottrace.ingest.SourceMapping.Dialect;
import org.lottrace.kde.KdeValidator;
import org.lottrace.store.StoreMasterData;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvSourceReaderTests {

	private static final Dialect COMMA = new Dialect(',', '"', null, StandardCharsets.UTF_8, true, 0, null, true,
			List.of(""), '.', null);

	@TempDir
	Path dir;

	@ParameterizedTest(name = "line ending {0}")
	@ValueSource(strings = { "LF", "CRLF", "CR" })
	void readsEachRowWithTheLineItStartsOn(String ending) throws IOException {
		// given
		String eol = switch (ending) {
			case "LF" -> "\n";
			case "CRLF" -> "\r\n";
			default -> "\r";
		};
		Path file = write(String.join(eol, "Ticket,Lot,Qty", "T-1,R10201,45", "T-2,R10202,20", "T-3,R10203,15") + eol);

		// when
		List<SourceRow> rows = readAll(file, COMMA);

		// then
		assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L, 4L);
		assertThat(rows.get(2).record().toList()).containsExactly("T-3", "R10203", "15");
	}

	@Test
	void readsTheLastRowWithoutALineEnding() throws IOException {
		// given
		Path file = write("Ticket,Lot\nT-1,R10201\nT-2,R10202");

		// when
		List<SourceRow> rows = readAll(file, COMMA);

		// then
		assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 3L);
		assertThat(rows.get(1).record().toList()).containsExactly("T-2", "R10202");
	}

	@Test
	void countsTheLinesOfQuotedValuesThatSpanSeveralLines() throws IOException {
		// given
		Path file = write("Item,Description\r\nA,\"Shell eggs,\r\nlarge,\r\ngrade A\"\r\nB,Flour\r\n");

		// when
		List<SourceRow> rows = readAll(file, COMMA);

		// then
		assertThat(rows).extracting(SourceRow::line).containsExactly(2L, 5L);
		assertThat(rows.get(0).record().get(1)).isEqualTo("Shell eggs,\r\nlarge,\r\ngrade A");
	}

	@ParameterizedTest(name = "line ending {0}")
	@ValueSource(strings = { "\n", "\r\n", "\r" })
	void skipsTitleLinesAboveTheHeader(String eol) throws IOException {
		// given
		Path file = write(String.join(eol, "Sunrise Bakery - ScaleLink weighing export",
				"Week of 2026-10-05;exported by ScaleLink 4.2", "Ticket;Net", "T-10001;31,800", "T-10002;14,000")
				+ eol);
		Dialect dialect = new Dialect(';', '"', null, StandardCharsets.UTF_8, true, 2, null, true, List.of(""), ',',
				null);

		// when
		CsvSourceReader reader = new CsvSourceReader(file, dialect, (header) -> {
		});
		List<SourceRow> rows = readAll(reader);

		// then
		assertThat(reader.header()).containsExactly("Ticket", "Net");
		assertThat(rows).extracting(SourceRow::line).containsExactly(4L, 5L);
		assertThat(rows.get(0).record().toList()).containsExactly("T-10001", "31,800");
	}

	@Test
	void skipsBlankLinesKeepingTheLinesOfTheRowsAfterThem() throws IOException {
		// given
		Path file = write("Ticket,Lot\n\nT-1,R10201\n   \nT-2,R10202\n\n");

		// when
		List<SourceRow> rows = readAll(file, COMMA);

		// then
		assertThat(rows).extracting(SourceRow::line).containsExactly(3L, 5L);
	}

	@Test
	void skipsCommentLinesKeepingTheLinesOfTheRowsAfterThem() throws IOException {
		// given
		Path file = write("Ticket,Lot\n# shift 1\nT-1,R10201\n# shift 2\n# scale SC-2\nT-2,R10202\n");
		Dialect dialect = new Dialect(',', '"', null, StandardCharsets.UTF_8, true, 0, '#', true, List.of(""), '.',
				null);

		// when
		List<SourceRow> rows = readAll(file, dialect);

		// then
		assertThat(rows).extracting(SourceRow::line).containsExactly(3L, 6L);
		assertThat(rows).extracting((row) -> row.record().get(0)).containsExactly("T-1", "T-2");
	}

	@Test
	void readsAnExportWithoutHeaderFromItsFirstLine() throws IOException {
		// given
		Path file = write("T-1|R10201\nT-2|R10202\n");
		Dialect dialect = new Dialect('|', null, null, StandardCharsets.UTF_8, false, 0, null, true, List.of(""), '.',
				null);
		AtomicReference<List<String>> header = new AtomicReference<>();

		// when
		List<SourceRow> rows = readAll(new CsvSourceReader(file, dialect, header::set));

		// then
		assertThat(header.get()).isEmpty();
		assertThat(rows).extracting(SourceRow::line).containsExactly(1L, 2L);
	}

	@Test
	void readsQuotesAsTextWhenQuotingIsOff() throws IOException {
		// given
		Path file = write("Name|Street\n\"Corner\" Coffee|31 Old State \"Capitol\" Plaza\n");
		Dialect dialect = new Dialect('|', null, null, StandardCharsets.UTF_8, true, 0, null, true, List.of(""), '.',
				null);

		// when
		List<SourceRow> rows = readAll(file, dialect);

		// then
		assertThat(rows.get(0).record().toList()).containsExactly("\"Corner\" Coffee",
				"31 Old State \"Capitol\" Plaza");
	}

	@Test
	void readsEscapedDelimitersAndTabDelimiters() throws IOException {
		// given
		Path file = write("Name\tNote\nHeartland\\\tMills\tone\\\\two\n");
		Dialect dialect = new Dialect('\t', null, '\\', StandardCharsets.UTF_8, true, 0, null, true, List.of(""), '.',
				null);

		// when
		List<SourceRow> rows = readAll(file, dialect);

		// then
		assertThat(rows.get(0).record().toList()).containsExactly("Heartland\tMills", "one\\two");
	}

	@Test
	void dropsAUtf8ByteOrderMarkAndTrimsTheHeader() throws IOException {
		// given
		Path file = write("\uFEFFItem No , Description\r\nFLOUR-AP-50,All-purpose wheat flour\r\n");
		CsvSourceReader reader = new CsvSourceReader(file, COMMA, (header) -> {
		});

		// when
		List<SourceRow> rows = readAll(reader);

		// then
		assertThat(reader.header()).containsExactly("Item No", "Description");
		assertThat(rows).hasSize(1);
	}

	@Test
	void decodesWindows1252Text() throws IOException {
		// given
		Charset windows1252 = Charset.forName("windows-1252");
		Path file = this.dir.resolve("tickets.csv");
		Files.write(file, "Ticket;Operator\r\nT-10018;José Peña\r\nT-10007;Françoise Dubois\r\n".getBytes(windows1252));
		Dialect dialect = new Dialect(';', '"', null, windows1252, true, 0, null, true, List.of(""), ',', null);

		// when
		List<SourceRow> rows = readAll(file, dialect);

		// then
		assertThat(rows).extracting((row) -> row.record().get(1)).containsExactly("José Peña", "Françoise Dubois");
	}

	@Test
	void failsTheFileOnBytesThatAreNotValidInItsEncodingNamingTheLine() throws IOException {
		// given: windows-1252 text where the mapping says UTF-8, on line 1502 of a file
		// larger than the decoder's buffers
		StringBuilder text = new StringBuilder("Ticket;Operator\n");
		for (int i = 1; i <= 1500; i++) {
			text.append("T-").append(i).append(";Dana Lee\n");
		}
		text.append("T-1501;José Peña\nT-1502;Anna Lee\n");
		Path file = this.dir.resolve("tickets.csv");
		Files.write(file, text.toString().getBytes(Charset.forName("windows-1252")));
		Dialect dialect = new Dialect(';', '"', null, StandardCharsets.UTF_8, true, 0, null, true, List.of(""), '.',
				null);

		// when
		SourceFileException ex = catchThrowableOfType(SourceFileException.class, () -> readAll(file, dialect));

		// then
		assertThat(ex).hasMessage("tickets.csv: line 1502: bytes that are not valid UTF-8; "
				+ "set csv.encoding in the mapping (e.g. windows-1252)");
	}

	@Test
	void failsASmallFileOnInvalidBytesNamingTheLine() throws IOException {
		// given
		Path file = this.dir.resolve("tickets.csv");
		Files.write(file, "Ticket;Operator\nT-1;Dana Lee\nT-2;Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
		Dialect dialect = new Dialect(';', '"', null, StandardCharsets.UTF_8, true, 0, null, true, List.of(""), '.',
				null);

		// when
		SourceFileException ex = catchThrowableOfType(SourceFileException.class, () -> readAll(file, dialect));

		// then
		assertThat(ex).hasMessageStartingWith("tickets.csv: line 3: bytes that are not valid UTF-8");
	}

	@Test
	void failsTheFileOnAQuoteThatIsNeverClosedNamingTheLineItOpensOn() throws IOException {
		// given
		Path file = write("Receipt No,Vendor Lot\nRC-1,L1\nRC-2,\"L2\nRC-3,L3\n");
		CsvSourceReader reader = new CsvSourceReader(file, COMMA, (header) -> {
		});
		reader.open(new ExecutionContext());

		// when
		SourceRow first = reader.read();
		SourceFileException ex = catchThrowableOfType(SourceFileException.class, reader::read);

		// then
		assertThat(first.line()).isEqualTo(2);
		assertThat(ex).hasMessageStartingWith("data.csv: cannot read line 3: ");
		reader.close();
	}

	@Test
	void failsAnEmptyFileThatShouldHaveAHeader() throws IOException {
		// given
		Path empty = write("empty.csv", "");
		Path titlesOnly = write("titles.csv", "Sunrise Bakery\nWeek of 2026-10-05\n");
		Dialect skipTwo = new Dialect(',', '"', null, StandardCharsets.UTF_8, true, 2, null, true, List.of(""), '.',
				null);

		// when
		SourceFileException noHeader = catchThrowableOfType(SourceFileException.class, () -> readAll(empty, COMMA));
		SourceFileException noHeaderAfterTitles = catchThrowableOfType(SourceFileException.class,
				() -> readAll(titlesOnly, skipTwo));

		// then
		assertThat(noHeader).hasMessage("empty.csv: the file is empty; expected a header line at line 1");
		assertThat(noHeaderAfterTitles).hasMessage("titles.csv: the file is empty; expected a header line at line 3");
	}

	@Test
	void failsFastWhenTheHeaderLacksAMappedColumn() throws IOException {
		// given: the export renamed "Lot" and "UoM"
		SourceMapping mapping = MappingFiles.input(this.dir.resolve("jobs"), "");
		Path file = write("Ticket,Lot No,WO,Qty,Unit,Date\nT-1,R10201,WO-1,45,kg,2026-10-05\n");
		CsvSourceReader reader = new CsvSourceReader(file, mapping.dialect(),
				(header) -> new RowMapper(mapping, header, new StoreMasterData(List.of(), List.of()),
						MappingFiles.UNITS,
						new KdeValidator(new StoreMasterData(List.of(), List.of()), LocalDate.of(2026, 11, 23)),
						"data.csv", "0".repeat(64), Instant.EPOCH));

		// when
		SourceFileException ex = catchThrowableOfType(SourceFileException.class,
				() -> reader.open(new ExecutionContext()));

		// then
		assertThat(ex).hasMessage("data.csv: the header has no column 'Lot', 'UoM' that test-source.yml maps; "
				+ "the header is: Ticket, Lot No, WO, Qty, Unit, Date");
	}

	@Test
	void countsTheBytesReadForProgress() throws IOException {
		// given
		Path file = write("Ticket,Lot\nT-1,R10201\n");
		CsvSourceReader reader = new CsvSourceReader(file, COMMA, (header) -> {
		});

		// when
		readAll(reader);

		// then
		assertThat(reader.bytesRead()).isEqualTo(Files.size(file));
	}

	private Path write(String text) throws IOException {
		return write("data.csv", text);
	}

	private Path write(String name, String text) throws IOException {
		return Files.writeString(this.dir.resolve(name), text);
	}

	private static List<SourceRow> readAll(Path file, Dialect dialect) {
		return readAll(new CsvSourceReader(file, dialect, (header) -> {
		}));
	}

	private static List<SourceRow> readAll(CsvSourceReader reader) {
		reader.open(new ExecutionContext());
		try {
			List<SourceRow> rows = new ArrayList<>();
			SourceRow row;
			while ((row = reader.read()) != null) {
				rows.add(row);
			}
			return rows;
		}
		finally {
			reader.close();
		}
	}

}
