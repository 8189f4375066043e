package org.lottrace.trace;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The row groups that nightly refreshes leave: not merged by every checkpoint (DuckDB's
 * default, which rewrote up to three full row groups of each table at a night's commit),
 * but by the refresh that finds {@value IndexRefresher#COMPACT_AFTER} of them, and with
 * the index holding what a rebuild holds.
 */
@TraceIntegrationTest
class IndexCompactionIntegrationTests {

	private static final String BOL_HEADER = "BOL|Line|Ship Date|Customer|Ship To|GTIN|Lot|Qty|UoM|Carrier\n";

	@Autowired
	TraceStores stores;

	@Test
	void mergesTheRowGroupsOfTheLastRefreshesOnceThereAreEightAndKeepsWhatTheIndexHolds(@TempDir Path folder,
			@TempDir Path exports) throws Exception {
		try (TraceStore store = this.stores.withMasterData(folder)
			.ingest("corrections/night1/RCV_20261020.csv", "corrections/night1/PROD_20261021.csv",
					"corrections/night1/TICKETS_20261021.csv", "corrections/night1/BOL_20261022.txt")) {
			store.refresh();
			checkpoint(store);
			List<Long> applied = new ArrayList<>();
			List<Long> events = new ArrayList<>();

			// when: ten nights of one shipment each, each refreshed by itself and the
			// index checkpointed after it, as a nightly `lottrace index` leaves it
			for (int night = 1; night <= 10; night++) {
				night(store, exports, night);
				applied.add(rowGroups(store, "applied"));
				events.add(rowGroups(store, "event"));
			}

			// then: a row group more each night, until the refresh that made them eight
			// merged them (the event table's too), and the next nights add to the merged
			// ones
			int merged = applied.indexOf((long) 1);
			assertThat(merged).as("the night the row groups of applied were merged: %s", applied).isPositive();
			for (int night = 1; night < merged; night++) {
				assertThat(applied.get(night)).as("applied's row groups, night by night: %s", applied)
					.isEqualTo(applied.get(night - 1) + 1);
			}
			assertThat(applied.get(merged - 1)).isEqualTo(IndexRefresher.COMPACT_AFTER - 1);
			assertThat(events.get(merged)).as("the event table's row groups, night by night: %s", events)
				.isLessThan(events.get(merged - 1));
			assertThat(applied.subList(merged, applied.size())).containsExactly(1L, 2L, 3L, 4L);
			assertThat(store.query("SELECT count(*) FROM event WHERE record_key LIKE 'shipping|BOL-77%'"))
				.containsExactly("10");
			TraceStore.IndexContent content = store.content();
			assertThat(store.rebuiltContent()).isEqualTo(content);
		}
	}

	@Test
	void leavesTheMergeToTheNextRefreshWhenAnotherConnectionIsInATransaction(@TempDir Path folder,
			@TempDir Path exports) throws Exception {
		try (TraceStore store = this.stores.withMasterData(folder)
			.ingest("corrections/night1/RCV_20261020.csv", "corrections/night1/BOL_20261022.txt")) {
			store.refresh();
			checkpoint(store);
			int night = 0;
			while (rowGroups(store, "applied") < IndexRefresher.COMPACT_AFTER - 1) {
				night(store, exports, ++night);
			}

			// when: the refresh that makes them eight runs while a trace of the service
			// reads the index in a transaction, then the next, with that one ended
			long duringTheRead;
			try (Connection reader = store.index().connect(); Statement read = reader.createStatement()) {
				read.execute("BEGIN TRANSACTION");
				read.execute("SELECT count(*) FROM event");
				store.ingest(bol(exports, ++night));
				assertThat(store.refresh().events()).isOne();
				duringTheRead = rowGroups(store, "applied");
				read.execute("COMMIT");
			}
			night(store, exports, ++night);

			// then: DuckDB did not merge while the read was on, and the next refresh
			// merged
			assertThat(duringTheRead).isEqualTo(IndexRefresher.COMPACT_AFTER);
			assertThat(rowGroups(store, "applied")).isOne();
			assertThat(store.query("SELECT count(*) FROM event WHERE record_key LIKE 'shipping|BOL-77%'"))
				.containsExactly(String.valueOf(night));
		}
	}

	@Test
	void mergesAtTheCommitThatCheckpointsByItself(@TempDir Path folder, @TempDir Path exports) throws Exception {
		try (TraceStore store = this.stores.withMasterData(folder)
			.ingest("corrections/night1/RCV_20261020.csv", "corrections/night1/BOL_20261022.txt")) {
			store.refresh();
			checkpoint(store);
			List<Long> applied = new ArrayList<>();

			// when: nine nights of one shipment each, each commit over DuckDB's
			// write-ahead
			// log threshold, as a big night's is: the commit checkpoints by itself, and a
			// CHECKPOINT after it would find nothing to write (and merge nothing)
			for (int night = 1; night <= 9; night++) {
				store.ingest(bol(exports, night));
				// the database's setting, set again after each ingest, which closes the
				// index
				try (Connection connection = store.index().connect(); Statement sql = connection.createStatement()) {
					sql.execute("SET GLOBAL checkpoint_threshold = '1KB'");
				}
				assertThat(store.refresh().events()).isOne();
				assertThat(store.index().file().resolveSibling("lottrace.duckdb.wal")).as("the commit checkpointed")
					.doesNotExist();
				applied.add(rowGroups(store, "applied"));
			}

			// then: a row group more each night, until the refresh that made them eight
			// merged them at its commit (not merged at every checkpoint either)
			assertThat(applied).as("applied's row groups, night by night")
				.containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 1L, 2L, 3L);
			assertThat(store.rebuiltContent()).isEqualTo(store.content());
		}
	}

	/** A night of one shipment, refreshed and checkpointed. */
	private static void night(TraceStore store, Path exports, int night) throws Exception {
		store.ingest(bol(exports, night));
		assertThat(store.refresh().events()).isOne();
		checkpoint(store);
	}

	/** The bill of lading of a night's one shipment. */
	private static Path bol(Path exports, int night) throws Exception {
		Path bol = exports.resolve("BOL_202611%02d.txt".formatted(night));
		Files.writeString(bol,
				BOL_HEADER
						+ "BOL-77%02d|1|2026-11-%02d|C200|C200-01|00614141100012|C261021A|1|CS|".formatted(night, night)
						+ "Prairie Express\n");
		return bol;
	}

	private static void checkpoint(TraceStore store) throws SQLException {
		try (Connection connection = store.index().connect(); Statement sql = connection.createStatement()) {
			sql.execute("CHECKPOINT");
		}
	}

	private static long rowGroups(TraceStore store, String table) {
		return Long.parseLong(
				store.query("SELECT count(DISTINCT row_group_id) FROM pragma_storage_info('" + table + "')").get(0));
	}

}
