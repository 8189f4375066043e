package org.lottrace.kde;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Key Data Elements a source mapping can fill for an event. The computed columns
 * (record key, CTE, role, normalized quantity, provenance) are not mappable and are not
 * listed here.
 */
public enum KdeField implements Field {

	LOT_CODE(FieldType.TEXT, "Traceability lot code (or local lot number)"),

	LOT_ASSIGNER(FieldType.LOCATION, "Who assigned the traceability lot code (TLC source)"),

	INTERNAL_LOT(FieldType.TEXT, "Internal lot number (alias of the lot)"),

	PRODUCT_CODE(FieldType.PRODUCT, "Product (item code)"),

	QUANTITY(FieldType.DECIMAL, "Quantity"),

	UNIT(FieldType.UNIT, "Unit of measure"),

	EVENT_DATE(FieldType.DATE, "Event date"),

	EVENT_TIME(FieldType.DATE_TIME, "Event date and time"),

	LOCATION_CODE(FieldType.LOCATION, "Location of the event"),

	PARTNER_LOCATION_CODE(FieldType.LOCATION, "Immediate previous source or subsequent recipient"),

	TLC_SOURCE_LOCATION_CODE(FieldType.LOCATION, "TLC source location"),

	TLC_SOURCE_REFERENCE(FieldType.TEXT, "TLC source reference"),

	REFERENCE_DOCUMENT_TYPE(FieldType.TEXT, "Reference document type"),

	REFERENCE_DOCUMENT_NUMBER(FieldType.TEXT, "Reference document number"),

	REFERENCE_DOCUMENT_TYPE_2(FieldType.TEXT, "Second reference document type"),

	REFERENCE_DOCUMENT_NUMBER_2(FieldType.TEXT, "Second reference document number"),

	WORK_ORDER(FieldType.TEXT, "Work order (links a transformation's inputs and outputs)"),

	HARVEST_DATE(FieldType.DATE, "Harvest date (first day of the range for a fishing trip)"),

	HARVEST_END_DATE(FieldType.DATE, "Last harvest date of a fishing trip"),

	COOLING_DATE(FieldType.DATE, "Cooling date"),

	RECEIVED_DATE(FieldType.DATE, "Date the raw agricultural commodity was received"),

	RECEIVED_PRODUCT_CODE(FieldType.PRODUCT, "Commodity and variety received"),

	RECEIVED_QUANTITY(FieldType.DECIMAL, "Quantity received"),

	RECEIVED_UNIT(FieldType.UNIT, "Unit of the quantity received"),

	HARVEST_LOCATION_CODE(FieldType.LOCATION, "Farm where harvested"),

	COOLING_LOCATION_CODE(FieldType.LOCATION, "Location where cooled"),

	GROWING_AREA(FieldType.TEXT, "Field, growing area or aquaculture container name"),

	HARVESTER_BUSINESS_NAME(FieldType.TEXT, "Harvester business name"),

	HARVESTER_PHONE(FieldType.TEXT, "Harvester phone number"),

	CATCH_AREA(FieldType.TEXT, "Catch area of the fishing trip");

	private static final Set<KdeField> CODES = EnumSet.of(LOT_CODE, INTERNAL_LOT, REFERENCE_DOCUMENT_NUMBER,
			REFERENCE_DOCUMENT_NUMBER_2, WORK_ORDER);

	private final FieldType type;

	private final String label;

	KdeField(FieldType type, String label) {
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
		return CODES.contains(this) || this.type == FieldType.LOCATION || this.type == FieldType.PRODUCT
				|| this.type == FieldType.UNIT;
	}

}
