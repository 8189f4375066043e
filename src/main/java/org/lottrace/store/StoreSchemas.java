package org.lottrace.store;

import static org.lottrace.store.ColumnType.*;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;

/**
 * The column layout of every store table. Column names are the snake_case names of the
 * record components (and of the mapping fields), so that Parquet, DuckDB, mappings and
 * reports use one vocabulary. A column's position is its field id in the Parquet files
 * and the Iceberg tables: new columns go at the end, and none is ever removed or moved.
 */
public final class StoreSchemas {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

	public static final TableSchema<KdeEvent> KDE_EVENT = new TableSchema<>(StoreTable.KDE_EVENT, kdeEventColumns(),
			StoreSchemas::partition);

	public static final TableSchema<Location> LOCATION = new TableSchema<>(StoreTable.LOCATION, locationColumns(),
			(l) -> "");

	public static final TableSchema<Product> PRODUCT = new TableSchema<>(StoreTable.PRODUCT, productColumns(),
			(p) -> "");

	public static final TableSchema<HeldRow> HELD_ROW = new TableSchema<>(StoreTable.HELD_ROW, heldRowColumns(),
			(h) -> "");

	private static final Map<Integer, String> PARTITIONS = new ConcurrentHashMap<>();

	private StoreSchemas() {
	}

	/** {@code cte=shipping/month=2026-10}, computed once per CTE and month. */
	private static String partition(KdeEvent event) {
		LocalDate date = event.eventDate();
		int key = event.cte().ordinal() * 1_000_000 + date.getYear() * 100 + date.getMonthValue();
		return PARTITIONS.computeIfAbsent(key, (k) -> "cte=" + event.cte().code() + "/month=" + MONTH.format(date));
	}

	public static TableSchema<?> of(StoreTable table) {
		return switch (table) {
			case KDE_EVENT -> KDE_EVENT;
			case LOCATION -> LOCATION;
			case PRODUCT -> PRODUCT;
			case HELD_ROW -> HELD_ROW;
		};
	}

	private static List<Column<KdeEvent>> kdeEventColumns() {
		List<Column<KdeEvent>> c = new ArrayList<>();
		c.add(Column.<KdeEvent>distinct("record_key", STRING, KdeEvent::recordKey, false).notNull());
		c.add(Column.<KdeEvent>distinct("cte", STRING, (e) -> e.cte().code(), false).notNull());
		c.add(Column.<KdeEvent>distinct("role", STRING, (e) -> e.role().code(), false).notNull());
		c.add(Column.distinct("lot_code", STRING, lot(TraceabilityLot::code), true));
		c.add(Column.of("lot_assigner", STRING, lot(TraceabilityLot::assigner)));
		c.add(Column.distinct("internal_lot", STRING, lot(TraceabilityLot::internalLot), true));
		c.add(Column.filtered("product_code", STRING, KdeEvent::productCode));
		c.add(Column.<KdeEvent>of("quantity", DECIMAL, (e) -> e.quantity().value()).notNull());
		c.add(Column.<KdeEvent>of("unit", STRING, (e) -> e.quantity().unit()).notNull());
		c.add(Column.of("normalized_quantity", DECIMAL, normalized(Quantity::value)));
		c.add(Column.of("normalized_unit", STRING, normalized(Quantity::unit)));
		c.add(Column.<KdeEvent>filtered("event_date", DATE, KdeEvent::eventDate).notNull());
		c.add(Column.distinct("event_time", LOCAL_TIMESTAMP, KdeEvent::eventTime, true));
		c.add(Column.of("location_code", STRING, (e) -> e.locations().location()));
		c.add(Column.of("partner_location_code", STRING, (e) -> e.locations().partner()));
		c.add(Column.of("tlc_source_location_code", STRING, (e) -> e.locations().tlcSource()));
		c.add(Column.of("tlc_source_reference", STRING, (e) -> e.locations().tlcSourceReference()));
		c.add(Column.of("tlc_source_assumed", STRING, (e) -> e.locations().tlcSourceAssumed()));
		c.add(Column.of("reference_document_type", STRING, reference(KdeEvent::reference, ReferenceDocument::type)));
		c.add(Column.distinct("reference_document_number", STRING,
				reference(KdeEvent::reference, ReferenceDocument::number), false));
		c.add(Column.of("reference_document_type_2", STRING,
				reference(KdeEvent::secondReference, ReferenceDocument::type)));
		c.add(Column.distinct("reference_document_number_2", STRING,
				reference(KdeEvent::secondReference, ReferenceDocument::number), false));
		c.add(Column.distinct("work_order", STRING, KdeEvent::workOrder, true));
		c.add(Column.of("harvest_date", DATE, farm(FarmKdes::harvestDate)));
		c.add(Column.of("harvest_end_date", DATE, farm(FarmKdes::harvestEndDate)));
		c.add(Column.of("cooling_date", DATE, farm(FarmKdes::coolingDate)));
		c.add(Column.of("received_date", DATE, farm(FarmKdes::receivedDate)));
		c.add(Column.of("received_product_code", STRING, farm(FarmKdes::receivedProductCode)));
		c.add(Column.of("received_quantity", DECIMAL, farm((f) -> value(f.receivedQuantity()))));
		c.add(Column.of("received_unit", STRING, farm((f) -> unit(f.receivedQuantity()))));
		c.add(Column.of("harvest_location_code", STRING, farm(FarmKdes::harvestLocation)));
		c.add(Column.of("cooling_location_code", STRING, farm(FarmKdes::coolingLocation)));
		c.add(Column.of("growing_area", STRING, farm(FarmKdes::growingArea)));
		c.add(Column.of("harvester_business_name", STRING, farm(FarmKdes::harvesterBusinessName)));
		c.add(Column.of("harvester_phone", STRING, farm(FarmKdes::harvesterPhone)));
		c.add(Column.of("catch_area", STRING, farm(FarmKdes::catchArea)));
		c.addAll(provenanceColumns(KdeEvent::provenance));
		return List.copyOf(c);
	}

