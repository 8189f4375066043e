package org.lottrace.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.store.StoreMasterData;

import static org.assertj.core.api.Assertions.assertThat;

/** Row mappers over in-memory master data, and rows parsed from inline CSV text. */
final class RowMappers {

	static final String SHA256 = "ab".repeat(32);

	static final Instant INGESTED_AT = Instant.parse("2026-11-23T02:00:00Z");

	static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final Provenance MASTER = new Provenance("test", "master.csv", SHA256, 2, INGESTED_AT);

	static final StoreMasterData MASTER_DATA = new StoreMasterData(
			List.of(location("BAKERY-01", null, "0614141000012"), location("V100", "V100", "0614141000111"),
					location("V120", "V120", "0614141000135"), location("C200-01", "C200", "0614141000203"),
					location("C200-02", "C200", "0614141000210"), location("C210-01", "C210", "0614141000227"),
					location("DUP-1", "D1", "0614141000777"), location("DUP-2", "D2", "0614141000777")),
			List.of(product("FLOUR-AP-50", "00614141200015", "kg"), product("EGG-SHELL-LG", "00614141200046", "each"),
					product("COOKIE-PB-12", "00614141100012", "case"), product("NO-CONVERSION", null, "kg"),
					product("DUP-A", "00000000000001", "kg"), product("DUP-B", "00000000000001", "kg")));

	/** The receiving mapping of the sample ERP, as a test writes it. */
	static final String RECEIVING = """
			source: erp-receiving
			kind: receiving
			files: ["RCV_*.csv"]
			key: [Receipt No, Line]
			fields:
			  lot_code: Vendor Lot
			  internal_lot: Rcv Lot
			  product_code: Item No
			  quantity: Qty
			  unit: UoM
			  event_date: {column: Rcv Date, format: M/d/yyyy}
			  location_code: Site
			  partner_location_code: Vendor No
			  tlc_source_location_code: Vendor No
			  reference_document_type: {constant: Purchase order}
			  reference_document_number: PO No
			  reference_document_type_2: {constant: Receipt}
			  reference_document_number_2: Receipt No
			""";

	static final String RECEIVING_HEADER = "Receipt No,Line,Rcv Date,Vendor No,Item No,Vendor Lot,Rcv Lot,Qty,UoM,PO No,Site";

	private RowMappers() {
	}

	static RowMapper mapper(Path dir, String yaml, String header) {
		SourceMapping mapping = MappingFiles.read(dir, yaml);
		List<String> columns = header.isEmpty() ? List.of()
				: Arrays.asList(header.split(Pattern.quote(String.valueOf(mapping.dialect().delimiter())), -1));
		return new RowMapper(mapping, columns, MASTER_DATA, MappingFiles.UNITS,
				mapping.limits().validator(MASTER_DATA, TODAY), "RCV_1.csv", SHA256, INGESTED_AT);
	}

	/** A data row read from line 2 of an export, parsed as Commons CSV would. */
	static SourceRow row(char delimiter, String line) {
		try {
			List<CSVRecord> records = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter)
				.get()
				.parse(new StringReader(line))
				.getRecords();
			return new SourceRow(2, records.get(0));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static SourceRow row(String line) {
		return row(',', line);
	}

	static <T> T accepted(MappedRow mapped, Class<T> type) {
		assertThat(mapped).isInstanceOf(MappedRow.Accepted.class);
		return type.cast(((MappedRow.Accepted) mapped).record());
	}

	/** The reasons of a row rejected as wrong in itself. */
	static List<KdeViolation> rejected(MappedRow mapped) {
		assertThat(mapped).isInstanceOf(MappedRow.Held.class);
		MappedRow.Held held = (MappedRow.Held) mapped;
		assertThat(held.line()).isEqualTo(2);
		assertThat(held.pending()).as("rejected, not pending: %s", held.violations()).isFalse();
		return held.violations();
	}

	/** The reasons of a row held as pending until other data arrives. */
	static List<KdeViolation> pending(MappedRow mapped) {
		assertThat(mapped).isInstanceOf(MappedRow.Held.class);
		MappedRow.Held held = (MappedRow.Held) mapped;
		assertThat(held.line()).isEqualTo(2);
		assertThat(held.pending()).as("pending, not rejected: %s", held.violations()).isTrue();
		return held.violations();
	}

	static Location location(String code, String partner, String gln) {
		return new Location(code, "site", partner, code + " Inc.", null, null, null, null, null, "US", gln, null,
				MASTER);
	}

	static Product product(String code, String gtin, String baseUnit) {
		return new Product(code, code + " name", null, null, null, null, null, gtin, null, false, baseUnit, MASTER);
	}

}
