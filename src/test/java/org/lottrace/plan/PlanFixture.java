package org.lottrace.plan;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.lottrace.ingest.JobsDirectory;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.plan.PlanContent.Keeping;
import org.lottrace.plan.PlanProperties.Contact;

/** A plan's content from the project's {@code jobs/} and a bakery's master data. */
final class PlanFixture {

	static final Path JOBS = Path.of("jobs").toAbsolutePath();

	static final Contact NOBODY = new Contact(null, null, null);

	static final Contact JANE = new Contact("Jane Miller, QA manager", "+1 217-555-0199", "jane@sunrise.example");

	private static final Provenance FROM = new Provenance("erp-items", "ITEMS.csv", "0".repeat(64), 2,
			Instant.parse("2026-10-01T00:00:00Z"));

	private PlanFixture() {
	}

	static PlanContent content(Contact contact, List<Product> products) {
		return PlanContent.of(JobsDirectory.read(JOBS), List.of(site(), supplier()), products, contact, null,
				new Keeping("/srv/lottrace/store", "/srv/lottrace/reports", "0 0 2 * * *", "/srv/lottrace/inbox",
						"/srv/lottrace/store/_requests/requests.jsonl"));
	}

	static List<Product> bakeryProducts() {
		return List.of(product("FLOUR-AP-50", "All-purpose wheat flour", null, false),
				product("EGG-SHELL-LG", "Shell eggs, large, grade A", "Shell eggs", true),
				product("PB-CREAMY-35", "Peanut butter, creamy", "Nut butters", false));
	}

	static Product product(String code, String name, String ftlCategory, boolean killStep) {
		return new Product(code, name, null, null, null, "35 lb", "Pail", null, ftlCategory, killStep, "kg", FROM);
	}

	static Location site() {
		return new Location("BAKERY-01", "site", null, "Sunrise Bakery", "+1 217-555-0100", "100 Mill Street",
				"Springfield", "IL", "62701", "US", "0614141000012", "12345678901", FROM);
	}

	static Location supplier() {
		return new Location("V130", "supplier", "V130", "Nutty Butter Co.", null, "1 Peanut Way", "Albany", "GA",
				"31701", "US", null, null, FROM);
	}

}
