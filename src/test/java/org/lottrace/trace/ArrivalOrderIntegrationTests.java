package org.lottrace.trace;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exports of {@code trace/levels} arriving backwards over three nights, the index
 * refreshed after each: the scale tickets first (every input pending), then the receipts
 * (the supplier lots resolve, the work orders still have no output), then the completions
 * and shipments. The links appear as both sides come in, and the index ends as one built
 * from all exports at once.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class ArrivalOrderIntegrationTests {

	@Autowired
	TraceStores stores;

	TraceStore store;

	TraceStore.IndexContent afterTickets;

	TraceStore.IndexContent afterReceipts;

	TraceStore.IndexContent afterCompletions;

	@BeforeAll
	void ingestBackwards(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder).ingest("levels/TICKETS_20261001.csv");
		this.store.refresh();
		this.afterTickets = this.store.content();
		this.store.ingest("levels/RCV_20261001.csv");
		this.store.refresh();
		this.afterReceipts = this.store.content();
		this.store.ingest("levels/PROD_20261001.csv", "levels/BOL_20261004.txt");
		this.store.refresh();
		this.afterCompletions = this.store.content();
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void keepsEveryInputPendingUntilItsLotIsKnown() {
		// then
		assertThat(this.afterTickets.links()).isEmpty();
		assertThat(this.afterTickets.pending()).hasSize(13)
			.allSatisfy((p) -> assertThat(p).endsWith(": no lot is known by this lot number"))
			.contains("scale-tickets|T-20001 R20001 WO-2001-M: no lot is known by this lot number");
	}

	@Test
	void resolvesTheScannedReceivingNumbersWhenTheReceiptsArrive() {
		// then: the supplier lots are known, the work orders have no output yet, the
		// bakery's own lots are still unknown
		assertThat(this.afterReceipts.links()).isEmpty();
		assertThat(this.afterReceipts.events()).filteredOn((e) -> e.startsWith("scale-tickets|T-20001 "))
			.singleElement()
			.asString()
			.endsWith("lot=NB-0101/V130");
		assertThat(this.afterReceipts.pending()).hasSize(13)
			.contains("scale-tickets|T-20001 R20001 WO-2001-M: the work order has no output lot yet",
					"scale-tickets|T-20003 M261001A WO-2002-F: no lot is known by this lot number");
	}

	@Test
	void linksEveryInputOnceTheCompletionsArrive() {
		// when
		TraceResult result = this.store.trace(TraceRequest.lot("C261004A", Direction.BACKWARD));

		// then
		assertThat(this.afterCompletions.pending()).isEmpty();
		assertThat(this.afterCompletions.links()).hasSize(13);
		assertThat(Traces.links(result)).containsExactly("T-20001 NB-0101 -> M261001A WO-2001-M",
				"T-20002 SB-0101 -> M261001A WO-2001-M", "T-20003 M261001A -> F261002A WO-2002-F",
				"T-20004 DG-0101 -> F261002A WO-2002-F", "T-20005 F261002A -> C261003A WO-2003-P",
				"T-20006 HM-0101 -> C261003A WO-2003-P", "T-20007 C261003A -> C261004A WO-2004-P",
				"T-20008 HM-0101 -> C261004A WO-2004-P");
	}

	@Test
	void endsAsAnIndexBuiltFromEveryExportAtOnce() {
		// when
		TraceStore.IndexContent rebuilt = this.store.rebuiltContent();

		// then
		assertThat(rebuilt).isEqualTo(this.afterCompletions);
	}

}
