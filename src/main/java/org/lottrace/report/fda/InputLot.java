package org.lottrace.report.fda;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;

/**
 * One input lot of a transformation as one row shows it: the input records (scale
 * tickets) of the same lot and unit in one work order, with their quantities added up.
 *
 * @param records the input records, by record key
 * @param lotKey the lot's identity, or {@code null} when its number resolves to no lot
 * @param quantity the quantity used from the lot: the sum of the records' quantities
 * @param productCode the lot's product: from the records themselves or from other records
 * of the same lot; {@code null} when none names it
 */
record InputLot(List<KdeEvent> records, @Nullable String lotKey, Quantity quantity, @Nullable String productCode) {

	KdeEvent first() {
		return this.records.get(0);
	}

	/**
	 * The input records' own documents, joined: each record's second reference (its scale
	 * ticket), or its first one when that is not the transformation's document.
	 * @return {@code null} when the records have no document of their own
	 */
	@Nullable ReferenceDocument documents(@Nullable ReferenceDocument transformation) {
		List<String> types = new ArrayList<>();
		List<String> numbers = new ArrayList<>();
		for (KdeEvent record : this.records) {
			ReferenceDocument own = (record.secondReference() != null) ? record.secondReference()
					: Objects.equals(record.reference(), transformation) ? null : record.reference();
			if (own != null) {
				if (!own.type().isEmpty() && !types.contains(own.type())) {
					types.add(own.type());
				}
				numbers.add(own.number());
			}
		}
		return numbers.isEmpty() ? null : new ReferenceDocument(String.join(", ", types), String.join(", ", numbers));
	}

}
