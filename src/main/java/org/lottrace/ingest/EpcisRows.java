package org.lottrace.ingest;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.EpcisIds.Item;
import org.lottrace.ingest.EpcisIds.Place;
import org.lottrace.epcis.UnitCodes;
import org.lottrace.ingest.SourceMapping.EpcisSelection;
import tools.jackson.databind.JsonNode;

/**
 * Flattens an EPCIS event into rows with fixed column names ({@link #COLUMNS}): one row
 * per element of its quantity and EPC lists (the lists the source takes), each carrying
 * the event's time, locations, parties, business transactions and the TLC source, and the
 * element's lot, product, quantity and unit. A mapping then maps these columns like any
 * export's. An element that identifies no lot (a single item's SGTIN, a GTIN alone) is
 * refused when the source maps a lot code: records are kept per traceability lot.
 */
final class EpcisRows {

	/** The columns of every row, in order. */
	static final List<String> COLUMNS = List.of("event", "document_line", "event_id", "event_type", "action",
			"biz_step", "disposition", "event_time", "event_date", "list", "element", "epc_class", "gtin", "lot",
			"lot_assigner", "product", "quantity", "uom", "unit", "read_point", "read_point_gln", "read_point_code",
			"biz_location", "biz_location_gln", "biz_location_code", "from_gln", "from_code", "to_gln", "to_code",
			"source_party", "destination_party", "tlc_source_gln", "tlc_source_code", "tlc_source_reference",
			"work_order", "biz_transaction_type", "biz_transaction", "biz_transaction_type_2", "biz_transaction_2");

	/** The lists of an event that hold what it is about, quantities first. */
	static final List<String> LISTS = List.of("quantityList", "epcList", "childQuantityList", "childEPCs",
			"inputQuantityList", "inputEPCList", "outputQuantityList", "outputEPCList");

	private static final String TLC_SOURCE = "tlcSource", TLC_SOURCE_REFERENCE = "tlcSourceReference";

	private EpcisRows() {
	}

	/** A row, and why it is refused ({@code null} when it is not). */
	record Row(List<String> values, @Nullable String refused) {

	}

	/**
	 * The rows of one event.
	 * @param number the event's position in the document (1-based)
	 * @param line the line of the document where the event starts
	 * @param requireLot whether an element without a lot is refused
	 */
	static List<Row> of(JsonNode event, int number, long line, EpcisSelection selection, Map<String, String> codes,
			boolean requireLot) {
		Map<String, String> common = common(event, number, codes);
		common.put("document_line", String.valueOf(line));
		String what = "event " + number + " (" + common.get("event_type") + ", " + common.get("event_id") + ")";
		List<Row> rows = new ArrayList<>();
		for (String list : LISTS) {
			JsonNode elements = event.path(list);
			if (!selection.takesList(list) || !elements.isArray()) {
				continue;
			}
			int index = 0;
			for (JsonNode element : elements) {
				index++;
				rows.add(row(common, list, index, element, what, codes, requireLot));
			}
		}
		if (rows.isEmpty()) {
			Map<String, String> values = new LinkedHashMap<>(common);
			rows.add(new Row(values(values), what + " has no quantity or EPC in the lists this source takes"
					+ (selection.lists().isEmpty() ? "" : " (" + String.join(", ", selection.lists()) + ")")));
		}
		return rows;
	}

	private static Row row(Map<String, String> common, String list, int index, JsonNode element, String what,
			Map<String, String> codes, boolean requireLot) {
		Map<String, String> values = new LinkedHashMap<>(common);
		values.put("list", list);
		values.put("element", String.valueOf(index));
		boolean quantities = list.endsWith("uantityList");
		String id = quantities ? text(element, "epcClass") : element.isString() ? element.asString() : "";
		values.put("epc_class", id);
		values.put("quantity", quantities
				? (element.path("quantity").isNumber() ? element.path("quantity").decimalValue().toPlainString() : "")
				: "1");
		String uom = quantities ? text(element, "uom") : "";
		values.put("uom", uom);
		values.put("unit", unit(uom));
		Item item = EpcisIds.item(id, codes);
		put(values, "gtin", item.gtin());
		put(values, "lot", item.lot());
		put(values, "lot_assigner", item.assigner());
		put(values, "product", item.product());
		String refused = null;
		if (item.problem() != null) {
			refused = what + ", " + list + "[" + index + "]: " + item.problem();
		}
		else if (requireLot && item.lot() == null) {
			refused = what + ", " + list + "[" + index + "]: " + id + " identifies no lot (a single item or a "
					+ "product alone); records are kept per traceability lot, so the class with its lot is needed "
					+ "(an LGTIN URN, or a Digital Link with /10/)";
		}
		return new Row(values(values), refused);
	}

