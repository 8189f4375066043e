package org.lottrace.kde;

import java.util.EnumSet;
import java.util.Set;

/**
 * The attributes of a product (item) in master data: the parts of a product description
 * (§ 1.1310).
 */
public enum ProductField implements Field {

	PRODUCT_CODE(FieldType.TEXT, "Product (item) code"),

	PRODUCT_NAME(FieldType.TEXT, "Product name"),

	BRAND(FieldType.TEXT, "Brand name"),

	COMMODITY(FieldType.TEXT, "Commodity"),

	VARIETY(FieldType.TEXT, "Variety"),

	PACK_SIZE(FieldType.TEXT, "Packaging size"),

	PACK_STYLE(FieldType.TEXT, "Packaging style"),

	GTIN(FieldType.TEXT, "GS1 Global Trade Item Number"),

	FTL_CATEGORY(FieldType.TEXT, "Food Traceability List category; empty when not on the list"),

	KILL_STEP(FieldType.BOOLEAN, "A kill step is applied to this food here (§ 1.1305(d)(3))"),

	BASE_UNIT(FieldType.UNIT, "Unit that quantities of this product are normalized to");

	private static final Set<ProductField> CODES = EnumSet.of(PRODUCT_CODE, GTIN, BASE_UNIT);

	private final FieldType type;

	private final String label;

	ProductField(FieldType type, String label) {
		this.type = type;
		this.label = label;
	}

	@Override
	public FieldType type() {
		return this.type;
	}

	@Override
	public String label() {
		return this.label;
	}

	@Override
	public boolean code() {
		return CODES.contains(this);
	}

}
