package org.lottrace.epcis;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts every event is made of: time, identifiers, quantities, places, documents and
 * parties. One per document: it knows the records' lots and master data.
 */
final class EventParts {

	static final JsonNodeFactory JSON = JsonNodeFactory.instance;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX",
			Locale.ROOT);

	/** CBV 2.0 business transaction types, by the words exports use for them. */
	private static final Map<String, String> TRANSACTION_TYPES = Map.of("purchase order", "po", "bill of lading", "bol",
			"work order", "prodorder", "production order", "prodorder", "invoice", "inv", "despatch advice", "desadv",
			"receiving advice", "recadv");

	private final EpcisRecords records;

	private final ZoneId zone;

	/** The product of each lot (by lot key), from the records that name both. */
	private final Map<String, String> lotProducts = new HashMap<>();

	/**
	 * Identifiers already made, by what they identify: a document of two years names the
	 * same lots, products and places hundreds of thousands of times.
	 */
	private final Map<String, String> identifiers = new HashMap<>();

	EventParts(EpcisRecords records, ZoneId zone) {
		this.records = records;
		this.zone = zone;
		for (KdeEvent event : records.events()) {
			TraceabilityLot lot = lot(event);
			if (lot != null && lot.identified() && event.productCode() != null && event.role() != EventRole.INPUT) {
				this.lotProducts.putIfAbsent(lot.key(), event.productCode());
			}
		}
	}

	/**
	 * A new event with its time (the recorded time, else the start of the day) and an
	 * identifier derived from what it records, so that writing it again gives the same.
	 */
	ObjectNode start(String type, LocalDate date, @Nullable LocalDateTime time, String identity) {
		OffsetDateTime at = ((time != null) ? time : date.atStartOfDay()).atZone(this.zone).toOffsetDateTime();
		ObjectNode event = JSON.objectNode();
		event.put("type", type);
		event.put("eventTime", TIME.format(at));
		event.put("eventTimeZoneOffset", (at.getOffset().getTotalSeconds() == 0) ? "+00:00" : at.getOffset().getId());
		event.put("eventID",
				"urn:uuid:" + UUID.nameUUIDFromBytes(("lottrace:" + identity).getBytes(StandardCharsets.UTF_8)));
		return event;
	}

	/** The lot a record belongs to: resolved by the store, else as recorded. */
	@Nullable TraceabilityLot lot(KdeEvent event) {
		TraceabilityLot resolved = this.records.lotOf(event);
		return (resolved != null) ? resolved : event.lot();
	}

	/** The class a record's quantity is of: its lot, or its product before any lot. */
	String epcClass(KdeEvent event) {
		TraceabilityLot lot = lot(event);
		if (lot == null) {
			return product(Objects.requireNonNull(event.productCode(), event.recordKey()));
		}
		String productCode = (event.productCode() != null && event.role() != EventRole.INPUT) ? event.productCode()
				: (lot.identified() ? this.lotProducts.get(lot.key()) : null);
		return this.identifiers.computeIfAbsent(
				"lot\u0000" + lot.code() + "\u0000" + Objects.toString(lot.assigner(), "\u0001") + "\u0000"
						+ productCode,
				(key) -> EpcisUris.lot(lot, (productCode != null) ? this.records.products().get(productCode) : null));
	}

	String product(String code) {
		return this.identifiers.computeIfAbsent("product\u0000" + code,
				(key) -> EpcisUris.product(code, this.records.products().get(code)));
	}

	String location(String code) {
		return this.identifiers.computeIfAbsent("location\u0000" + code,
				(key) -> EpcisUris.location(code, this.records.locations().get(code)));
	}

	/**
	 * A quantity element; a unit without a UN/ECE code is given as the normalized
	 * quantity.
	 */
	ObjectNode quantity(String epcClass, Quantity recorded, @Nullable Quantity normalized) {
		Quantity quantity = (UnitCodes.of(recorded.unit()).isEmpty() && normalized != null) ? normalized : recorded;
		ObjectNode element = JSON.objectNode();
		element.put("epcClass", epcClass);
		BigDecimal value = quantity.value().stripTrailingZeros();
		// 30, not 3E+1: JSON readers differ on exponents
		element.put("quantity", (value.scale() < 0) ? value.setScale(0) : value);
		UnitCodes.of(quantity.unit()).ifPresent((code) -> element.put("uom", code));
		return element;
	}

	/** {@code readPoint} and {@code bizLocation}: where the event happened. */
	void place(ObjectNode event, @Nullable String locationCode) {
		if (locationCode != null) {
			event.putObject("readPoint").put("id", location(locationCode));
			event.putObject("bizLocation").put("id", location(locationCode));
		}
	}

	void transactions(ObjectNode event, List<ReferenceDocument> documents) {
		if (documents.isEmpty()) {
			return;
		}
		ArrayNode list = event.putArray("bizTransactionList");
		documents.stream().distinct().forEach((document) -> {
			ObjectNode transaction = list.addObject();
			String type = TRANSACTION_TYPES.get(document.type().toLowerCase(Locale.ROOT));
			transaction.put("type",
					(type != null) ? type : EpcisUris.urn("doctype", document.type().toLowerCase(Locale.ROOT)));
			transaction.put("bizTransaction", EpcisUris.document(document));
		});
	}

	/**
	 * A {@code sourceList} or {@code destinationList}: the partner's location and, when
	 * master data names it, the trading partner owning it.
	 */
	void partner(ObjectNode event, String list, @Nullable String locationCode) {
		if (locationCode == null) {
			return;
		}
		String key = list.equals("sourceList") ? "source" : "destination";
		ArrayNode entries = event.putArray(list);
		Location location = this.records.locations().get(locationCode);
		if (location != null && location.partnerCode() != null) {
			entries.addObject().put("type", "owning_party").put(key, EpcisUris.party(location.partnerCode()));
		}
		entries.addObject().put("type", "location").put(key, location(locationCode));
	}

	/** lottrace's extensions for KDEs EPCIS has no field for (§ 1.1340(a)(7)). */
	void tlcSource(ObjectNode event, KdeEvent record) {
		if (record.locations().tlcSource() != null) {
			event.put("lottrace:tlcSource", location(record.locations().tlcSource()));
		}
		if (record.locations().tlcSourceReference() != null) {
			event.put("lottrace:tlcSourceReference", record.locations().tlcSourceReference());
		}
	}

	static List<ReferenceDocument> documents(KdeEvent event) {
		return java.util.stream.Stream.of(event.reference(), event.secondReference()).filter(Objects::nonNull).toList();
	}

}
