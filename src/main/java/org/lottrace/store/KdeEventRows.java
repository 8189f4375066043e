package org.lottrace.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventLocations;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;

/** Reads {@link KdeEvent}s back from a query over the {@code kde_event} columns. */
public final class KdeEventRows {

	private KdeEventRows() {
	}

	public static KdeEvent read(ResultSet rs) throws SQLException {
		String lotCode = rs.getString("lot_code");
		TraceabilityLot lot = (lotCode != null)
				? new TraceabilityLot(lotCode, rs.getString("lot_assigner"), rs.getString("internal_lot")) : null;
		EventLocations locations = new EventLocations(rs.getString("location_code"),
				rs.getString("partner_location_code"), rs.getString("tlc_source_location_code"),
				rs.getString("tlc_source_reference"), rs.getString("tlc_source_assumed"));
		return new KdeEvent(rs.getString("record_key"), Cte.fromCode(rs.getString("cte")),
				EventRole.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)), lot,
				rs.getString("product_code"), quantity(rs, "quantity", "unit"),
				optionalQuantity(rs, "normalized_quantity", "normalized_unit"), requiredDate(rs, "event_date"),
				dateTime(rs, "event_time"), locations,
				reference(rs, "reference_document_type", "reference_document_number"),
				reference(rs, "reference_document_type_2", "reference_document_number_2"), rs.getString("work_order"),
				farm(rs), provenance(rs));
	}

	private static FarmKdes farm(ResultSet rs) throws SQLException {
		FarmKdes farm = new FarmKdes(date(rs, "harvest_date"), date(rs, "harvest_end_date"), date(rs, "cooling_date"),
				date(rs, "received_date"), rs.getString("received_product_code"),
				optionalQuantity(rs, "received_quantity", "received_unit"), rs.getString("harvest_location_code"),
				rs.getString("cooling_location_code"), rs.getString("growing_area"),
				rs.getString("harvester_business_name"), rs.getString("harvester_phone"), rs.getString("catch_area"));
		return farm.equals(FarmKdes.NONE) ? FarmKdes.NONE : farm;
	}

	/** Provenance columns, shared with master data rows. */
	public static Provenance provenance(ResultSet rs) throws SQLException {
		return new Provenance(rs.getString("source"), rs.getString("source_file"), rs.getString("source_sha256"),
				rs.getLong("source_line"), instant(rs.getObject("ingested_at"), "ingested_at"));
	}

	/**
	 * A required time as DuckDB returns a {@code TIMESTAMP WITH TIME ZONE} (or a plain
	 * timestamp, read as UTC).
	 */
	static Instant instant(@Nullable Object value, String column) throws SQLException {
		if (value instanceof OffsetDateTime odt) {
			return odt.toInstant();
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant();
		}
		if (value instanceof LocalDateTime ldt) {
			return ldt.toInstant(java.time.ZoneOffset.UTC);
		}
		throw damaged(column);
	}

	private static Quantity quantity(ResultSet rs, String value, String unit) throws SQLException {
		Quantity quantity = optionalQuantity(rs, value, unit);
		if (quantity == null) {
			throw damaged(value + " and " + unit);
		}
		return quantity;
	}

	/**
	 * A row without a value its table declares required (StoreSchemas) was not written by
	 * lottrace: reading it fails rather than make a value up.
	 */
	private static SQLException damaged(String column) {
		return new SQLException("A record of the store has no " + column + ": the store is damaged");
	}

	private static @Nullable Quantity optionalQuantity(ResultSet rs, String value, String unit) throws SQLException {
		BigDecimal amount = rs.getBigDecimal(value);
		String u = rs.getString(unit);
		return (amount != null && u != null) ? new Quantity(amount, u) : null;
	}

	private static @Nullable ReferenceDocument reference(ResultSet rs, String type, String number) throws SQLException {
		String t = rs.getString(type);
		String n = rs.getString(number);
		return (t != null || n != null) ? new ReferenceDocument((t != null) ? t : "", (n != null) ? n : "") : null;
	}

	/** A date the table declares required: a row without it is not a record. */
	private static LocalDate requiredDate(ResultSet rs, String column) throws SQLException {
		LocalDate date = date(rs, column);
		if (date == null) {
			throw damaged(column);
		}
		return date;
	}

	private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, LocalDate.class);
	}

	private static @Nullable LocalDateTime dateTime(ResultSet rs, String column) throws SQLException {
		Object value = rs.getObject(column);
		if (value == null) {
			return null;
		}
		if (value instanceof LocalDateTime ldt) {
			return ldt;
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toLocalDateTime();
		}
		return rs.getObject(column, LocalDateTime.class);
	}

}
