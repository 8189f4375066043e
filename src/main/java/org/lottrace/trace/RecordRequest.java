package org.lottrace.trace;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request for records as the FDA words it (§ 1.1455(c)(3)(ii)): "for the foods and date
 * ranges or traceability lot codes specified". Give products (with an optional date
 * range), or lot codes, or both, or only a date range (every food). The rule concerns the
 * foods on the Food Traceability List: unless {@code allFoods}, a request by foods covers
 * those foods only, with every transformation that used them.
 *
 * @param products product codes; empty with a date range: every food (of the list)
 * @param from first day of the date range (inclusive), or {@code null}
 * @param to last day of the date range (inclusive), or {@code null}
 * @param lotCodes traceability lot codes or internal lot numbers; every lot with such a
 * code is included, whoever assigned it, unless {@code assigner} says whose
 * @param assigner who assigned the lot codes (a location code), for codes that several
 * suppliers use
 * @param allFoods include foods that are not on the Food Traceability List
 */
public record RecordRequest(List<String> products, @Nullable LocalDate from, @Nullable LocalDate to,
		List<String> lotCodes, @Nullable String assigner, boolean allFoods) {

	public RecordRequest {
		products = List.copyOf(products);
		lotCodes = List.copyOf(lotCodes);
	}

	/** A request for Food Traceability List foods, by foods and dates or lot codes. */
	public RecordRequest(List<String> products, @Nullable LocalDate from, @Nullable LocalDate to,
			List<String> lotCodes) {
		this(products, from, to, lotCodes, null, false);
	}

	/** True when the request names no food and no lot: every food of the date range. */
	public boolean everyFood() {
		return this.products.isEmpty() && this.lotCodes.isEmpty();
	}

	public String subject() {
		StringBuilder subject = new StringBuilder();
		if (everyFood()) {
			subject.append(this.allFoods ? "every food" : "every food on the Food Traceability List");
		}
		if (!this.products.isEmpty()) {
			subject.append("products ").append(String.join(", ", this.products));
		}
		if (!this.lotCodes.isEmpty()) {
			subject.append((subject.length() > 0) ? "; " : "").append("lots ").append(String.join(", ", this.lotCodes));
			if (this.assigner != null) {
				subject.append(" (").append(this.assigner).append(")");
			}
		}
		if (this.from != null || this.to != null) {
			subject.append(", ")
				.append((this.from != null) ? this.from : "")
				.append("..")
				.append((this.to != null) ? this.to : "");
		}
		return subject.toString();
	}

	boolean inRange(LocalDate date) {
		return (this.from == null || !date.isBefore(this.from)) && (this.to == null || !date.isAfter(this.to));
	}

}
