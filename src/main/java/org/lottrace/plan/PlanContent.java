package org.lottrace.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.JobsDirectory;
import org.lottrace.ingest.SourceMapping;
import org.lottrace.kde.Cte;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.ProductField;
import org.lottrace.kde.RecordKind;
import org.lottrace.plan.PlanProperties.Contact;

/**
 * What the traceability plan says (§ 1.1315(a)), gathered from the configuration and
 * ready to print: the sites, the point of contact, the Food Traceability List foods of
 * the master data and how they are identified, each source with how its lot codes are
 * assigned, and how records are kept and produced. The version (its date, what it
 * supersedes) is not part of it: two plans with the same content are the same plan.
 *
 * @param foodsFrom how FTL foods are identified: the product mapping field that carries
 * the category
 * @param grower whether the mappings hold harvesting records, for which the plan must
 * include a farm map (§ 1.1315(a)(5))
 */
record PlanContent(String business, List<Site> sites, ContactView contact, List<Food> foods, String foodsFrom,
		List<SourcePlan> sources, List<SourcePlan> masterData, Keeping keeping, boolean grower, String farmMap) {

	static final String NOT_SET = "not set";

	/** One of our own sites (location type {@code site}). */
	record Site(String code, String name, String address, String phone, String registration) {

	}

	/** The point of contact as printed, with "not set" and the setting to set. */
	record ContactView(String name, String phone, String email, boolean complete) {

	}

	/** A product of the master data that is on the Food Traceability List. */
	record Food(String code, String name, String category, String gtin, boolean killStep) {

	}

	/**
	 * How records are kept, and produced for FDA.
	 *
	 * @param store where the records are (absolute)
	 * @param reports where report folders are written
	 * @param schedule when the service ingests its inbox (Spring cron)
	 * @param inbox the service's inbox
	 * @param requests the log of FDA records requests
	 */
	record Keeping(String store, String reports, String schedule, String inbox, String requests) {

	}

	static PlanContent of(JobsDirectory jobs, List<Location> locations, List<Product> products, Contact contact,
			@Nullable String farmMap, Keeping keeping) {
		List<SourceMapping> mappings = jobs.mappings()
			.stream()
			.sorted(Comparator.comparing(SourceMapping::source))
			.toList();
		List<Site> sites = locations.stream()
			.filter((l) -> "site".equalsIgnoreCase(l.type()))
			.sorted(Comparator.comparing(Location::code))
			.map(PlanContent::site)
			.toList();
		String business = sites.stream().map(Site::name).distinct().collect(Collectors.joining(", "));
		boolean grower = mappings.stream().anyMatch((m) -> m.kind().cte() == Cte.HARVESTING);
		return new PlanContent(business.isEmpty() ? "(no own site in the master data)" : business, sites,
				contact(contact), foods(products), foodsFrom(mappings),
				mappings.stream().filter((m) -> m.kind().isEvent()).map(SourcePlan::of).toList(),
				mappings.stream().filter((m) -> !m.kind().isEvent()).map(SourcePlan::of).toList(), keeping, grower,
				(farmMap != null && !farmMap.isBlank()) ? farmMap.strip() : NOT_SET + " (lottrace.plan.farm-map)");
	}

	private static Site site(Location l) {
		String address = Stream.of(l.street(), l.city(), join(l.state(), l.postalCode()), l.country())
			.filter((p) -> p != null && !p.isBlank())
			.collect(Collectors.joining(", "));
		String registration = (l.fdaRegistration() != null) ? "FDA registration " + l.fdaRegistration() : "";
		if (l.gln() != null) {
			registration += (registration.isEmpty() ? "" : ", ") + "GLN " + l.gln();
		}
		return new Site(l.code(), l.businessName(), address, Objects.toString(l.phone(), ""), registration);
	}

	private static @Nullable String join(@Nullable String state, @Nullable String zip) {
		return (state == null) ? zip : (zip == null) ? state : state + " " + zip;
	}

	private static ContactView contact(Contact contact) {
		return new ContactView(orNotSet(contact.name(), "name"), orNotSet(contact.phone(), "phone"),
				orNotSet(contact.email(), "email"), contact.complete());
	}

	private static String orNotSet(@Nullable String value, String setting) {
		return (value != null) ? value : NOT_SET + " (lottrace.plan.contact." + setting + ")";
	}

	private static List<Food> foods(List<Product> products) {
		return products.stream()
			.filter((p) -> p.ftlCategory() != null && !p.ftlCategory().isBlank())
			.sorted(Comparator.comparing(Product::code))
			.map((p) -> new Food(p.code(), p.name(), p.ftlCategory(), Objects.toString(p.gtin(), ""), p.killStep()))
			.toList();
	}

	/** Which product source carries the FTL category, and from where. */
	private static String foodsFrom(List<SourceMapping> mappings) {
		List<String> from = mappings.stream()
			.filter((m) -> m.kind() == RecordKind.PRODUCT && m.fields().containsKey(ProductField.FTL_CATEGORY))
			.map((m) -> "source " + m.source() + ", " + SourcePlan.describe(m.fields().get(ProductField.FTL_CATEGORY)))
			.toList();
		return from.isEmpty() ? "no product mapping in jobs/ maps ftl_category: no food is identified as on the list"
				: String.join("; ", from);
	}

}
