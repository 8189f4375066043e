package org.lottrace.trace;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A refresh copies the new records with their lots: a damaged index whose lot table names
 * a lot twice would make two rows of one record. The refresh refuses instead, and the
 * index keeps what it had.
 */
@TraceIntegrationTest
class IndexLotGuardIntegrationTests {

	@Autowired
	TraceStores stores;

	@Test
	void refusesToMakeTwoRowsOfARecordWhenTheLotTableNamesALotTwice(@TempDir Path folder) {
		try (TraceStore store = this.stores.withMasterData(folder)
			.ingest("corrections/night1/RCV_20261020.csv", "corrections/night1/PROD_20261021.csv",
					"corrections/night1/TICKETS_20261021.csv", "corrections/night1/BOL_20261022.txt")) {
			store.refresh();
			// given: the sugar lot twice in the lot table, and a new receiving record of
			// it
			assertThat(store.query("INSERT INTO lot SELECT * FROM lot WHERE lot_code = 'SB-2020' RETURNING lot_id"))
				.hasSize(1);
			List<String> events = store.query("SELECT count(*) FROM event");
			List<String> applied = store.query("SELECT count(*) FROM applied");
			store.ingest("corrections/night2/RCV_20261023.csv");

			// a refresher whose transactions hold one record copies every export's
			IndexRefresher copying = new IndexRefresher(store.index(), new StoreCatalog(new StoreLayout(store.root())),
					null, 1);

			// when / then
			assertThatIllegalStateException().isThrownBy(copying::refresh)
				.withMessageContaining("resolved 1 new record(s) into 2 rows");
			assertThat(store.query("SELECT count(*) FROM event")).isEqualTo(events);
			assertThat(store.query("SELECT count(*) FROM applied")).isEqualTo(applied);
		}
	}

}
