package org.lottrace.fda;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.trace.RecordRequest;

/**
 * What FDA asked for: foods and a date range, or traceability lot codes (§ 1.1455(c)(3)),
 * as a records request takes it.
 *
 * @param assigner who assigned the lot codes, when several suppliers use one
 * @param allFoods whether foods not on the Food Traceability List are included
 */
public record RequestScope(List<String> products, @Nullable LocalDate from, @Nullable LocalDate to, List<String> lots,
		@Nullable String assigner, boolean allFoods) {

	public RequestScope {
		products = (products != null) ? List.copyOf(products) : List.of();
		lots = (lots != null) ? List.copyOf(lots) : List.of();
	}

	public RecordRequest toRecordRequest() {
		return new RecordRequest(this.products, this.from, this.to, this.lots, this.assigner, this.allFoods);
	}

	/** Whether it names something: a product, a lot or a date. */
	public boolean names() {
		return !this.products.isEmpty() || !this.lots.isEmpty() || this.from != null || this.to != null;
	}

	/** In words, as the records request's subject. */
	public String describe() {
		return toRecordRequest().subject();
	}

}
