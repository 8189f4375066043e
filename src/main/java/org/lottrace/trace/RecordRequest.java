package org.lottrace.trace;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request for records as the FDA words it (§ 1.1455(c)(3)(ii)): "for the foods and date
 * ranges or traceability lot codes specified". Give products (with an optional date
 * range), or lot codes, or both.
 *
 * @param products product codes
 * @param from first day of the date range (inclusive), or {@code null}
 * @param to last day of the date range (inclusive), or {@code null}
 * @param lotCodes traceability lot codes or internal lot numbers; every lot with such a
 * code is included, whoever assigned it
 */
public record RecordRequest(List<String> products, @Nullable LocalDate from, @Nullable LocalDate to,
		List<String> lotCodes) {

	public RecordRequest {
		products = List.copyOf(products);
		lotCodes = List.copyOf(lotCodes);
	}

	public String subject() {
		StringBuilder subject = new StringBuilder();
		if (!this.products.isEmpty()) {
			subject.append("products ").append(String.join(", ", this.products));
		}
		if (!this.lotCodes.isEmpty()) {
			subject.append((subject.length() > 0) ? "; " : "").append("lots ").append(String.join(", ", this.lotCodes));
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
