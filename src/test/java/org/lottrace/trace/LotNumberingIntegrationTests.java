package org.lottrace.trace;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index numbers lots in the order of their first records, whatever the order the
 * exports came in and however many transactions apply them: the rows of the event table
 * that a trace reads then name ids close together, and DuckDB's row group statistics skip
 * the rest of the table.
 */
@TraceIntegrationTest
class LotNumberingIntegrationTests {

	private static final String LOTS = "SELECT lot_code || ' ' || lot_id FROM lot ORDER BY lot_id";

	@Autowired
	TraceStores stores;

	@Test
	void numbersLotsByTheirFirstRecordsAcrossTransactions(@TempDir Path folder) {
		// given: the production of 21 October ingested before the receipts of 20 October
		try (TraceStore store = this.stores.withMasterData(folder)
			.ingest("corrections/night1/PROD_20261021.csv", "corrections/night1/RCV_20261020.csv",
					"corrections/night1/TICKETS_20261021.csv")) {
			store.deleteIndex();
			// a refresher whose transactions hold one export each
			IndexRefresher oneAtATime = new IndexRefresher(store.index(),
					new StoreCatalog(new StoreLayout(store.root())), null, 1);

			// when
			IndexRefresher.Result rebuilt = oneAtATime.refresh();

			// then: the receipts' lots first (in key order on the same day)
			assertThat(rebuilt.commits()).isGreaterThan(1);
			assertThat(store.query(LOTS)).containsExactly("HM-2020 1", "SB-2020 2", "C261021A 3", "K261021A 4");
			// and one transaction numbers them the same way
			assertThat(store.rebuiltContent().lots()).hasSize(4);
			assertThat(store.query(LOTS)).containsExactly("HM-2020 1", "SB-2020 2", "C261021A 3", "K261021A 4");
		}
	}

}
