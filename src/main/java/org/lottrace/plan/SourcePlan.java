package org.lottrace.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.SourceMapping;
import org.lottrace.ingest.SourceMapping.ColumnRef;
import org.lottrace.ingest.SourceMapping.FieldSource;
import org.lottrace.kde.Cte;
import org.lottrace.kde.Field;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.RecordKind;

/**
 * What the plan says about one source: what its exports hold, where they come from, and
 * (for event sources) how the traceability lot codes in them are assigned and who the TLC
 * source is, read from its mapping. A TLC source the mapping assumes rather than reads is
 * said to be assumed, with the mapping's reason.
 *
 * @param records what the rows become, in the rule's words
 * @param files the file-name patterns of its exports
 * @param lotCodes how the lot codes are assigned, and where they are read; {@code null}
 * for master data
 * @param tlcSource who the TLC source is; {@code null} when the CTE has none
 * @param assumed why the TLC source is assumed, or {@code null} when it is read
 */
record SourcePlan(String source, String description, String records, String files, String inbox, String mapping,
		@Nullable String lotCodes, @Nullable String tlcSource, @Nullable String assumed) {

	static SourcePlan of(SourceMapping mapping) {
		RecordKind kind = mapping.kind();
		String description = (mapping.description() != null) ? mapping.description() : mapping.source();
		return new SourcePlan(mapping.source(), description, records(kind), String.join(", ", mapping.files()),
				mapping.inbox(), mapping.file().getFileName().toString(), lotCodes(kind, mapping.fields()),
				tlcSource(kind, mapping.fields()), kind.isEvent() ? mapping.tlcSourceAssumed() : null);
	}

	private static String records(RecordKind kind) {
		return switch (kind) {
			case LOCATION -> "master data: locations (location descriptions, § 1.1310)";
			case PRODUCT -> "master data: products (product descriptions and Food Traceability List categories)";
			case TRANSFORMATION_INPUT -> "transformation inputs, the quantity used of each input lot (§ 1.1350(a)(1))";
			case TRANSFORMATION_OUTPUT -> "transformation outputs, the new lots made (§ 1.1350(a)(2))";
			default -> kind.eventCte().title().toLowerCase(java.util.Locale.ROOT) + " records ("
					+ kind.eventCte().section() + ")";
		};
	}

	private static @Nullable String lotCodes(RecordKind kind, Map<Field, FieldSource> fields) {
		String lot = describe(fields.get(KdeField.LOT_CODE));
		String internal = describe(fields.get(KdeField.INTERNAL_LOT));
		String alias = (internal != null) ? "; our internal lot number, kept as an alias of the lot: " + internal : "";
		return switch (kind) {
			case LOCATION, PRODUCT -> null;
			case HARVESTING, COOLING -> "none: harvesting and cooling come before a traceability lot code is "
					+ "assigned; these records pass to the initial packer (§ 1.1325)";
			case RECEIVING -> "the traceability lot code the supplier assigned, kept as received (§ 1.1320: "
					+ "receiving does not assign one): " + lot + alias;
			case SHIPPING -> "the traceability lot code of the food shipped, kept as assigned (shipping never "
					+ "assigns one, § 1.1320): " + lot + alias;
			case TRANSFORMATION_INPUT -> "each input lot as scanned or recorded, a supplier's traceability lot code "
					+ "or one of our internal lot numbers, resolved to its traceability lot: " + lot;
			case TRANSFORMATION_OUTPUT ->
				"we assign a new traceability lot code to the food we transform " + "(§ 1.1320(a)(3)): " + lot + alias;
			case INITIAL_PACKING -> "we assign a traceability lot code when we initially pack a raw agricultural "
					+ "commodity (§ 1.1320(a)(1)): " + lot + alias;
			case FIRST_LAND_BASED_RECEIVING -> "we assign a traceability lot code when we first receive food from "
					+ "a fishing vessel on land (§ 1.1320(a)(2)): " + lot + alias;
		};
	}

	private static @Nullable String tlcSource(RecordKind kind, Map<Field, FieldSource> fields) {
		if (!kind.isEvent() || kind.cte() == Cte.HARVESTING || kind.cte() == Cte.COOLING) {
			return null;
		}
		if (kind == RecordKind.TRANSFORMATION_INPUT) {
			return "who assigned each input lot's code, from the records of that lot";
		}
		if (kind == RecordKind.TRANSFORMATION_OUTPUT || kind == RecordKind.INITIAL_PACKING
				|| kind == RecordKind.FIRST_LAND_BASED_RECEIVING) {
			return "our location where the lot code is assigned: " + describe(fields.get(KdeField.LOCATION_CODE));
		}
		List<String> parts = new ArrayList<>();
		addIfMapped(parts, "TLC source location", fields.get(KdeField.TLC_SOURCE_LOCATION_CODE));
		addIfMapped(parts, "TLC source reference", fields.get(KdeField.TLC_SOURCE_REFERENCE));
		addIfMapped(parts, "who assigned the lot code", fields.get(KdeField.LOT_ASSIGNER));
		if (parts.isEmpty()) {
			return "from the records of the lot (who assigned its code)";
		}
		return String.join("; ", parts);
	}

	private static void addIfMapped(List<String> parts, String what, @Nullable FieldSource source) {
		String described = describe(source);
		if (described != null) {
			parts.add(what + ": " + described);
		}
	}

	/**
	 * Where a field's value comes from, in words: {@code column 'Vendor Lot'},
	 * {@code always BAKERY-01}, {@code the GS1 lot element scanned in column 'Scan'}.
	 */
	static @Nullable String describe(@Nullable FieldSource source) {
		if (source == null) {
			return null;
		}
		if (source.columns().isEmpty()) {
			return "always " + source.constant();
		}
		String columns = source.columns().stream().map(ColumnRef::toString).collect(Collectors.joining(" and "));
		String where = ((source.columns().size() == 1) ? "column " : "columns ") + columns.replace("column ", "");
		if (source.gs1() != null) {
			where = "the GS1 " + source.gs1().code() + " element scanned in " + where;
		}
		if (source.lookup() != SourceMapping.Lookup.CODE) {
			where += ", looked up in master data by " + source.lookup().name().toLowerCase(java.util.Locale.ROOT);
		}
		return where;
	}

}
