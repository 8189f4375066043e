package org.lottrace.epcis;

import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** KDE records written as an EPCIS 2.0 document, checked against GS1's JSON Schema. */
class EpcisDocumentTests {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	/** Peanut butter L2301 of V130 into filling F261013A, into cookies C261014A. */
	private static EpcisFixture bakery() {
		return new EpcisFixture().receipt("L2301", "PB-CREAMY-35", "4", "pail", null)
			.input("R10209", EpcisFixture.lot("L2301", "V130"), "30", "WO-1013-F")
			.output("F261013A", "FILLING-PB", "60", "kg", "WO-1013-F")
			.input("F261013A", EpcisFixture.lot("F261013A", "BAKERY-01"), "30", "WO-1014-P")
			.input("R99999", null, "2", "WO-1014-P")
			.output("C261014A", "COOKIE-PB-12", "27", "case", "WO-1014-P")
			.shipment("C261014A", "COOKIE-PB-12", "8", "BOL-50035");
	}

	@Test
	void aBakerysRecordsAndAFarmsMakeAValidDocument() {
		// when
		ObjectNode document = EpcisDocument.of(bakery().farm().records(), CHICAGO);

		// then
		assertThat(EpcisSchema.problems(document)).isEmpty();
		assertThat(document.get("schemaVersion").asString()).isEqualTo("2.0");
		assertThat(events(document)).extracting((e) -> e.get("type").asString() + " " + e.get("bizStep").asString())
			.containsExactly("ObjectEvent creating_class_instance", "ObjectEvent other",
					"TransformationEvent creating_class_instance", "ObjectEvent creating_class_instance",
					"ObjectEvent receiving", "TransformationEvent creating_class_instance",
					"TransformationEvent creating_class_instance", "ObjectEvent shipping");
	}

	@Test
	void aReceiptIsAnObservationWithItsSupplierPurchaseOrderAndTlcSource() {
		// when
		JsonNode receipt = event(EpcisDocument.of(bakery().records(), CHICAGO), "receiving");

		// then
		assertThat(receipt.get("action").asString()).isEqualTo("OBSERVE");
		assertThat(receipt.get("disposition").asString()).isEqualTo("in_progress");
		assertThat(receipt.get("eventTime").asString()).isEqualTo("2026-10-09T00:00:00.000-05:00");
		assertThat(receipt.get("eventTimeZoneOffset").asString()).isEqualTo("-05:00");
		assertThat(receipt.get("quantityList").get(0).toString()).isEqualTo(
				"{\"epcClass\":\"https://id.gs1.org/01/00614141200054/10/L2301\",\"quantity\":4,\"uom\":\"XPL\"}");
		assertThat(receipt.get("bizLocation").get("id").asString()).isEqualTo("https://id.gs1.org/414/0614141000012");
		assertThat(receipt.get("sourceList").toString()).isEqualTo("[{\"type\":\"owning_party\",\"source\":"
				+ "\"urn:lottrace:party:V130\"},{\"type\":\"location\",\"source\":\"https://id.gs1.org/414/0614141000159\"}]");
		assertThat(receipt.get("bizTransactionList").toString())
			.isEqualTo("[{\"type\":\"po\",\"bizTransaction\":\"urn:lottrace:doc:Purchase%20order:PO-88156\"},"
					+ "{\"type\":\"urn:lottrace:doctype:receipt\",\"bizTransaction\":\"urn:lottrace:doc:Receipt:RC-5002\"}]");
		assertThat(receipt.get("lottrace:tlcSource").asString()).isEqualTo("https://id.gs1.org/414/0614141000159");
	}

