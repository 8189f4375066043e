package org.lottrace.kde;

import org.jspecify.annotations.Nullable;

/**
 * A product (item) in master data, with the parts of its product description (§ 1.1310:
 * product name including brand, commodity and variety, packaging size, packaging style).
 *
 * @param ftlCategory the Food Traceability List category, or {@code null} when the food
 * is not on the list
 * @param killStep whether this site applies a kill step to the food (§ 1.1305(d)(3))
 * @param baseUnit the unit quantities of this product are normalized to for mass balance
 */
public record Product(String code, String name, @Nullable String brand, @Nullable String commodity,
		@Nullable String variety, @Nullable String packSize, @Nullable String packStyle, @Nullable String gtin,
		@Nullable String ftlCategory, boolean killStep, String baseUnit, Provenance provenance) implements StoreRecord {

}
