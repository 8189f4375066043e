package org.lottrace.store;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/** Reads {@link KdeEvent}s back from a query over the {@code kde_event} columns. */
public final class KdeEventRows {

	/**
	 * The column of {@link #packedColumns}: the text columns of a record as one JSON
	 * array.
	 */
	private static final String PACKED = "kde_text_";

	/** The text columns of a record, in the order {@link #PACKED} holds them. */
	private static final List<String> TEXT_COLUMNS = StoreSchemas.KDE_EVENT.columns()
		.stream()
		.filter((c) -> c.type() == ColumnType.STRING)
		.map(Column::name)
		.toList();

	private static final Map<String, Integer> TEXT_POSITIONS = new HashMap<>();

	static {
		TEXT_COLUMNS.forEach((name) -> TEXT_POSITIONS.put(name, TEXT_POSITIONS.size()));
	}

	private KdeEventRows() {
	}

	/**
	 * A DuckDB select list of the record columns of {@code alias} with the text columns
	 * packed into one JSON array, which {@link #reader} unpacks. DuckDB's JDBC driver
	 * makes each text value a Java string through its native interface, about half a
	 * microsecond each: the 31 text columns of 83,000 records took 2.0 s to read one by
	 * one, packed 0.34 s. JSON keeps every text as it was (DuckDB escapes it, the reader
	 * unescapes it) and a null as a null.
	 */
	public static String packedColumns(String alias) {
		StringBuilder list = new StringBuilder("to_json([");
		for (int i = 0; i < TEXT_COLUMNS.size(); i++) {
			list.append((i > 0) ? ", " : "").append(alias).append('.').append(TEXT_COLUMNS.get(i));
		}
		list.append("]) AS ").append(PACKED);
		for (Column<KdeEvent> column : StoreSchemas.KDE_EVENT.columns()) {
			if (column.type() != ColumnType.STRING) {
				list.append(", ").append(alias).append('.').append(column.name());
			}
		}
		return list.toString();
	}

	/** Reads one row; for many rows of one result set, {@link #reader} is faster. */
	public static KdeEvent read(ResultSet rs) throws SQLException {
		return reader(rs).read();
	}

	/**
	 * A reader of the rows of one result set: it finds each column's position once, where
	 * a read by name asks the driver, and DuckDB's compares the name with every column's
	 * on every call (a third of the time a records request of two years spent reading its
	 * 300,000 rows).
	 */
	public static Reader reader(ResultSet rs) throws SQLException {
		return new Reader(rs);
	}

	/** Reads {@link KdeEvent}s from the current row of a result set. */
	public static final class Reader {

		private final ResultSet rs;

		private final Map<String, Integer> columns = new HashMap<>();

		/** The position of the packed text column, or 0 when the texts are columns. */
		private final int packed;

		/** The current row's texts, when packed. */
		private @Nullable String[] texts = new String[0];

		private Reader(ResultSet rs) throws SQLException {
			this.rs = rs;
			ResultSetMetaData meta = rs.getMetaData();
			for (int i = meta.getColumnCount(); i >= 1; i--) {
				// the first column of a name wins, as a read by name finds it
				this.columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
			}
			this.packed = this.columns.getOrDefault(PACKED, 0);
		}

		public KdeEvent read() throws SQLException {
			if (this.packed > 0) {
				String packedTexts = this.rs.getString(this.packed);
				@Nullable String @Nullable [] row = (packedTexts != null) ? PackedTexts.read(packedTexts) : null;
				if (row == null) {
					throw damaged(PACKED);
				}
				this.texts = row;
			}
			String lotCode = string("lot_code");
			TraceabilityLot lot = (lotCode != null)
					? new TraceabilityLot(lotCode, string("lot_assigner"), string("internal_lot")) : null;
			EventLocations locations = new EventLocations(string("location_code"), string("partner_location_code"),
					string("tlc_source_location_code"), string("tlc_source_reference"), string("tlc_source_assumed"));
			return new KdeEvent(requiredString("record_key"), Cte.fromCode(requiredString("cte")),
					EventRole.valueOf(requiredString("role").toUpperCase(Locale.ROOT)), lot, string("product_code"),
					quantity("quantity", "unit"), optionalQuantity("normalized_quantity", "normalized_unit"),
					requiredDate("event_date"), dateTime("event_time"), locations,
					reference("reference_document_type", "reference_document_number"),
					reference("reference_document_type_2", "reference_document_number_2"), string("work_order"), farm(),
					provenance());
		}

