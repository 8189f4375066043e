package org.lottrace.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventLocations;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;
import org.lottrace.store.PartitionedParquetWriter.WriterSettings;

/** Records for store tests. */
final class StoreRecords {

	static final WriterSettings ZSTD = new WriterSettings(CompressionCodecName.ZSTD, 64L << 20);

	static final Instant INGESTED_AT = Instant.parse("2026-11-23T02:00:01.123Z");

	private StoreRecords() {
	}

	/** A receipt with every event KDE a receipt has, and no farm KDEs. */
	static KdeEvent receipt(String receipt, String lot, LocalDate date) {
		return new KdeEvent("erp-receiving|" + receipt + "|1", Cte.RECEIVING, EventRole.EVENT,
				new TraceabilityLot(lot, "V120", "R10203"), "BUTTER-UNS-36",
				new Quantity(new BigDecimal("20.5"), "case"), new Quantity(new BigDecimal("334.738669"), "kg"), date,
				null, new EventLocations("BAKERY-01", "V120", "V120", null),
				new ReferenceDocument("Purchase order", "PO-88114"), new ReferenceDocument("Receipt", receipt), null,
				FarmKdes.NONE, provenance("erp-receiving", 2));
	}

	/** A first land-based receipt with the farm KDEs and an event time. */
	static KdeEvent landing() {
		return new KdeEvent("landing|TRIP-7", Cte.FIRST_LAND_BASED_RECEIVING, EventRole.EVENT,
				new TraceabilityLot("TRIP-7-TUNA", "DOCK-1", null), "TUNA-YF",
				new Quantity(new BigDecimal("1234.567891"), "kg"), new Quantity(new BigDecimal("1234.567891"), "kg"),
				LocalDate.of(2026, 9, 30), LocalDateTime.of(2026, 9, 30, 23, 59, 58, 999_000_000),
				new EventLocations("DOCK-1", "VESSEL-1", null, "urn:gln:0614141000999"),
				new ReferenceDocument("Landing report", "LR-7"), null, "WO-0",
				new FarmKdes(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 9, 27), LocalDate.of(2026, 9, 28),
						LocalDate.of(2026, 9, 29), "TUNA-YF", new Quantity(new BigDecimal("0.000001"), "t"), "FARM-1",
						"COOLER-1", "Area 7", "Blue Fin Co.", "+1 808-555-0100", "FAO 77"),
				provenance("landing", 3));
	}

	static Provenance provenance(String source, long line) {
		return new Provenance(source, "export.csv", "cd".repeat(32), line, INGESTED_AT);
	}

}
