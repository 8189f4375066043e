package org.lottrace.report.fda;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.TraceabilityLot;
import org.lottrace.report.RecordSet;

/**
 * What the rows of a {@link RecordSet} look up: the lot each record belongs to, the
 * master data behind its codes, and the product of each lot (a transformation input names
 * only its lot).
 */
final class RecordLookup {

	private final RecordSet records;

	private final Map<String, String> lotProducts = new HashMap<>();

	RecordLookup(RecordSet records) {
		this.records = records;
		records.events()
			.stream()
			.filter((e) -> e.role() != EventRole.INPUT && e.productCode() != null)
			.sorted(Comparator.comparing(KdeEvent::recordKey))
			.forEach((e) -> {
				String key = lotKey(e);
				if (key != null) {
					this.lotProducts.putIfAbsent(key, e.productCode());
				}
			});
	}

	@Nullable Location location(String code) {
		return this.records.locations().get(code);
	}

	@Nullable Product product(String code) {
		return this.records.products().get(code);
	}

	/**
	 * The lot of a record as code and assigner: resolved through the record set, or as
	 * recorded when the record names it completely; {@code null} when unknown.
	 */
	RecordSet.@Nullable Lot lot(KdeEvent event) {
		RecordSet.Lot lot = this.records.lotOf(event);
		TraceabilityLot recorded = event.lot();
		if (lot == null && recorded != null && recorded.assigner() != null) {
			return new RecordSet.Lot(recorded.code(), recorded.assigner());
		}
		return lot;
	}

	/** The identity of a record's lot, or {@code null} when it resolves to no lot. */
	@Nullable String lotKey(KdeEvent event) {
		RecordSet.Lot lot = lot(event);
		return (lot != null) ? TraceabilityLot.key(lot.code(), lot.assigner()) : null;
	}

	/** The product of a lot, from the records of that lot that name one. */
	@Nullable String productOfLot(@Nullable String lotKey) {
		return (lotKey != null) ? this.lotProducts.get(lotKey) : null;
	}

	/**
	 * The TLC cell of a record: the resolved lot code; the recorded number, listed as
	 * doubtful, when it resolves to no lot; {@code MISSING} when the record names none.
	 */
	SheetCell lotCell(KdeEvent event) {
		RecordSet.Lot lot = lot(event);
		if (lot != null) {
			return SheetCell.of(lot.code());
		}
		if (event.lot() == null) {
			return SheetCell.missing(MasterDataCode.NOT_RECORDED, event);
		}
		return SheetCell.doubtful(event.lot().code(), "lot number " + event.lot().code()
				+ " resolves to no traceability lot (no supplier lot or own lot has this number): shown as recorded",
				event);
	}

	/** The lot code a row sorts by: resolved, else as recorded, else empty. */
	String sortCode(KdeEvent event) {
		RecordSet.Lot lot = lot(event);
		return (lot != null) ? lot.code() : (event.lot() != null) ? event.lot().code() : "";
	}

	/** Who assigned a record's lot code (its TLC source), or {@code null}. */
	@Nullable String assigner(KdeEvent event) {
		RecordSet.Lot lot = lot(event);
		return (lot != null) ? lot.assigner() : null;
	}

	/** A quantity for the sheet: trailing zeros stripped, never in exponent notation. */
	static BigDecimal number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
