package org.lottrace.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeField;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads an EPCIS 2.0 JSON(-LD) document ({@code EPCISDocument}, or the results of an
 * {@code EPCISQueryDocument}) as an export: each event the source takes
 * ({@link SourceMapping.EpcisSelection}) becomes rows ({@link EpcisRows}), which the
 * source's mapping maps like CSV columns, so the same validation, rejects and pending
 * rows, exactly-once ingestion and corrections apply. The document is streamed one event
 * at a time. A row's "line" is its number among the document's rows: the store tells rows
 * of an export apart by their line, and several rows come from one event (and a whole
 * document may be one line of JSON); the columns {@code event} and {@code document_line}
 * say where in the document the row's event is. Events the source does not take belong to
 * other sources and are left out; a document with none it takes gives one refused row
 * saying so, so that nothing passes unseen. A file that is not an EPCIS document fails,
 * as a broken CSV file does.
 */
class EpcisSourceReader implements SourceReader {

	private static final CSVFormat ROW = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

	private final Path file;

	private final SourceMapping mapping;

	private final Consumer<List<String>> onHeader;

	private final boolean requireLot;

	private final Deque<SourceRow> ready = new ArrayDeque<>();

	private final Set<String> others = new LinkedHashSet<>();

	private Map<String, String> codes = Map.of();

	private @Nullable JsonParser parser;

	private int events;

	private int taken;

	private long rows;

	private boolean ended;

	EpcisSourceReader(Path file, SourceMapping mapping, Consumer<List<String>> onHeader) {
		this.file = file;
		this.mapping = mapping;
		this.onHeader = onHeader;
		this.requireLot = mapping.fields().containsKey(KdeField.LOT_CODE);
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			this.codes = EpcisDocuments.codes(this.file);
			this.parser = EpcisDocuments.eventList(this.file);
		}
		catch (JacksonException ex) {
			close();
			throw new SourceFileException(this.file.getFileName() + ": not a JSON document" + EpcisDocuments.where(ex)
					+ ": " + ex.getOriginalMessage(), ex);
		}
		this.onHeader.accept(EpcisRows.COLUMNS);
	}

	@Override
	public @Nullable SourceRow read() {
		try {
			while (this.ready.isEmpty() && !this.ended) {
				next();
			}
			return this.ready.poll();
		}
		catch (JacksonException ex) {
			throw new SourceFileException(this.file.getFileName() + ": cannot read the document"
					+ EpcisDocuments.where(ex) + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/** Reads the next event into rows, or ends the list. */
	private void next() {
		JsonParser parser = Opened.part(this.parser, "the EPCIS parser");
		JsonToken token = parser.nextToken();
		if (token != JsonToken.START_OBJECT) {
			this.ended = true;
			if (this.taken == 0) {
				this.ready.add(refused(++this.rows,
						"this document holds no " + this.mapping.epcis().describe() + " for source "
								+ this.mapping.source() + (this.others.isEmpty() ? " (its event list is empty)"
										: " (its events: " + String.join(", ", this.others) + ")")));
			}
			return;
		}
		long line = parser.currentTokenLocation().getLineNr();
		JsonNode event = parser.readValueAsTree();
		this.events++;
		String type = EpcisRows.text(event, "type");
		String bizStep = EpcisIds.shortName(EpcisRows.text(event, "bizStep"));
		if (!this.mapping.epcis().takes(type, bizStep)) {
			this.others.add(type + (bizStep.isEmpty() ? "" : " " + bizStep));
			return;
		}
		this.taken++;
		for (EpcisRows.Row row : EpcisRows.of(event, this.events, line, this.mapping.epcis(), this.codes,
				this.requireLot)) {
			this.ready.add(new SourceRow(++this.rows, record(row.values()), row.refused()));
		}
	}

	private SourceRow refused(long line, String reason) {
		List<String> values = new ArrayList<>(EpcisRows.COLUMNS.size());
		EpcisRows.COLUMNS.forEach((c) -> values.add(""));
		return new SourceRow(line, record(values), reason);
	}

	/** The row as a CSV record, which the row mapper reads by column. */
	private static CSVRecord record(List<String> values) {
		StringWriter text = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(text, ROW)) {
			printer.printRecord(values);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (CSVParser parser = CSVParser.parse(text.toString(), ROW)) {
			return parser.iterator().next();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public long bytesRead() {
		JsonParser current = this.parser;
		return (current != null) ? Math.max(0, current.currentLocation().getByteOffset()) : 0;
	}

	@Override
	public void close() {
		if (this.parser != null) {
			this.parser.close();
			this.parser = null;
		}
	}

	/**
	 * The {@code epcis:} settings of a mapping: which event types, business steps and
	 * lists the source takes.
	 */
	static SourceMapping.EpcisSelection selection(MappingFile.@Nullable Epcis epcis, SourceMapping.Format format,
			List<String> problems) {
		if (epcis == null) {
			return SourceMapping.EpcisSelection.ALL;
		}
		if (format != SourceMapping.Format.EPCIS) {
			problems.add("epcis: only a source with format: epcis takes EPCIS settings");
		}
		Set<String> lists = set(epcis.lists());
		lists.stream()
			.filter((l) -> !EpcisRows.LISTS.contains(l))
			.forEach((l) -> problems
				.add("epcis.lists: unknown list '" + l + "'; one of " + String.join(", ", EpcisRows.LISTS)));
		Set<String> events = set(epcis.events());
		List<String> types = List.of("ObjectEvent", "AggregationEvent", "TransformationEvent", "AssociationEvent",
				"TransactionEvent");
		events.stream()
			.filter((e) -> !types.contains(e))
			.forEach((e) -> problems
				.add("epcis.events: unknown event type '" + e + "'; one of " + String.join(", ", types)));
		return new SourceMapping.EpcisSelection(events, set(epcis.bizSteps()), lists);
	}

	private static Set<String> set(@Nullable List<String> values) {
		return (values != null) ? Set.copyOf(values) : Set.of();
	}

}