		private int column(String name) throws SQLException {
			Integer column = this.columns.get(name);
			if (column == null) {
				throw new SQLException("The query has no column " + name);
			}
			return column;
		}

		private @Nullable String string(String name) throws SQLException {
			if (this.packed > 0) {
				Integer position = TEXT_POSITIONS.get(name);
				if (position != null) {
					return this.texts[position];
				}
			}
			return this.rs.getString(column(name));
		}

		private String requiredString(String name) throws SQLException {
			String value = string(name);
			if (value == null) {
				throw damaged(name);
			}
			return value;
		}

		private FarmKdes farm() throws SQLException {
			FarmKdes farm = new FarmKdes(date("harvest_date"), date("harvest_end_date"), date("cooling_date"),
					date("received_date"), string("received_product_code"),
					optionalQuantity("received_quantity", "received_unit"), string("harvest_location_code"),
					string("cooling_location_code"), string("growing_area"), string("harvester_business_name"),
					string("harvester_phone"), string("catch_area"));
			return farm.equals(FarmKdes.NONE) ? FarmKdes.NONE : farm;
		}

		private Provenance provenance() throws SQLException {
			// required columns (the ingestion writes them): a row without one is damaged
			return new Provenance(requiredString("source"), requiredString("source_file"),
					requiredString("source_sha256"), this.rs.getLong(column("source_line")),
					instant(this.rs.getObject(column("ingested_at")), "ingested_at"));
		}

		private Quantity quantity(String value, String unit) throws SQLException {
			Quantity quantity = optionalQuantity(value, unit);
			if (quantity == null) {
				throw damaged(value + " and " + unit);
			}
			return quantity;
		}

		private @Nullable Quantity optionalQuantity(String value, String unit) throws SQLException {
			BigDecimal amount = this.rs.getBigDecimal(column(value));
			String u = string(unit);
			return (amount != null && u != null) ? new Quantity(amount, u) : null;
		}

		private @Nullable ReferenceDocument reference(String type, String number) throws SQLException {
			String t = string(type);
			String n = string(number);
			return (t != null || n != null) ? new ReferenceDocument((t != null) ? t : "", (n != null) ? n : "") : null;
		}

		/** A date the table declares required: a row without it is not a record. */
		private LocalDate requiredDate(String name) throws SQLException {
			LocalDate date = date(name);
			if (date == null) {
				throw damaged(name);
			}
			return date;
		}

		private @Nullable LocalDate date(String name) throws SQLException {
			return this.rs.getObject(column(name), LocalDate.class);
		}

		private @Nullable LocalDateTime dateTime(String name) throws SQLException {
			int column = column(name);
			Object value = this.rs.getObject(column);
			if (value == null) {
				return null;
			}
			if (value instanceof LocalDateTime ldt) {
				return ldt;
			}
			if (value instanceof java.sql.Timestamp ts) {
				return ts.toLocalDateTime();
			}
			return this.rs.getObject(column, LocalDateTime.class);
		}

	}

	/**
	 * The JSON reader of packed texts, made at the first packed row (Spark reads none).
	 */
	private static final class PackedTexts {

		static final JsonMapper JSON = JsonMapper.builder().build();

		/**
		 * The texts of a packed JSON array of strings and nulls, or null when it is not
		 * one of {@link #TEXT_COLUMNS}' size. Read token by token: a trace reads
		 * thousands of these, and binding each to a {@code String[]} through the object
		 * mapper was most of the time its records took in a fresh process (31 of 78 ms
		 * for 1,458).
		 */
		static @Nullable String @Nullable [] read(String packed) {
			@Nullable String[] texts = new String[TEXT_COLUMNS.size()];
			try (JsonParser parser = JSON.createParser(packed)) {
				if (parser.nextToken() != JsonToken.START_ARRAY) {
					return null;
				}
				int i = 0;
				for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
					if (i == texts.length || (token != JsonToken.VALUE_STRING && token != JsonToken.VALUE_NULL)) {
						return null;
					}
					texts[i++] = (token == JsonToken.VALUE_STRING) ? parser.getString() : null;
				}
				return (i == texts.length) ? texts : null;
			}
		}

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

	/**
	 * A row without a value its table declares required (StoreSchemas) was not written by
	 * lottrace: reading it fails rather than make a value up.
	 */
	private static SQLException damaged(String column) {
		return new SQLException("A record of the store has no " + column + ": the store is damaged");
	}

}
