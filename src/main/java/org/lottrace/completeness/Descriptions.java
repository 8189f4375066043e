package org.lottrace.completeness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;

/**
 * Whether master data describes a location or a product as the FDA spreadsheet needs it
 * (the rules of its location and product columns, {@code report/KdeColumns}): a location
 * with business name, phone, street, city and country, and state and ZIP code in the
 * United States; a product with its name, and packaging size and style for a packed food,
 * or its commodity for a harvested or cooled one.
 */
final class Descriptions {

	private static final Set<String> UNITED_STATES = Set.of("US", "USA", "UNITED STATES", "UNITED STATES OF AMERICA");

	private Descriptions() {
	}

	/** The parts a location's description lacks; empty when complete. */
	static List<String> missing(Location l) {
		List<String> missing = new ArrayList<>();
		add(missing, l.businessName(), "business name");
		add(missing, l.phone(), "phone number");
		add(missing, l.street(), "street address");
		add(missing, l.city(), "city");
		boolean us = l.country() == null || UNITED_STATES.contains(l.country().trim().toUpperCase(Locale.ROOT));
		if (us) {
			add(missing, l.state(), "state");
			add(missing, l.postalCode(), "ZIP code");
		}
		add(missing, l.country(), "country");
		return missing;
	}

	/** What a packed food's description lacks: name, packaging size and style. */
	static List<String> missingPacked(Product p) {
		List<String> missing = new ArrayList<>();
		add(missing, p.name(), "product name");
		add(missing, p.packSize(), "packaging size");
		add(missing, p.packStyle(), "packaging style");
		return missing;
	}

	/** What a harvested or cooled food's description lacks: name and commodity. */
	static List<String> missingCommodity(Product p) {
		List<String> missing = new ArrayList<>();
		add(missing, p.name(), "product name");
		add(missing, p.commodity(), "commodity");
		return missing;
	}

	private static void add(List<String> missing, @Nullable String value, String part) {
		if (value == null || value.isBlank()) {
			missing.add(part);
		}
	}

}
