package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.RecordKind;

/**
 * The CSV files: one per sheet, UTF-8 with BOM, CRLF, ISO dates, plain numbers, guarded
 * text.
 */
class FdaCsvWriterTests {

	@TempDir
	Path dir;

	private final FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(
			Events.complete(RecordKind.RECEIVING).quantity("20.500000", "kg").build(),
			Events.complete(RecordKind.HARVESTING).build(), Events.complete(RecordKind.TRANSFORMATION_OUTPUT).build()));

	@Test
	void writesOneFilePerSheetInSheetOrder() throws IOException {
		List<Path> files = FdaCsvWriter.write(this.spreadsheet, this.dir.resolve("fda"));
		assertThat(files).extracting((f) -> f.getFileName().toString())
			.containsExactly("fda-harvesting.csv", "fda-cooling.csv", "fda-initial-packing.csv",
					"fda-first-land-based-receiving.csv", "fda-shipping.csv", "fda-receiving.csv",
					"fda-transformation.csv", "fda-explanations.csv", "fda-request.csv", "fda-gaps.csv");
		try (Stream<Path> listed = Files.list(this.dir.resolve("fda"))) {
			assertThat(listed).as("no temporary file left").hasSize(10);
		}
		if (Files.getFileAttributeView(this.dir, PosixFileAttributeView.class) != null) {
			assertThat(Files.getPosixFilePermissions(files.get(0))).as("readable beyond the owner, like any file")
				.isEqualTo(Files.getPosixFilePermissions(Files.createFile(this.dir.resolve("plain.txt"))));
		}
		assertThat(read(this.dir.resolve("fda/fda-cooling.csv"))).singleElement()
			.satisfies((header) -> assertThat(header.get(0)).isEqualTo("Immediate Subsequent Recipient Business Name"));
	}

	@Test
	void filesAreUtf8WithByteOrderMarkAndCrlfLineEnds() throws IOException {
		FdaCsvWriter.write(this.spreadsheet, this.dir);
		byte[] bytes = Files.readAllBytes(this.dir.resolve("fda-harvesting.csv"));
		assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, StandardCharsets.UTF_8);
		assertThat(text).contains("Culiacán").endsWith("\r\n");
		assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void holdsTheSameRowsWithIsoDatesAndPlainNumbers() throws IOException {
		FdaCsvWriter.write(this.spreadsheet, this.dir);
		List<CSVRecord> receiving = read(this.dir.resolve("fda-receiving.csv"));
		assertThat(receiving).hasSize(2);
		assertThat(receiving.get(0).values())
			.containsExactlyElementsOf(this.spreadsheet.sheet(org.lottrace.kde.Cte.RECEIVING).headers());
		CSVRecord row = receiving.get(1);
		assertThat(row.get(0)).isEqualTo("L2301");
		assertThat(row.get(1)).isEqualTo("20.5");
		assertThat(row.get(23)).isEqualTo("2026-10-05");
		assertThat(row.get(31)).isEmpty();
		List<CSVRecord> transformation = read(this.dir.resolve("fda-transformation.csv"));
		assertThat(transformation.get(1).get(0)).isEqualTo(FdaSpreadsheet.MISSING);
		List<CSVRecord> gaps = read(this.dir.resolve("fda-gaps.csv"));
		assertThat(gaps.get(1).values()).startsWith("Missing KDE", "", "Transformation", "2", "A2",
				"Input Traceability Lot Code");
	}

	@Test
	void formulaLikeTextIsGuardedWithAnApostrophe() throws IOException {
		FdaCsvWriter.write(FdaSpreadsheet.of(Events.formulaLike()), this.dir);
		CSVRecord row = read(this.dir.resolve("fda-shipping.csv")).get(1);
		assertThat(row.get(0)).isEqualTo("'-24");
		assertThat(row.get(9)).isEqualTo("'=1+1");
		assertThat(row.get(10)).isEqualTo("'+1 555-0100");
		assertThat(row.get(11)).isEqualTo("'@SUM(A1)");
		assertThat(row.get(1)).as("numbers stay numbers").isEqualTo("8");
	}

	private static List<CSVRecord> read(Path file) throws IOException {
		String text = Files.readString(file, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFF");
		return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
	}

}
