package org.lottrace.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Field;
import org.lottrace.kde.FieldType;

/**
 * Which GS1 element a field takes out of a scanned barcode or Digital Link ({@code gs1:}
 * in a mapping), and which kinds of field it can feed.
 */
public enum Gs1Part {

	/**
	 * AI 01, or 02 on a logistic unit: a product, looked up with {@code lookup: gtin}.
	 */
	GTIN(FieldType.PRODUCT, FieldType.TEXT),

	/** AI 10. */
	LOT(FieldType.TEXT),

	/** AI 21. */
	SERIAL(FieldType.TEXT),

	/** AI 11. */
	PRODUCTION_DATE(FieldType.DATE),

	/** AI 13. */
	PACKAGING_DATE(FieldType.DATE),

	/** AI 15. */
	BEST_BEFORE(FieldType.DATE),

	/** AI 17. */
	EXPIRY(FieldType.DATE),

	/** AI 310n (kg) or 320n (lb), with its decimals. */
	NET_WEIGHT(FieldType.DECIMAL),

	/** {@code kg} for AI 310n, {@code lb} for 320n. */
	NET_WEIGHT_UNIT(FieldType.UNIT);

	private final List<FieldType> fits;

	private final String code;

	Gs1Part(FieldType... fits) {
		this.fits = List.of(fits);
		this.code = name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** As written in a mapping: {@code net-weight}. */
	public String code() {
		return this.code;
	}

	/**
	 * Reads {@code gs1:} of one field, adding a problem when it is unknown or does not
	 * fit the field.
	 */
	static @Nullable Gs1Part check(String where, Field field, String code, boolean hasFormat, List<String> problems) {
		Gs1Part part = Arrays.stream(values()).filter((p) -> p.code.equals(code)).findFirst().orElse(null);
		if (part == null) {
			problems.add(where + ": unknown gs1 element '" + code + "'; one of "
					+ Arrays.stream(values()).map(Gs1Part::code).collect(Collectors.joining(", ")));
		}
		else if (!part.fits.contains(field.type())) {
			problems.add(where + ": gs1 " + code + " does not apply to a " + field.type() + " field");
		}
		else if (hasFormat) {
			problems.add(where + ": a gs1 date needs no format (GS1 dates are always YYMMDD)");
		}
		return part;
	}

}
