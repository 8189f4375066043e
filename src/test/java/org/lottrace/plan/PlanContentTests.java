package org.lottrace.plan;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the plan says, from the project's real mappings and a bakery's master data, in
 * both documents.
 */
class PlanContentTests {

	@Test
	void listsTheFoodsOnTheFoodTraceabilityListAndHowTheyAreIdentified() {
		// when
		PlanContent content = PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts());

		// then
		assertThat(content.foods()).extracting(PlanContent.Food::code).containsExactly("EGG-SHELL-LG", "PB-CREAMY-35");
		assertThat(content.foods()).extracting(PlanContent.Food::killStep).containsExactly(true, false);
		assertThat(content.foodsFrom()).isEqualTo("source erp-items, column 'FTL Category'");
		assertThat(content.business()).isEqualTo("Sunrise Bakery");
		assertThat(content.sites()).singleElement()
			.satisfies((site) -> assertThat(site.address()).isEqualTo("100 Mill Street, Springfield, IL 62701, US"));
	}

	@Test
	void saysHowEachSourceAssignsLotCodesAndWhenItsTlcSourceIsAssumed() {
		// when
		PlanContent content = PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts());

		// then
		assertThat(content.sources()).extracting(SourcePlan::source)
			.containsExactly("erp-production", "erp-receiving", "scale-tickets", "shipping");
		SourcePlan receiving = content.sources().get(1);
		assertThat(receiving.files()).isEqualTo("RCV_*.csv");
		assertThat(receiving.lotCodes()).startsWith("the traceability lot code the supplier assigned")
			.endsWith("column 'Vendor Lot'; our internal lot number, kept as an alias of the lot: column 'Rcv Lot'");
		assertThat(receiving.tlcSource()).isEqualTo("TLC source location: column 'Vendor No'");
		assertThat(receiving.assumed())
			.isEqualTo("our suppliers pack or make what they ship, so the vendor assigned the lot code");
		SourcePlan production = content.sources().get(0);
		assertThat(production.lotCodes()).startsWith("we assign a new traceability lot code")
			.endsWith("column 'Output Lot'");
		assertThat(production.tlcSource()).isEqualTo("our location where the lot code is assigned: column 'Site'");
		assertThat(production.assumed()).isNull();
		assertThat(content.sources().get(3).tlcSource()).isEqualTo("TLC source location: always BAKERY-01");
		assertThat(content.masterData()).extracting(SourcePlan::source)
			.containsExactly("erp-items", "erp-sites", "erp-vendors", "shipping-customers");
		assertThat(content.grower()).isFalse();
	}

	@Test
	void saysThePointOfContactIsNotSetWhenNoOneIsConfigured() {
		// when
		PlanContent content = PlanFixture.content(PlanFixture.NOBODY, PlanFixture.bakeryProducts());
		String markdown = PlanDocument.markdown(content, null);
		String html = PlanDocument.html(content, null);

		// then
		assertThat(content.contact().complete()).isFalse();
		assertThat(markdown).contains("- **Name:** not set (lottrace.plan.contact.name)",
				"**Warning:** the point of contact is not set");
		assertThat(html).contains("<dt>Name</dt><dd>not set (lottrace.plan.contact.name)</dd>",
				"id=\"contact-warning\"");
	}

	@Test
	void writesTheSameContentInMarkdownAndHtmlWithValuesEscapedForEach() {
		// given
		PlanContent content = PlanFixture.content(PlanFixture.JANE,
				List.of(PlanFixture.product("PB_<1>", "Peanut butter *creamy* | jar", "Nut butters", false)));

		// when
		String markdown = PlanDocument.markdown(content, null);
		String html = PlanDocument.html(content, null);

		// then
		assertThat(markdown).contains("| PB\\_&lt;1&gt; | Peanut butter \\*creamy\\* \\| jar | Nut butters |  | no |",
				"- **Name:** Jane Miller, QA manager", "### erp-receiving: ERP receiving export",
				"files named RCV\\_\\*.csv", "TLC source assumed, not read from the export:** our suppliers pack");
		assertThat(html)
			.contains("<td>PB_&lt;1&gt;</td><td>Peanut butter *creamy* | jar</td>",
					"<dt>Name</dt><dd>Jane Miller, QA manager</dd>", "<h3>erp-receiving: ERP receiving export")
			.doesNotContain("contact-warning");
		assertThat(markdown).doesNotContain("Version:");
	}

	@Test
	void hasTheSameContentHashForTheSameConfigurationOnly() {
		// given
		PlanContent plan = PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts());
		PlanContent same = PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts());
		PlanContent otherContact = PlanFixture.content(PlanFixture.NOBODY, PlanFixture.bakeryProducts());
		PlanContent otherFoods = PlanFixture.content(PlanFixture.JANE, PlanFixture.bakeryProducts().subList(0, 2));

		// then
		assertThat(PlanDocument.contentSha256(plan)).isEqualTo(PlanDocument.contentSha256(same))
			.isNotEqualTo(PlanDocument.contentSha256(otherContact))
			.isNotEqualTo(PlanDocument.contentSha256(otherFoods));
	}

}
