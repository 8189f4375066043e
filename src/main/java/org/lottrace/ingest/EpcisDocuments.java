package org.lottrace.ingest;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds its way in an EPCIS document with a streaming parser: the master data of its
 * header, and the start of its event list, without holding the whole document.
 */
final class EpcisDocuments {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<List<String>> EVENT_LISTS = List.of(List.of("epcisBody", "eventList"),
			List.of("epcisBody", "queryResults", "resultsBody", "eventList"));

	private EpcisDocuments() {
	}

	/**
	 * The lottrace codes the header's master data gives (a lottrace export writes them):
	 * the product of each {@code urn:lottrace:lot} class
	 * ({@code urn:lottrace:mda#product}), the product of each GTIN
	 * ({@code urn:lottrace:mda#code} of a Digital Link product class), keyed
	 * {@code gtin:<14 digits>}, and the code of each location, keyed
	 * {@code location:<id>}.
	 */
	static Map<String, String> codes(Path file) {
		Map<String, String> codes = new HashMap<>();
		try (JsonParser parser = JSON.createParser(file.toFile())) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new SourceFileException(file.getFileName() + ": not an EPCIS document (not a JSON object)");
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				if (!name.equals("epcisHeader")) {
					parser.skipChildren();
					continue;
				}
				JsonNode header = parser.readValueAsTree();
				List<JsonNode> elements = new java.util.ArrayList<>();
				for (JsonNode vocabulary : header.path("epcisMasterData").path("vocabularyList")) {
					if (EpcisRows.text(vocabulary, "type").endsWith("BusinessLocation")) {
						vocabulary.path("vocabularyElementList").forEach((e) -> location(e, codes));
					}
					else {
						vocabulary.path("vocabularyElementList").forEach(elements::add);
					}
				}
				// products first, so that a lot can name its product by GTIN
				elements.stream().filter((e) -> !isLot(e)).forEach((e) -> product(e, codes));
				elements.stream().filter(EpcisDocuments::isLot).forEach((e) -> product(e, codes));
			}
		}
		return codes;
	}

	/** The lottrace code of a location, keyed {@code location:<id>}. */
	private static void location(JsonNode element, Map<String, String> codes) {
		for (JsonNode attribute : element.path("attributes")) {
			if (EpcisRows.text(attribute, "id").equals("urn:lottrace:mda#code")) {
				codes.put("location:" + EpcisRows.text(element, "id"), EpcisRows.text(attribute, "attribute"));
			}
		}
	}

	private static boolean isLot(JsonNode element) {
		return EpcisRows.text(element, "id").startsWith("urn:lottrace:lot:");
	}

	private static void product(JsonNode element, Map<String, String> products) {
		String id = EpcisRows.text(element, "id");
		for (JsonNode attribute : element.path("attributes")) {
			String name = EpcisRows.text(attribute, "id");
			String value = EpcisRows.text(attribute, "attribute");
			if (id.startsWith("urn:lottrace:lot:") && name.equals("urn:lottrace:mda#product")) {
				EpcisIds.Item product = EpcisIds.item(value, Map.of());
				if (product.product() != null) {
					products.put(id, product.product());
				}
				else if (product.gtin() != null && products.containsKey("gtin:" + product.gtin())) {
					products.put(id, products.get("gtin:" + product.gtin()));
				}
			}
			else if (name.equals("urn:lottrace:mda#code") && !id.startsWith("urn:lottrace:lot:")) {
				EpcisIds.Item product = EpcisIds.item(id, Map.of());
				if (product.gtin() != null && product.lot() == null) {
					products.put("gtin:" + product.gtin(), value);
				}
			}
		}
	}

	/**
	 * A parser standing on the start of the document's event list.
	 * @throws SourceFileException when the document has none
	 */
	static JsonParser eventList(Path file) {
		for (List<String> path : EVENT_LISTS) {
			JsonParser parser = JSON.createParser(file.toFile());
			if (enter(parser, path)) {
				return parser;
			}
			parser.close();
		}
		throw new SourceFileException(file.getFileName() + ": not an EPCIS document: it has no epcisBody.eventList "
				+ "(nor epcisBody.queryResults.resultsBody.eventList)");
	}

	/**
	 * Moves to the array at {@code path} from the root object; false when it is not
	 * there.
	 */
	private static boolean enter(JsonParser parser, List<String> path) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return false;
		}
		for (int depth = 0; depth < path.size(); depth++) {
			boolean found = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (name.equals(path.get(depth))) {
					boolean last = depth == path.size() - 1;
					if (value != (last ? JsonToken.START_ARRAY : JsonToken.START_OBJECT)) {
						return false;
					}
					found = true;
					break;
				}
				parser.skipChildren();
			}
			if (!found) {
				return false;
			}
		}
		return true;
	}

	/** Where the parser stopped, for a message: {@code " at line 12"}. */
	static String where(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		return (location != null && location.getLineNr() > 0) ? " at line " + location.getLineNr() : "";
	}

}
