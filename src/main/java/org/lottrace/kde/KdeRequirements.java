package org.lottrace.kde;

import static org.lottrace.kde.KdeField.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which fields each kind of record must have, and the paragraph of 21 CFR Part 1 Subpart
 * S that requires them. KDEs that lottrace derives later (the product of an input lot
 * named only by its lot number, the TLC source of a shipped lot) are not required here;
 * reports mark them missing when they cannot be derived.
 */
public final class KdeRequirements {

	/** At least one of {@code anyOf} must have a value. */
	public record Requirement(List<Field> anyOf, String citation) {

		static Requirement of(String citation, Field... anyOf) {
			return new Requirement(List.of(anyOf), citation);
		}

	}

	private static final Map<RecordKind, List<Requirement>> REQUIREMENTS = new EnumMap<>(RecordKind.class);

	static {
		REQUIREMENTS.put(RecordKind.RECEIVING,
				List.of(Requirement.of("§ 1.1345(a)(1)", LOT_CODE), Requirement.of("§ 1.1345(a)(2)", QUANTITY),
						Requirement.of("§ 1.1345(a)(2)", UNIT), Requirement.of("§ 1.1345(a)(3)", PRODUCT_CODE),
						Requirement.of("§ 1.1345(a)(4)", PARTNER_LOCATION_CODE),
						Requirement.of("§ 1.1345(a)(5)", LOCATION_CODE), Requirement.of("§ 1.1345(a)(6)", EVENT_DATE),
						Requirement.of("§ 1.1345(a)(7)", TLC_SOURCE_LOCATION_CODE, TLC_SOURCE_REFERENCE, LOT_ASSIGNER),
						Requirement.of("§ 1.1345(a)(8)", REFERENCE_DOCUMENT_TYPE),
						Requirement.of("§ 1.1345(a)(8)", REFERENCE_DOCUMENT_NUMBER)));
		REQUIREMENTS.put(RecordKind.SHIPPING,
				List.of(Requirement.of("§ 1.1340(a)(1)", LOT_CODE), Requirement.of("§ 1.1340(a)(2)", QUANTITY),
						Requirement.of("§ 1.1340(a)(2)", UNIT), Requirement.of("§ 1.1340(a)(3)", PRODUCT_CODE),
						Requirement.of("§ 1.1340(a)(4)", PARTNER_LOCATION_CODE),
						Requirement.of("§ 1.1340(a)(5)", LOCATION_CODE), Requirement.of("§ 1.1340(a)(6)", EVENT_DATE),
						Requirement.of("§ 1.1340(a)(8)", REFERENCE_DOCUMENT_TYPE),
						Requirement.of("§ 1.1340(a)(8)", REFERENCE_DOCUMENT_NUMBER)));
		REQUIREMENTS.put(RecordKind.TRANSFORMATION_INPUT,
				List.of(Requirement.of("§ 1.1350(a)(1)(i)", LOT_CODE), Requirement.of("§ 1.1350(a)(1)(iii)", QUANTITY),
						Requirement.of("§ 1.1350(a)(1)(iii)", UNIT),
						Requirement.of("the work order links inputs to outputs", WORK_ORDER),
						Requirement.of("the date the input was used", EVENT_DATE)));
		REQUIREMENTS.put(RecordKind.TRANSFORMATION_OUTPUT, List.of(Requirement.of("§ 1.1350(a)(2)(i)", LOT_CODE),
				Requirement.of("§ 1.1350(a)(2)(ii)", LOCATION_CODE), Requirement.of("§ 1.1350(a)(2)(iii)", EVENT_DATE),
				Requirement.of("§ 1.1350(a)(2)(iv)", PRODUCT_CODE), Requirement.of("§ 1.1350(a)(2)(v)", QUANTITY),
				Requirement.of("§ 1.1350(a)(2)(v)", UNIT),
				Requirement.of("§ 1.1350(a)(2)(vi)", REFERENCE_DOCUMENT_TYPE),
				Requirement.of("§ 1.1350(a)(2)(vi)", REFERENCE_DOCUMENT_NUMBER),
				Requirement.of("the work order links inputs to outputs", WORK_ORDER)));
		REQUIREMENTS.put(RecordKind.HARVESTING, List.of(Requirement.of("§ 1.1325(a)(1)(i)", PARTNER_LOCATION_CODE),
				Requirement.of("§ 1.1325(a)(1)(ii)", PRODUCT_CODE), Requirement.of("§ 1.1325(a)(1)(iii)", QUANTITY),
				Requirement.of("§ 1.1325(a)(1)(iii)", UNIT), Requirement.of("§ 1.1325(a)(1)(iv)", LOCATION_CODE),
				Requirement.of("§ 1.1325(a)(1)(v)-(vi)", GROWING_AREA),
				Requirement.of("§ 1.1325(a)(1)(vii)", EVENT_DATE),
				Requirement.of("§ 1.1325(a)(1)(viii)", REFERENCE_DOCUMENT_TYPE),
				Requirement.of("§ 1.1325(a)(1)(viii)", REFERENCE_DOCUMENT_NUMBER)));
		REQUIREMENTS.put(RecordKind.COOLING, List.of(Requirement.of("§ 1.1325(b)(1)(i)", PARTNER_LOCATION_CODE),
				Requirement.of("§ 1.1325(b)(1)(ii)", PRODUCT_CODE), Requirement.of("§ 1.1325(b)(1)(iii)", QUANTITY),
				Requirement.of("§ 1.1325(b)(1)(iii)", UNIT), Requirement.of("§ 1.1325(b)(1)(iv)", LOCATION_CODE),
				Requirement.of("§ 1.1325(b)(1)(v)", EVENT_DATE),
				Requirement.of("§ 1.1325(b)(1)(vi)", HARVEST_LOCATION_CODE),
				Requirement.of("§ 1.1325(b)(1)(vii)", REFERENCE_DOCUMENT_TYPE),
				Requirement.of("§ 1.1325(b)(1)(vii)", REFERENCE_DOCUMENT_NUMBER)));
		REQUIREMENTS.put(RecordKind.INITIAL_PACKING, List.of(Requirement.of("§ 1.1330(a)(1)", RECEIVED_PRODUCT_CODE),
				Requirement.of("§ 1.1330(a)(2)", RECEIVED_DATE), Requirement.of("§ 1.1330(a)(3)", RECEIVED_QUANTITY),
				Requirement.of("§ 1.1330(a)(3)", RECEIVED_UNIT),
				Requirement.of("§ 1.1330(a)(4)", HARVEST_LOCATION_CODE),
				Requirement.of("§ 1.1330(a)(7)", HARVESTER_BUSINESS_NAME),
				Requirement.of("§ 1.1330(a)(7)", HARVESTER_PHONE), Requirement.of("§ 1.1330(a)(8)", HARVEST_DATE),
				Requirement.of("§ 1.1330(a)(11)", LOT_CODE), Requirement.of("§ 1.1330(a)(12)", PRODUCT_CODE),
				Requirement.of("§ 1.1330(a)(13)", QUANTITY), Requirement.of("§ 1.1330(a)(13)", UNIT),
				Requirement.of("§ 1.1330(a)(14)", LOCATION_CODE), Requirement.of("§ 1.1330(a)(15)", EVENT_DATE),
				Requirement.of("§ 1.1330(a)(16)", REFERENCE_DOCUMENT_TYPE),
				Requirement.of("§ 1.1330(a)(16)", REFERENCE_DOCUMENT_NUMBER)));
		REQUIREMENTS.put(RecordKind.FIRST_LAND_BASED_RECEIVING,
				List.of(Requirement.of("§ 1.1335(a)", LOT_CODE), Requirement.of("§ 1.1335(b)", PRODUCT_CODE),
						Requirement.of("§ 1.1335(c)", QUANTITY), Requirement.of("§ 1.1335(c)", UNIT),
						Requirement.of("§ 1.1335(d)", HARVEST_DATE), Requirement.of("§ 1.1335(d)", HARVEST_END_DATE),
						Requirement.of("§ 1.1335(d)", CATCH_AREA), Requirement.of("§ 1.1335(e)", LOCATION_CODE),
						Requirement.of("§ 1.1335(f)", EVENT_DATE),
						Requirement.of("§ 1.1335(g)", REFERENCE_DOCUMENT_TYPE),
						Requirement.of("§ 1.1335(g)", REFERENCE_DOCUMENT_NUMBER)));
		REQUIREMENTS.put(RecordKind.LOCATION,
				List.of(Requirement.of("every location needs a code", LocationField.LOCATION_CODE),
						Requirement.of("§ 1.1310 location description", LocationField.BUSINESS_NAME)));
		REQUIREMENTS.put(RecordKind.PRODUCT,
				List.of(Requirement.of("every product needs a code", ProductField.PRODUCT_CODE),
						Requirement.of("§ 1.1310 product description", ProductField.PRODUCT_NAME),
						Requirement.of("quantities are normalized to it for mass balance", ProductField.BASE_UNIT)));
	}

	private KdeRequirements() {
	}

	public static List<Requirement> of(RecordKind kind) {
		return REQUIREMENTS.getOrDefault(kind, List.of());
	}

}
