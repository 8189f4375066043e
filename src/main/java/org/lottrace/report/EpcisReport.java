package org.lottrace.report;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.lottrace.epcis.EpcisDocument;
import org.lottrace.epcis.EpcisRecords;
import org.lottrace.kde.TraceabilityLot;
import org.lottrace.store.AtomicFiles;

/**
 * The records of a report as an EPCIS 2.0 JSON-LD document, {@code epcis.jsonld}: the
 * same records as the FDA spreadsheet, for partners and regulators who read EPCIS.
 */
public final class EpcisReport {

	private EpcisReport() {
	}

	static Path write(RecordSet records, ZoneId zone, Path file) {
		EpcisRecords epcis = records(records);
		return AtomicFiles.write(file, (out) -> EpcisDocument.write(epcis, zone, out));
	}

	private static EpcisRecords records(RecordSet records) {
		Map<String, TraceabilityLot> lots = new HashMap<>();
		records.lots().forEach((key, lot) -> lots.put(key, new TraceabilityLot(lot.code(), lot.assigner(), null)));
		return new EpcisRecords(records.title(), records.events(), lots, records.locations(), records.products(),
				records.generatedAt());
	}

}