	@Test
	void aWorkOrdersInputsAndOutputsAreOneTransformationEvent() {
		// when
		List<JsonNode> transformations = events(EpcisDocument.of(bakery().records(), CHICAGO)).stream()
			.filter((e) -> e.get("type").asString().equals("TransformationEvent"))
			.toList();

		// then
		JsonNode cookies = transformations.get(1);
		assertThat(cookies.get("transformationID").asString()).isEqualTo("urn:lottrace:workorder:WO-1014-P");
		assertThat(cookies.get("inputQuantityList").toString())
			.isEqualTo("[{\"epcClass\":" + "\"urn:lottrace:lot:BAKERY-01:F261013A\",\"quantity\":30,\"uom\":\"KGM\"},"
					+ "{\"epcClass\":\"urn:lottrace:alias:R99999\",\"quantity\":2,\"uom\":\"KGM\"}]");
		assertThat(cookies.get("outputQuantityList").toString()).isEqualTo("[{\"epcClass\":"
				+ "\"https://id.gs1.org/01/00614141100019/10/C261014A\",\"quantity\":27,\"uom\":\"XCS\"}]");
		assertThat(cookies.get("disposition").asString()).isEqualTo("active");
		assertThat(transformations.get(0).get("inputQuantityList").get(0).get("epcClass").asString())
			.as("the input named by a receiving number is the supplier's lot, an LGTIN by its receipt's product")
			.isEqualTo("https://id.gs1.org/01/00614141200054/10/L2301");
	}

	@Test
	void aGtinWithAWrongCheckDigitIsNoLgtin() {
		// when
		ObjectNode document = EpcisDocument
			.of(new EpcisFixture().receipt("24301", "SUGAR-GR-50", "10", "bag", null).records(), CHICAGO);

		// then
		assertThat(event(document, "receiving").get("quantityList").get(0).get("epcClass").asString())
			.isEqualTo("urn:lottrace:lot:V130:24301");
		assertThat(document.toString()).doesNotContain("00614141200022");
	}

	@Test
	void aShipmentGoesToTheCustomerInTransit() {
		JsonNode shipment = event(EpcisDocument.of(bakery().records(), CHICAGO), "shipping");

		assertThat(shipment.get("disposition").asString()).isEqualTo("in_transit");
		assertThat(shipment.get("destinationList").toString()).contains("urn:lottrace:party:C200",
				"https://id.gs1.org/414/0614141000203");
		assertThat(shipment.get("bizTransactionList").get(0).get("type").asString()).isEqualTo("bol");
	}

	@Test
	void farmAndSeafoodCtesCarryTheirKdes() {
		// when
		List<JsonNode> events = events(EpcisDocument.of(new EpcisFixture().farm().records(), CHICAGO));

		// then
		JsonNode harvest = events.get(0);
		assertThat(harvest.get("action").asString()).isEqualTo("ADD");
		assertThat(harvest.get("quantityList").get(0).toString())
			.isEqualTo("{\"epcClass\":\"urn:lottrace:product:ROMAINE\",\"quantity\":12,\"uom\":\"XBI\"}");
		assertThat(harvest.get("ilmd").toString())
			.isEqualTo("{\"cbvmda:harvestStartDate\":\"2026-10-01\",\"lottrace:growingArea\":\"Field 7\"}");
		JsonNode cooling = events.get(1);
		assertThat(cooling.get("action").asString()).isEqualTo("OBSERVE");
		assertThat(cooling.get("lottrace:harvestLocation").asString()).isEqualTo("urn:lottrace:location:FARM-1");
		JsonNode packing = events.get(2);
		assertThat(packing.get("inputQuantityList").toString())
			.isEqualTo("[{\"epcClass\":\"urn:lottrace:product:ROMAINE\",\"quantity\":4800,\"uom\":\"LBR\"}]");
		assertThat(packing.get("ilmd").get("lottrace:harvesterBusinessName").asString()).isEqualTo("Green Acres Farm");
		JsonNode landing = events.get(3);
		assertThat(landing.get("quantityList").get(0).toString()).as("a tote has no UN/ECE code: kilograms")
			.isEqualTo("{\"epcClass\":\"urn:lottrace:lot:DOCK-1:TRIP-61\",\"quantity\":1350,\"uom\":\"KGM\"}");
		assertThat(landing.get("ilmd").toString()).contains("\"cbvmda:harvestEndDate\":\"2026-09-29\"",
				"\"cbvmda:catchArea\":\"FAO 77\"");
	}

