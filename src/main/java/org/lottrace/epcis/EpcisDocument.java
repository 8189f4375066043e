package org.lottrace.epcis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

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

	/** How compact JSON of a document without events ends: its empty event list. */
	private static final byte[] END = "[]}}".getBytes(StandardCharsets.US_ASCII);

	private EpcisDocument() {
	}

	public static ObjectNode of(EpcisRecords records, ZoneId zone) {
		EventParts parts = new EventParts(records, zone);
		ObjectNode document = skeleton(records, zone, parts);
		ArrayNode events = document.withObject("epcisBody").withArray("eventList");
		sorted(events(records, parts).map((e) -> new Sorted<>(e, e))).forEach((e) -> events.add(e.event()));
		return document;
	}

	/** The document without its events: the context, header and master data. */
	private static ObjectNode skeleton(EpcisRecords records, ZoneId zone, EventParts parts) {
		ObjectNode document = EventParts.JSON.objectNode();
		ArrayNode context = document.putArray("@context");
		context.add(CONTEXT);
		context.addObject().put("lottrace", "urn:lottrace:epcis:");
		document.put("type", "EPCISDocument");
		document.put("schemaVersion", "2.0");
		document.put("creationDate", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(records.createdAt().atZone(zone)));
		document.putObject("epcisHeader").set("epcisMasterData", MasterDataVocabulary.of(records, parts));
		document.putObject("epcisBody").putArray("eventList");
		return document;
	}

	public static void write(ObjectNode document, OutputStream out) {
		boolean small = document.path("epcisBody").path("eventList").size() <= INDENTED_UP_TO;
		(small ? JSON : COMPACT).writeValue(out, document);
	}

	/**
	 * Writes the document of the records: the same bytes as {@link #of} then
	 * {@link #write(ObjectNode, OutputStream)}, without holding the whole tree. Each
	 * event of a large document is written to compact JSON as soon as it is made and only
	 * its bytes are kept until the events are in order: a two-year request's events as
	 * trees were several times its 80 MB of JSON, all of it alive until the end.
	 */
	public static void write(EpcisRecords records, ZoneId zone, OutputStream out) {
		write(records, zone, out, INDENTED_UP_TO);
	}

	static void write(EpcisRecords records, ZoneId zone, OutputStream out, int indentedUpTo) {
		if (records.events().size() <= indentedUpTo) {
			// no more events than records: indented, as a tree
			write(of(records, zone), out);
			return;
		}
		EventParts parts = new EventParts(records, zone);
		ObjectNode skeleton = skeleton(records, zone, parts);
		List<Sorted<byte[]>> events = sorted(
				events(records, parts).map((e) -> new Sorted<>(e, COMPACT.writeValueAsBytes(e))));
		if (events.size() <= indentedUpTo) {
			ArrayNode list = skeleton.withObject("epcisBody").withArray("eventList");
			events.forEach((e) -> list.add(COMPACT.readTree(e.event())));
			write(skeleton, out);
			return;
		}
		// compact JSON of the skeleton ends with its empty event list: "eventList":[]}}
		byte[] head = COMPACT.writeValueAsBytes(skeleton);
		int tail = head.length - END.length;
		if (!Arrays.equals(head, tail, head.length, END, 0, END.length)) {
			throw new IllegalStateException("the EPCIS document does not end with its event list");
		}
		try {
			out.write(head, 0, tail + 1);
			for (int i = 0; i < events.size(); i++) {
				if (i > 0) {
					out.write(',');
				}
				out.write(events.get(i).event());
			}
			out.write(END, 1, END.length - 1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The events as they are made; only the caller keeps them. */
	private static Stream<ObjectNode> events(EpcisRecords records, EventParts parts) {
		ObjectEvents objects = new ObjectEvents(parts);
		TransformationEvents transformations = new TransformationEvents(parts);
		List<KdeEvent> sorted = records.events()
			.stream()
			.sorted(Comparator.comparing(KdeEvent::eventDate).thenComparing(KdeEvent::recordKey))
			.toList();
		Stream<ObjectNode> workOrders = transformations
			.workOrders(sorted.stream().filter((e) -> e.cte() == Cte.TRANSFORMATION).toList());
		Stream<ObjectNode> others = sorted.stream()
			.filter((record) -> record.cte() != Cte.TRANSFORMATION)
			.map((record) -> (record.cte() == Cte.INITIAL_PACKING) ? transformations.initialPacking(record)
					: objects.of(record));
		return Stream.concat(workOrders, others);
	}

	/**
	 * The events in time order, then by event id. The sort keys are read once per event,
	 * not once per comparison (a request of two years has hundreds of thousands of
	 * events).
	 */
	private static <T> List<Sorted<T>> sorted(Stream<Sorted<T>> events) {
		return events.sorted(Comparator.comparing((Sorted<T> e) -> e.time).thenComparing((e) -> e.id)).toList();
	}

	/** An event (a tree or its bytes) with its sort keys. */
	private static final class Sorted<T> {

		private final Instant time;

		private final String id;

		private final T event;

		Sorted(ObjectNode node, T event) {
			this.time = OffsetDateTime.parse(node.get("eventTime").asString()).toInstant();
			this.id = node.get("eventID").asString();
			this.event = event;
		}

		T event() {
			return this.event;
		}

	}

}
