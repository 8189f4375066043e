package org.lottrace.ingest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lottrace.gs1.ElementString;
import org.lottrace.gs1.Gs1Exception;
import org.lottrace.gs1.Gs1Parser;
import org.lottrace.gs1.Measure;

/**
 * Takes one GS1 element out of a cell holding a scan, as text the field's own parser
 * reads (dates ISO, numbers with the export's decimal separator). Several fields usually
 * read the same scan, so the last scan parsed is remembered. Used by one thread, like its
 * {@link RowMapper}.
 */
final class Gs1Extraction {

	private final Gs1Parser parser;

	private final char decimalSeparator;

	private @Nullable String lastScan;

	private @Nullable ElementString lastRead;

	/**
	 * @param ingestedAt the year of ingestion decides the century of two-digit years
	 */
	Gs1Extraction(Instant ingestedAt, char decimalSeparator) {
		this.parser = new Gs1Parser(Clock.fixed(ingestedAt, ZoneOffset.UTC));
		this.decimalSeparator = decimalSeparator;
	}

	/**
	 * The element's text, {@code text} itself when the field takes no GS1 element, or
	 * {@code null} when the scan has no such element (as an empty cell).
	 * @throws Gs1Exception when the scan is not valid GS1 data, with the reason
	 */
	@Nullable String apply(@Nullable Gs1Part part, String text) {
		if (part == null) {
			return text;
		}
		if (!text.equals(this.lastScan)) {
			this.lastRead = null;
			this.lastScan = text;
			this.lastRead = this.parser.parse(text);
		}
		ElementString read = this.lastRead;
		if (read == null) {
			// the same invalid scan again: read it again for its reason
			read = this.parser.parse(text);
		}
		Optional<String> value = switch (part) {
			case GTIN -> read.gtin();
			case LOT -> read.lot();
			case SERIAL -> read.value("21");
			case PRODUCTION_DATE -> read.date("11").map(LocalDate::toString);
			case PACKAGING_DATE -> read.date("13").map(LocalDate::toString);
			case BEST_BEFORE -> read.date("15").map(LocalDate::toString);
			case EXPIRY -> read.date("17").map(LocalDate::toString);
			case NET_WEIGHT -> read.netWeight().map(Measure::value).map(this::decimal);
			case NET_WEIGHT_UNIT -> read.netWeight().map(Measure::unit);
		};
		return value.orElse(null);
	}

	private String decimal(BigDecimal value) {
		return value.toPlainString().replace('.', this.decimalSeparator);
	}

}