	private static List<Column<Location>> locationColumns() {
		List<Column<Location>> c = new ArrayList<>();
		c.add(Column.<Location>of("location_code", STRING, Location::code).notNull());
		c.add(Column.of("location_type", STRING, Location::type));
		c.add(Column.of("partner_code", STRING, Location::partnerCode));
		c.add(Column.of("business_name", STRING, Location::businessName));
		c.add(Column.of("phone", STRING, Location::phone));
		c.add(Column.of("street", STRING, Location::street));
		c.add(Column.of("city", STRING, Location::city));
		c.add(Column.of("state", STRING, Location::state));
		c.add(Column.of("postal_code", STRING, Location::postalCode));
		c.add(Column.of("country", STRING, Location::country));
		c.add(Column.of("gln", STRING, Location::gln));
		c.add(Column.of("fda_registration", STRING, Location::fdaRegistration));
		c.addAll(provenanceColumns(Location::provenance));
		return List.copyOf(c);
	}

	private static List<Column<Product>> productColumns() {
		List<Column<Product>> c = new ArrayList<>();
		c.add(Column.<Product>of("product_code", STRING, Product::code).notNull());
		c.add(Column.of("product_name", STRING, Product::name));
		c.add(Column.of("brand", STRING, Product::brand));
		c.add(Column.of("commodity", STRING, Product::commodity));
		c.add(Column.of("variety", STRING, Product::variety));
		c.add(Column.of("pack_size", STRING, Product::packSize));
		c.add(Column.of("pack_style", STRING, Product::packStyle));
		c.add(Column.of("gtin", STRING, Product::gtin));
		c.add(Column.of("ftl_category", STRING, Product::ftlCategory));
		c.add(Column.of("kill_step", BOOLEAN, Product::killStep));
		c.add(Column.of("base_unit", STRING, Product::baseUnit));
		c.addAll(provenanceColumns(Product::provenance));
		return List.copyOf(c);
	}

	private static List<Column<HeldRow>> heldRowColumns() {
		List<Column<HeldRow>> c = new ArrayList<>();
		c.add(Column.<HeldRow>of("status", STRING, HeldRow::status).notNull());
		c.add(Column.<HeldRow>of("kind", STRING, HeldRow::kind).notNull());
		c.add(Column.distinct("record_key", STRING, HeldRow::recordKey, false));
		c.add(Column.of("lot_code", STRING, (h) -> h.text("lot_code")));
		c.add(Column.of("work_order", STRING, (h) -> h.text("work_order")));
		c.add(Column.of("product_code", STRING, (h) -> h.text("product_code")));
		c.add(Column.of("event_date", DATE, HeldRow::eventDate));
		c.add(Column.<HeldRow>of("reason", STRING, HeldRow::reasons).notNull());
		c.add(Column.of("waits_for", STRING, (h) -> h.pending() ? h.waitsFor() : null));
		c.add(Column.<HeldRow>of("field_texts", STRING, (h) -> HeldRows.json(h.fieldTexts())).notNull());
		c.add(Column.<HeldRow>of("violations", STRING, (h) -> HeldRows.json(h.violations())).notNull());
		c.add(Column.<HeldRow>of("raw", STRING, (h) -> HeldRows.json(h.raw())).notNull());
		c.addAll(provenanceColumns(HeldRow::provenance));
		return List.copyOf(c);
	}

	private static <T> List<Column<T>> provenanceColumns(Function<T, Provenance> provenance) {
		return List.of(Column.<T>distinct("source", STRING, (r) -> provenance.apply(r).source(), false).notNull(),
				Column.<T>distinct("source_file", STRING, (r) -> provenance.apply(r).file(), false).notNull(),
				Column.<T>distinct("source_sha256", STRING, (r) -> provenance.apply(r).sha256(), false).notNull(),
				Column.<T>distinct("source_line", LONG, (r) -> provenance.apply(r).line(), false).notNull(),
				Column.<T>distinct("ingested_at", INSTANT, (r) -> provenance.apply(r).ingestedAt(), false).notNull());
	}

	private static Function<KdeEvent, @Nullable Object> lot(Function<TraceabilityLot, @Nullable Object> part) {
		return (e) -> (e.lot() != null) ? part.apply(e.lot()) : null;
	}

	private static Function<KdeEvent, @Nullable Object> normalized(Function<Quantity, Object> part) {
		return (e) -> (e.normalizedQuantity() != null) ? part.apply(e.normalizedQuantity()) : null;
	}

	private static Function<KdeEvent, @Nullable Object> reference(Function<KdeEvent, @Nullable ReferenceDocument> which,
			Function<ReferenceDocument, String> part) {
		return (e) -> {
			ReferenceDocument document = which.apply(e);
			String value = (document != null) ? part.apply(document) : null;
			return (value == null || value.isEmpty()) ? null : value;
		};
	}

	private static Function<KdeEvent, @Nullable Object> farm(Function<FarmKdes, @Nullable Object> part) {
		return (e) -> part.apply(e.farm());
	}

	private static @Nullable Object value(@Nullable Quantity quantity) {
		return (quantity != null) ? quantity.value() : null;
	}

	private static @Nullable Object unit(@Nullable Quantity quantity) {
		return (quantity != null) ? quantity.unit() : null;
	}

}
