package org.lottrace.report.fda;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;

/**
 * The composite KDEs split into columns the way FDA's template splits them: a location
 * description into seven columns, a product description into six, a quantity into two,
 * the reference documents into four.
 */
final class KdeColumns {

	private KdeColumns() {
	}

	/**
	 * The seven columns of a location description.
	 * @param prefix the header prefix, e.g. {@code Immediate Previous Source}
	 * @param who whose location it is, e.g. {@code the immediate previous source}
	 */
	static List<KdeColumn> location(String prefix, String who, String citation, Function<CteRow, MasterDataCode> use) {
		List<KdeColumn> columns = new ArrayList<>();
		for (LocationPart part : LocationPart.values()) {
			columns.add(KdeColumn.text(prefix + " " + part.header, "Location description of " + who,
					capitalized(part.label) + " of " + who, citation,
					(f) -> locationCell(f.lookup(), use.apply(f), part)));
		}
		return columns;
	}

	/**
	 * The columns of the TLC source's location description; when the source's mapping
	 * assumes the TLC source rather than reading it, its business name is marked as
	 * assumed, with the mapping's reason.
	 */
	static List<KdeColumn> tlcSource(String prefix, String who, String citation, Function<CteRow, MasterDataCode> use) {
		List<KdeColumn> columns = new ArrayList<>(location(prefix, who, citation, use));
		KdeColumn name = columns.get(0);
		columns.set(0, new KdeColumn(name.column(), (f) -> {
			SheetCell cell = name.value().apply(f);
			MasterDataCode tlc = use.apply(f);
			KdeEvent record = tlc.record();
			String assumed = (record != null) ? record.locations().tlcSourceAssumed() : null;
			return (record != null && assumed != null && cell.gap() == null && cell.value() != null) ? new SheetCell(
					cell.value(),
					"assumed, not recorded in the export (mapping " + record.provenance().source() + "): " + assumed,
					record, org.lottrace.trace.Gap.Kind.ASSUMED_TLC_SOURCE) : cell;
		}));
		return columns;
	}

	/**
	 * The six columns of a product description.
	 * @param prefix the header prefix ({@code Input }, {@code Output }) or empty
	 * @param what which food, e.g. {@code the food received}
	 * @param packaged whether packaging size and style are required
	 */
	static List<KdeColumn> product(String prefix, String what, String citation, boolean packaged,
			Function<CteRow, MasterDataCode> use) {
		List<KdeColumn> columns = new ArrayList<>();
		for (ProductPart part : ProductPart.values()) {
			boolean required = part == ProductPart.NAME
					|| (packaged && (part == ProductPart.PACK_SIZE || part == ProductPart.PACK_STYLE));
			String meaning = capitalized(part.label) + " of " + what + (required ? "" : ", if applicable");
			columns.add(KdeColumn.text(prefix + part.header, "Product description of " + what, meaning, citation,
					(f) -> productCell(f.lookup(), use.apply(f), part, required)));
		}
		return columns;
	}

	/** Commodity and, if applicable, variety, from a product code. */
	static List<KdeColumn> commodity(String suffix, String what, String citation,
			Function<CteRow, MasterDataCode> use) {
		String kde = "Commodity and, if applicable, variety of " + what;
		return List.of(
				KdeColumn.text("Commodity" + suffix, kde, "Commodity of " + what, citation,
						(f) -> productCell(f.lookup(), use.apply(f), ProductPart.COMMODITY, true)),
				KdeColumn.text("Variety" + suffix, kde, "Variety of " + what + ", if applicable", citation,
						(f) -> productCell(f.lookup(), use.apply(f), ProductPart.VARIETY, false)));
	}

