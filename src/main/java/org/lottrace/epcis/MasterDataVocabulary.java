package org.lottrace.epcis;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.TraceabilityLot;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The master data of the document's header ({@code epcisHeader.epcisMasterData}): the
 * full location description of every location the events name (§ 1.1310: a GLN does not
 * replace it), the product description of every product, and for each lot that is not an
 * LGTIN the product it is a lot of. CBV 2.0 attributes where CBV has one
 * ({@code urn:epcglobal:cbv:mda#name}, {@code #streetAddressOne}, {@code #city},
 * {@code #state}, {@code #postalCode}, {@code #countryCode}, {@code #descriptionShort}),
 * {@code urn:lottrace:mda#...} for the rest.
 */
final class MasterDataVocabulary {

	private static final String CBV = "urn:epcglobal:cbv:mda#";

	private static final String LOTTRACE = "urn:lottrace:mda#";

	private MasterDataVocabulary() {
	}

	static ObjectNode of(EpcisRecords records, EventParts parts) {
		Map<String, Location> locations = new TreeMap<>();
		Map<String, Product> products = new TreeMap<>();
		Map<String, ObjectNode> lots = new TreeMap<>();
		for (KdeEvent event : records.events()) {
			Stream
				.of(event.locations().location(), event.locations().partner(), event.locations().tlcSource(),
						event.farm().harvestLocation(), event.farm().coolingLocation())
				.filter(Objects::nonNull)
				.map(records.locations()::get)
				.filter(Objects::nonNull)
				.forEach((l) -> locations.put(l.code(), l));
			Stream.of(event.productCode(), event.farm().receivedProductCode())
				.filter(Objects::nonNull)
				.map(records.products()::get)
				.filter(Objects::nonNull)
				.forEach((p) -> products.put(p.code(), p));
			lot(event, parts, lots);
		}
		ObjectNode masterData = EventParts.JSON.objectNode();
		ArrayNode vocabularies = masterData.putArray("vocabularyList");
		ArrayNode places = vocabulary(vocabularies, "urn:epcglobal:epcis:vtype:BusinessLocation");
		locations.values().forEach((l) -> location(places.addObject(), l));
		ArrayNode classes = vocabulary(vocabularies, "urn:epcglobal:epcis:vtype:EPCClass");
		products.values().forEach((p) -> product(classes.addObject(), p));
		lots.values().forEach(classes::add);
		return masterData;
	}

	private static ArrayNode vocabulary(ArrayNode vocabularies, String type) {
		ObjectNode vocabulary = vocabularies.addObject();
		vocabulary.put("type", type);
		return vocabulary.putArray("vocabularyElementList");
	}

	private static void location(ObjectNode element, Location l) {
		element.put("id", EpcisUris.location(l.code(), l));
		ArrayNode attributes = element.putArray("attributes");
		attribute(attributes, LOTTRACE + "code", l.code());
		attribute(attributes, CBV + "name", l.businessName());
		attribute(attributes, LOTTRACE + "phone", l.phone());
		attribute(attributes, CBV + "streetAddressOne", l.street());
		attribute(attributes, CBV + "city", l.city());
		attribute(attributes, CBV + "state", l.state());
		attribute(attributes, CBV + "postalCode", l.postalCode());
		attribute(attributes, CBV + "countryCode", l.country());
		attribute(attributes, LOTTRACE + "partner", l.partnerCode());
		attribute(attributes, LOTTRACE + "fdaRegistration", l.fdaRegistration());
	}

	private static void product(ObjectNode element, Product p) {
		element.put("id", EpcisUris.product(p.code(), p));
		ArrayNode attributes = element.putArray("attributes");
		attribute(attributes, LOTTRACE + "code", p.code());
		attribute(attributes, CBV + "descriptionShort", p.name());
		attribute(attributes, LOTTRACE + "brand", p.brand());
		attribute(attributes, LOTTRACE + "commodity", p.commodity());
		attribute(attributes, LOTTRACE + "variety", p.variety());
		attribute(attributes, LOTTRACE + "packSize", p.packSize());
		attribute(attributes, LOTTRACE + "packStyle", p.packStyle());
		attribute(attributes, LOTTRACE + "ftlCategory", p.ftlCategory());
	}

	/** A lot named by a lottrace URN: its code, assigner and product. */
	private static void lot(KdeEvent event, EventParts parts, Map<String, ObjectNode> lots) {
		TraceabilityLot lot = parts.lot(event);
		if (lot == null || !lot.identified() || event.productCode() == null) {
			return;
		}
		String id = parts.epcClass(event);
		if (id.startsWith(EpcisUris.PREFIX) && !lots.containsKey(id)) {
			ObjectNode element = EventParts.JSON.objectNode().put("id", id);
			ArrayNode attributes = element.putArray("attributes");
			attribute(attributes, LOTTRACE + "lotCode", lot.code());
			attribute(attributes, LOTTRACE + "assigner", lot.assigner());
			attribute(attributes, LOTTRACE + "product", parts.product(event.productCode()));
			lots.put(id, element);
		}
	}

	private static void attribute(ArrayNode attributes, String id, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			attributes.addObject().put("id", id).put("attribute", value);
		}
	}

}