	/**
	 * The event's ID; for an event without one (it is optional in EPCIS 2.0), the SHA-256
	 * of its JSON, so that it still has a key of its own.
	 */
	private static String eventId(JsonNode event) {
		String id = text(event, "eventID");
		if (!id.isEmpty()) {
			return id;
		}
		return "sha256:" + DigestUtils.sha256Hex(event.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/**
	 * The lottrace unit of a UN/ECE Recommendation 20 code (the reverse of the export's
	 * {@link UnitCodes}); {@code each} without a code, as EPCIS counts instances then; an
	 * unknown code as it is, for the mapping's {@code units:} to translate.
	 */
	static String unit(String uom) {
		if (uom.isEmpty()) {
			return "each";
		}
		return UnitCodes.all()
			.entrySet()
			.stream()
			.filter((e) -> e.getValue().equals(uom))
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElse(uom);
	}

	/** What every row of the event carries. */
	private static Map<String, String> common(JsonNode event, int number, Map<String, String> codes) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("event", String.valueOf(number));
		values.put("event_id", eventId(event));
		values.put("event_type", text(event, "type"));
		values.put("action", text(event, "action"));
		values.put("biz_step", EpcisIds.shortName(text(event, "bizStep")));
		values.put("disposition", EpcisIds.shortName(text(event, "disposition")));
		LocalDateTime local = localTime(text(event, "eventTime"), text(event, "eventTimeZoneOffset"));
		values.put("event_time", (local != null) ? local.toString() : "");
		values.put("event_date", (local != null) ? local.toLocalDate().toString() : "");
		String readPoint = text(event.path("readPoint"), "id");
		String bizLocation = text(event.path("bizLocation"), "id");
		place(values, "read_point", readPoint, codes);
		place(values, "biz_location", bizLocation, codes);
		String from = endpoint(event, "sourceList", "source", "location");
		String to = endpoint(event, "destinationList", "destination", "location");
		place(values, "from", from.isEmpty() ? readPoint : from, codes);
		place(values, "to", to.isEmpty() ? bizLocation : to, codes);
		values.put("source_party", party(event, "sourceList", "source"));
		values.put("destination_party", party(event, "destinationList", "destination"));
		place(values, "tlc_source", extension(event, TLC_SOURCE), codes);
		values.put("tlc_source_reference", extension(event, TLC_SOURCE_REFERENCE));
		String transformation = text(event, "transformationID");
		values.put("work_order", transformation.isEmpty() ? "" : EpcisIds.transformation(transformation));
		transactions(event, values);
		return values;
	}

	private static void transactions(JsonNode event, Map<String, String> values) {
		List<JsonNode> transactions = new ArrayList<>();
		event.path("bizTransactionList").forEach(transactions::add);
		for (int i = 0; i < 2; i++) {
			String suffix = (i == 0) ? "" : "_2";
			JsonNode transaction = (i < transactions.size()) ? transactions.get(i) : null;
			String type = (transaction != null) ? text(transaction, "type") : "";
			String id = (transaction != null) ? text(transaction, "bizTransaction") : "";
			String lottraceType = EpcisIds.lottraceDocumentType(id);
			values.put("biz_transaction_type" + suffix,
					(lottraceType != null) ? lottraceType : type.isEmpty() ? "" : EpcisIds.documentType(type));
			values.put("biz_transaction" + suffix, id.isEmpty() ? "" : EpcisIds.documentNumber(id));
		}
	}

	/**
	 * The event's time as a wall clock at its own time zone offset: the date a person at
	 * that place would write down.
	 */
	private static @Nullable LocalDateTime localTime(String time, String offset) {
		try {
			OffsetDateTime at = OffsetDateTime.parse(time);
			return (offset.isEmpty() ? at : at.withOffsetSameInstant(ZoneOffset.of(offset))).toLocalDateTime();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
		catch (java.time.DateTimeException ex) {
			return null;
		}
	}

	/** A source or destination of the given type ({@code location}). */
	private static String endpoint(JsonNode event, String list, String field, String type) {
		for (JsonNode entry : event.path(list)) {
			if (EpcisIds.shortName(text(entry, "type")).equals(type)) {
				return text(entry, field);
			}
		}
		return "";
	}

	/** The owning party, else the possessing party: a lottrace code, a GLN, or the id. */
	private static String party(JsonNode event, String list, String field) {
		String id = endpoint(event, list, field, "owning_party");
		id = id.isEmpty() ? endpoint(event, list, field, "possessing_party") : id;
		Place place = EpcisIds.place(id);
		return (place.code() != null) ? place.code() : (place.gln() != null) ? place.gln() : id;
	}

	/**
	 * A lottrace extension of the event, by its compact name or the IRI it expands to.
	 */
	private static String extension(JsonNode event, String name) {
		String compact = text(event, "lottrace:" + name);
		return compact.isEmpty() ? text(event, "urn:lottrace:epcis:" + name) : compact;
	}

	/**
	 * A location's identifier ({@code <prefix>}, where the columns have it), GLN and
	 * lottrace code: from a lottrace URN, or from the document's master data for a GLN.
	 */
	private static void place(Map<String, String> values, String prefix, String id, Map<String, String> codes) {
		values.put(prefix, id);
		Place place = EpcisIds.place(id);
		String code = (place.code() != null) ? place.code() : codes.get("location:" + id);
		values.put(prefix + "_gln", (place.gln() != null) ? place.gln() : "");
		values.put(prefix + "_code", (code != null) ? code : "");
	}

	private static void put(Map<String, String> values, String column, @Nullable String value) {
		values.put(column, (value != null) ? value : "");
	}

	private static List<String> values(Map<String, String> values) {
		return COLUMNS.stream().map((c) -> values.getOrDefault(c, "")).toList();
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() ? value.asString() : "";
	}

}