	/** A quantity and its unit of measure. */
	static List<KdeColumn> quantity(String quantityHeader, String unitHeader, String what, String citation,
			Function<CteRow, RowQuantity> amount) {
		String kde = "Quantity and unit of measure of " + what;
		return List.of(KdeColumn.number(quantityHeader, kde, "Quantity of " + what, citation, (f) -> {
			RowQuantity a = amount.apply(f);
			if (a.record() == null || a.quantity() == null) {
				return absent(a.record(), a.need());
			}
			BigDecimal value = RecordLookup.number(a.quantity().value());
			return (a.doubt() != null) ? SheetCell.doubtful(value, a.doubt(), a.record()) : SheetCell.of(value);
		}), KdeColumn.text(unitHeader, kde,
				"Unit of measure of " + what + " (the codes are explained on the Explanations sheet)", citation,
				(f) -> {
					RowQuantity a = amount.apply(f);
					Quantity q = a.quantity();
					return (a.record() == null || q == null) ? absent(a.record(), a.need())
							: SheetCell.required(q.unit(), a.record(), MasterDataCode.NOT_RECORDED);
				}));
	}

	/** The reference document type and number, then a second type and number. */
	static List<KdeColumn> references(String citation, Function<CteRow, RowReferences> refs) {
		String kde = "Reference document type and number";
		String second = "A second reference document (e.g. the scale tickets of an input, the receipt beside a "
				+ "purchase order), not required";
		return List.of(
				KdeColumn.text("Reference Document Type", kde, "Type of the reference document", citation,
						(f) -> referenceCell(refs.apply(f), true, true)),
				KdeColumn.text("Reference Document Number", kde, "Number of the reference document", citation,
						(f) -> referenceCell(refs.apply(f), true, false)),
				KdeColumn.text("2nd Reference Document Type", kde, second + ": its type", citation,
						(f) -> referenceCell(refs.apply(f), false, true)),
				KdeColumn.text("2nd Reference Document Number", kde, second + ": its number", citation,
						(f) -> referenceCell(refs.apply(f), false, false)));
	}

	static SheetCell locationCell(RecordLookup lookup, MasterDataCode use, LocationPart part) {
		if (use.record() == null || use.need() == KdeRequirement.ABSENT) {
			return SheetCell.BLANK;
		}
		if (use.code() == null) {
			return (use.need() == KdeRequirement.REQUIRED) ? SheetCell.missing(use.absent(), use.record())
					: SheetCell.BLANK;
		}
		Location location = lookup.location(use.code());
		boolean gaps = use.need() != KdeRequirement.SHOWN;
		if (location == null) {
			return gaps ? SheetCell.missing("location code " + use.code() + " is not in the master data", use.record())
					: SheetCell.BLANK;
		}
		String value = part.of(location);
		if ((value == null || value.isBlank()) && gaps && part.required(location)) {
			return SheetCell.missing("the master data of location " + use.code() + " (" + location.businessName()
					+ ") has no " + part.label, use.record());
		}
		return SheetCell.of(value);
	}

	static SheetCell productCell(RecordLookup lookup, MasterDataCode use, ProductPart part, boolean required) {
		if (use.record() == null || use.need() == KdeRequirement.ABSENT) {
			return SheetCell.BLANK;
		}
		if (use.code() == null) {
			return (required && use.need() == KdeRequirement.REQUIRED) ? SheetCell.missing(use.absent(), use.record())
					: SheetCell.BLANK;
		}
		Product product = lookup.product(use.code());
		if (product == null) {
			return required
					? SheetCell.missing("product code " + use.code() + " is not in the master data", use.record())
					: SheetCell.BLANK;
		}
		String value = part.of(product);
		if ((value == null || value.isBlank()) && required) {
			return SheetCell.missing(
					"the master data of product " + use.code() + " (" + product.name() + ") has no " + part.label,
					use.record());
		}
		return SheetCell.of(value);
	}

	private static SheetCell referenceCell(RowReferences refs, boolean first, boolean type) {
		ReferenceDocument document = first ? refs.first() : refs.second();
		String value = (document == null) ? null : type ? document.type() : document.number();
		if (!first || refs.need() != KdeRequirement.REQUIRED) {
			return SheetCell.of(value);
		}
		return SheetCell.required(value, refs.record(), MasterDataCode.NOT_RECORDED);
	}

	private static SheetCell absent(org.lottrace.kde.@Nullable KdeEvent record, KdeRequirement need) {
		return (record != null && need == KdeRequirement.REQUIRED)
				? SheetCell.missing(MasterDataCode.NOT_RECORDED, record) : SheetCell.BLANK;
	}

	static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
