package org.lottrace.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.lottrace.kde.EventLocations;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Records read back from DuckDB with their text columns one by one and packed into one
 * JSON array ({@link KdeEventRows#packedColumns}) are the records written: texts with
 * quotes, backslashes, line breaks, control characters, accents, scripts and emoji, empty
 * texts and nulls.
 */
class KdeEventRowsTests {

	private static final String AWKWARD = "\"quoted\" \\back\\slash\\ line\nbreak\ttab \u0001\u001f crème 中文 😀 ";

	@Test
	void readsTheSameRecordsPackedAsColumnByColumn() throws SQLException {
		// given
		KdeEvent receipt = StoreRecords.receipt("RC-1", "L-1", LocalDate.of(2026, 10, 20));
		KdeEvent awkward = new KdeEvent("erp-receiving|" + AWKWARD + "|1", receipt.cte(), receipt.role(),
				new TraceabilityLot(AWKWARD, "", "\\"), AWKWARD, receipt.quantity(), null, receipt.eventDate(), null,
				new EventLocations(AWKWARD, "[\"x\", null]", null, "null", "\""), new ReferenceDocument("", AWKWARD),
				null, "WO-\"1\"", FarmKdes.NONE, StoreRecords.provenance(AWKWARD, 7));
		List<KdeEvent> written = List.of(receipt, StoreRecords.landing(), awkward);
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = connection.createStatement()) {
			table(connection, written);

			// when
			List<KdeEvent> byColumn = read(sql, "SELECT * FROM event ORDER BY source_line");
			List<KdeEvent> packed = read(sql,
					"SELECT " + KdeEventRows.packedColumns("e") + " FROM event e ORDER BY e.source_line");

			// then: as written (DuckDB gives quantities their six places), and the same
			// both ways
			assertThat(byColumn).hasSize(3);
			for (int i = 0; i < written.size(); i++) {
				assertThat(byColumn.get(i).toString().replaceAll("(\\d)\\.?0+ ", "$1 "))
					.isEqualTo(written.get(i).toString().replaceAll("(\\d)\\.?0+ ", "$1 "));
			}
			assertThat(byColumn.get(2).lot()).isEqualTo(awkward.lot());
			assertThat(byColumn.get(2).locations()).isEqualTo(awkward.locations());
			assertThat(byColumn.get(2).provenance()).isEqualTo(awkward.provenance());
			assertThat(packed).containsExactlyElementsOf(byColumn);
		}
	}

	@Test
	void refusesAPackedRowWithoutEveryText() throws SQLException {
		// given
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement sql = connection.createStatement()) {
			table(connection, List.of(StoreRecords.landing()));

			// then: a text too few, and none
			String packed = KdeEventRows.packedColumns("e");
			String shorter = packed.replaceFirst("e\\.record_key, ", "");
			assertThatThrownBy(() -> read(sql, "SELECT " + shorter + " FROM event e")).isInstanceOf(SQLException.class)
				.hasMessageContaining("the store is damaged");
			String none = packed.replaceFirst("to_json\\(\\[.*?\\]\\)", "NULL::VARCHAR");
			assertThatThrownBy(() -> read(sql, "SELECT " + none + " FROM event e")).isInstanceOf(SQLException.class)
				.hasMessageContaining("the store is damaged");
			// a text too many, a number among them, an object
			String longer = packed.replaceFirst("e\\.record_key, ", "e.record_key, e.record_key, ");
			String number = packed.replaceFirst("to_json\\((\\[.*?\\])\\)", "replace(to_json($1), '\\[\"', '[1,\"')");
			String object = packed.replaceFirst("to_json\\(\\[.*?\\]\\)", "'{\"record_key\": \"x\"}'");
			for (String damaged : List.of(longer, number, object)) {
				assertThatThrownBy(() -> read(sql, "SELECT " + damaged + " FROM event e"))
					.isInstanceOf(SQLException.class)
					.hasMessageContaining("the store is damaged");
			}
		}
	}

	private static void table(Connection connection, List<KdeEvent> events) throws SQLException {
		List<Column<KdeEvent>> columns = StoreSchemas.KDE_EVENT.columns();
		try (Statement sql = connection.createStatement()) {
			sql.execute("CREATE TABLE event (" + columns.stream()
				.map((c) -> c.name() + " " + DuckDb.sqlType(c.type()))
				.collect(Collectors.joining(", ")) + ")");
		}
		try (PreparedStatement insert = connection.prepareStatement("INSERT INTO event VALUES ("
				+ columns.stream().map((c) -> "?").collect(Collectors.joining(", ")) + ")")) {
			for (KdeEvent event : events) {
				for (int i = 0; i < columns.size(); i++) {
					Object value = columns.get(i).getter().apply(event);
					insert.setObject(i + 1,
							(value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value);
				}
				insert.execute();
			}
		}
	}

	private static List<KdeEvent> read(Statement sql, String query) throws SQLException {
		List<KdeEvent> events = new ArrayList<>();
		try (ResultSet rs = sql.executeQuery(query)) {
			KdeEventRows.Reader rows = KdeEventRows.reader(rs);
			while (rs.next()) {
				events.add(rows.read());
			}
		}
		return events;
	}

}
