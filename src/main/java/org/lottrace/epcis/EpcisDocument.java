package org.lottrace.epcis;

import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import org.lottrace.kde.Cte;
import org.lottrace.kde.KdeEvent;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An EPCIS 2.0 JSON-LD document of KDE records (GS1 EPCIS 2.0, section 9 and its JSON
 * Schema), as written to {@code epcis.jsonld} beside the other reports. Events are in
 * time order; times are in the given zone with its offset. lottrace's own terms
 * ({@code lottrace:tlcSource} and the like) are declared in the document's context under
 * {@code urn:lottrace:epcis:}.
 */
public final class EpcisDocument {

	/** The file name in a report folder. */
	public static final String FILE = "epcis.jsonld";

	public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * Documents of more events than this are written without indentation: nobody reads a
	 * hundred megabytes of JSON by eye, and the indentation was a third of the bytes and
	 * of the writing time of a two-year request. Every reader parses both alike.
	 */
	static final int INDENTED_UP_TO = 10_000;

	private static final JsonMapper COMPACT = JsonMapper.builder().build();

	private EpcisDocument() {
	}

	public static ObjectNode of(EpcisRecords records, ZoneId zone) {
		EventParts parts = new EventParts(records, zone);
		ObjectNode document = EventParts.JSON.objectNode();
		ArrayNode context = document.putArray("@context");
		context.add(CONTEXT);
		context.addObject().put("lottrace", "urn:lottrace:epcis:");
		document.put("type", "EPCISDocument");
		document.put("schemaVersion", "2.0");
		document.put("creationDate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(records.createdAt().atZone(zone)));
		document.putObject("epcisHeader").set("epcisMasterData", MasterDataVocabulary.of(records, parts));
		ArrayNode events = document.putObject("epcisBody").putArray("eventList");
		events(records, parts).forEach(events::add);
		return document;
	}

	public static void write(ObjectNode document, OutputStream out) {
		boolean small = document.path("epcisBody").path("eventList").size() <= INDENTED_UP_TO;
		(small ? JSON : COMPACT).writeValue(out, document);
	}

	private static List<ObjectNode> events(EpcisRecords records, EventParts parts) {
		ObjectEvents objects = new ObjectEvents(parts);
		TransformationEvents transformations = new TransformationEvents(parts);
		List<KdeEvent> sorted = records.events()
			.stream()
			.sorted(Comparator.comparing(KdeEvent::eventDate).thenComparing(KdeEvent::recordKey))
			.toList();
		List<ObjectNode> events = new java.util.ArrayList<>();
		events
			.addAll(transformations.workOrders(sorted.stream().filter((e) -> e.cte() == Cte.TRANSFORMATION).toList()));
		for (KdeEvent record : sorted) {
			if (record.cte() == Cte.INITIAL_PACKING) {
				events.add(transformations.initialPacking(record));
			}
			else if (record.cte() != Cte.TRANSFORMATION) {
				events.add(objects.of(record));
			}
		}
		// the sort keys are read once per event, not once per comparison (a request of
		// two
		// years has hundreds of thousands of events)
		return events.stream()
			.map((e) -> new Sorted(OffsetDateTime.parse(e.get("eventTime").asString()).toInstant(),
					e.get("eventID").asString(), e))
			.sorted(Comparator.comparing(Sorted::time).thenComparing(Sorted::id))
			.map(Sorted::event)
			.toList();
	}

	private record Sorted(Instant time, String id, ObjectNode event) {

	}

}
