package org.lottrace.report.fda;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Product;

/**
 * The parts of a product description (§ 1.1310): brand, commodity and variety only if
 * applicable.
 */
enum ProductPart {

	NAME("Product Name", "product name"), BRAND("Brand Name", "brand name"), COMMODITY("Commodity", "commodity"),
	VARIETY("Variety", "variety"), PACK_SIZE("Packaging Size", "packaging size"),
	PACK_STYLE("Packaging Style", "packaging style");

	final String header;

	final String label;

	ProductPart(String header, String label) {
		this.header = header;
		this.label = label;
	}

	@Nullable String of(Product p) {
		return switch (this) {
			case NAME -> p.name();
			case BRAND -> p.brand();
			case COMMODITY -> p.commodity();
			case VARIETY -> p.variety();
			case PACK_SIZE -> p.packSize();
			case PACK_STYLE -> p.packStyle();
		};
	}

}
