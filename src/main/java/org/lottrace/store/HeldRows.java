package org.lottrace.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.lottrace.kde.KdeViolation;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@link HeldRow}s back from a query over the {@code held_row} columns; the field
 * texts, reasons and raw fields are kept as JSON text, so that any reader of the store
 * can show them.
 */
public final class HeldRows {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HeldRows() {
	}

	public static HeldRow read(ResultSet rs) throws SQLException {
		return new HeldRow("pending".equals(rs.getString("status")), rs.getString("kind"), rs.getString("record_key"),
				JSON.readValue(rs.getString("field_texts"), new TypeReference<Map<String, String>>() {
				}), JSON.readValue(rs.getString("violations"), new TypeReference<List<KdeViolation>>() {
				}), JSON.readValue(rs.getString("raw"), new TypeReference<List<String>>() {
				}), rs.getObject("event_date", java.time.LocalDate.class), KdeEventRows.provenance(rs));
	}

	static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
