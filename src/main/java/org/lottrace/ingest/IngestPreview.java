package org.lottrace.ingest;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Location;
import org.lottrace.kde.MasterData;
import org.lottrace.kde.Product;
import org.lottrace.kde.UnitConverter;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What the first rows of an export would become with its mapping, without writing
 * anything: for each row the record it makes, or every reason it would be rejected or
 * held as pending. The way to try a new mapping on a sample export ({@code ingest
 * --dry-run}).
 *
 * @param file the export
 * @param mapping its mapping
 * @param rows the rows read, in file order
 */
public record IngestPreview(Path file, SourceMapping mapping, List<Row> rows) {

	/**
	 * One row.
	 *
	 * @param record what the row becomes, in words; {@code null} when it is held back
	 * @param pending whether it is held as pending (it waits for other data) rather than
	 * rejected
	 * @param violations every reason it is held back
	 */
	public record Row(long line, @Nullable String record, boolean pending, List<KdeViolation> violations) {

	}

	/**
	 * Maps the first rows of an export.
	 * @throws SourceFileException when the file cannot be read with the mapping (its
	 * header lacks a mapped column, its bytes are not in the mapping's encoding)
	 */
	static IngestPreview of(Path file, SourceMapping mapping, int limit, MasterData masterData, UnitConverter units,
			LocalDate today) {
		RowMapper[] mapper = new RowMapper[1];
		SourceReader reader = SourceReader.of(file, mapping,
				(header) -> mapper[0] = new RowMapper(mapping, header, masterData, units,
						mapping.limits().validator(masterData, today), file.getFileName().toString(), "preview",
						java.time.Instant.EPOCH));
		List<Row> rows = new ArrayList<>();
		reader.open(new ExecutionContext());
		try {
			SourceRow row;
			while (rows.size() < limit && (row = reader.read()) != null) {
				MappedRow mapped = mapper[0].map(row);
				rows.add((mapped instanceof MappedRow.Held held)
						? new Row(held.line(), null, held.pending(), held.violations())
						: new Row(row.line(), describe(((MappedRow.Accepted) mapped).record()), false, List.of()));
			}
		}
		finally {
			reader.close();
		}
		return new IngestPreview(file, mapping, List.copyOf(rows));
	}

	/** A record in one line, its KDEs in the order the rule lists them. */
	static String describe(Object record) {
		if (record instanceof Location l) {
			return "location " + l.code() + ": " + l.businessName() + join(l.type(), l.street(), l.city(), l.state(),
					l.postalCode(), l.country(), l.phone(), (l.gln() != null) ? "GLN " + l.gln() : null);
		}
		if (record instanceof Product p) {
			return "product " + p.code() + ": " + p.name()
					+ join(p.packSize(), p.packStyle(), "base unit " + p.baseUnit(),
							(p.ftlCategory() != null) ? "FTL " + p.ftlCategory() : "not on the FTL",
							(p.gtin() != null) ? "GTIN " + p.gtin() : null);
		}
		KdeEvent e = (KdeEvent) record;
		String lot = (e.lot() == null) ? "no lot"
				: "lot " + e.lot().code()
						+ ((e.lot().assigner() != null) ? " (" + e.lot().assigner() + ")"
								: " (a local number, resolved when traced)")
						+ ((e.lot().internalLot() != null) ? ", internal " + e.lot().internalLot() : "");
		String quantity = e.quantity()
				+ ((e.normalizedQuantity() != null) ? " (" + e.normalizedQuantity() + ")" : " (converted when traced)");
		return e.cte().code() + ((e.role() != org.lottrace.kde.EventRole.EVENT) ? " " + e.role().code() : "") + ": "
				+ lot
				+ join((e.productCode() != null) ? "product " + e.productCode() : "product from the lot", quantity,
						e.eventDate().toString(), at(e), (e.reference() != null) ? e.reference().toString() : null,
						(e.workOrder() != null) ? "work order " + e.workOrder() : null, "key " + e.recordKey());
	}

	private static @Nullable String at(KdeEvent e) {
		String location = e.locations().location();
		String partner = e.locations().partner();
		return (location == null && partner == null) ? null
				: "at " + Objects.toString(location, "?") + ((partner != null) ? ", partner " + partner : "");
	}

	private static String join(@Nullable String... parts) {
		StringBuilder text = new StringBuilder();
		for (String part : parts) {
			if (part != null && !part.isBlank()) {
				text.append(", ").append(part);
			}
		}
		return text.toString();
	}

}