	@Test
	void theHeaderDescribesEveryLocationProductAndLottraceLot() {
		// when
		JsonNode vocabularies = EpcisDocument.of(bakery().records(), CHICAGO)
			.get("epcisHeader")
			.get("epcisMasterData")
			.get("vocabularyList");

		// then
		assertThat(elements(vocabularies.get(0))).containsExactly("https://id.gs1.org/414/0614141000012",
				"https://id.gs1.org/414/0614141000203", "https://id.gs1.org/414/0614141000159");
		assertThat(vocabularies.get(0).get("vocabularyElementList").get(0).get("attributes").toString()).contains(
				"{\"id\":\"urn:epcglobal:cbv:mda#name\",\"attribute\":\"Sunrise Bakery\"}",
				"{\"id\":\"urn:lottrace:mda#phone\",\"attribute\":\"+1 217-555-0100\"}");
		assertThat(elements(vocabularies.get(1))).containsExactly("https://id.gs1.org/01/00614141100019",
				"urn:lottrace:product:FILLING-PB", "https://id.gs1.org/01/00614141200054",
				"urn:lottrace:lot:BAKERY-01:F261013A");
	}

	@Test
	void writingTheSameRecordsTwiceGivesTheSameDocument() {
		assertThat(EpcisDocument.of(bakery().records(), CHICAGO))
			.isEqualTo(EpcisDocument.of(bakery().records(), CHICAGO));
	}

	static List<JsonNode> events(JsonNode document) {
		return StreamSupport.stream(document.get("epcisBody").get("eventList").spliterator(), false).toList();
	}

	private static JsonNode event(JsonNode document, String bizStep) {
		return events(document).stream()
			.filter((e) -> e.get("bizStep").asString().equals(bizStep))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> elements(JsonNode vocabulary) {
		return StreamSupport.stream(vocabulary.get("vocabularyElementList").spliterator(), false)
			.map((e) -> e.get("id").asString())
			.toList();
	}

	@Test
	void indentsDocumentsUpToTenThousandEventsAndWritesLargerOnesCompact() {
		for (int events : List.of(EpcisDocument.INDENTED_UP_TO, EpcisDocument.INDENTED_UP_TO + 1)) {
			// given
			ObjectNode document = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
			document.put("type", "EPCISDocument");
			tools.jackson.databind.node.ArrayNode list = document.putObject("epcisBody").putArray("eventList");
			for (int i = 0; i < events; i++) {
				list.addObject().put("type", "ObjectEvent").put("eventID", "urn:uuid:" + i);
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

			// when
			EpcisDocument.write(document, out);

			// then
			String written = out.toString(java.nio.charset.StandardCharsets.UTF_8);
			assertThat(written.contains("\n")).as(events + " events indented").isEqualTo(events <= 10_000);
			assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(written)).isEqualTo(document);
		}
	}

	@Test
	void aLargeDocumentIsWrittenEventByEventAsTheSameBytesAsItsTree() {
		// given
		EpcisRecords records = bakery().farm().records();
		ObjectNode tree = EpcisDocument.of(records, CHICAGO);
		int events = tree.get("epcisBody").get("eventList").size();
		assertThat(records.events()).as("work orders join records").hasSizeGreaterThan(events);

		// when: larger than indented, then more records than that but no more events
		String compact = written(records, 0);
		String indented = written(records, events);

		// then
		assertThat(compact).doesNotContain("\n")
			.isEqualTo(tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(tree));
		assertThat(indented).contains("\n")
			.isEqualTo(tools.jackson.databind.json.JsonMapper.builder()
				.enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
				.build()
				.writeValueAsString(tree));
		assertThat(written(records, records.events().size())).isEqualTo(indented);
	}

	private static String written(EpcisRecords records, int indentedUpTo) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		EpcisDocument.write(records, CHICAGO, out, indentedUpTo);
		return out.toString(java.nio.charset.StandardCharsets.UTF_8);
	}

}
