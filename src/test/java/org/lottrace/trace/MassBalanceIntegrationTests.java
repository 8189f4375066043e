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
import static org.lottrace.trace.Traces.amounts;
import static org.lottrace.trace.Traces.balance;

/**
 * Mass balance of every lot a trace reaches, in each product's base unit, from records in
 * mixed units ({@code trace/balance}): flour received in 50 lb bags and weighed in kg and
 * lb, eggs received in cases of 15 dozen and weighed in kg (1 each = 0.05 kg), more
 * butter weighed than received, sugar weighed in litres (no conversion), a reworked case
 * weighed in kg (1 case = 4.8 kg), and more cases shipped, on two lines of one bill of
 * lading, than were made.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class MassBalanceIntegrationTests {

	@Autowired
	TraceStores stores;

	TraceStore store;

	TraceAnalysis analysis;

	@BeforeAll
	void ingestAndTrace(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("balance/RCV_20261101.csv", "balance/PROD_20261102.csv", "balance/TICKETS_20261102.csv",
					"balance/BOL_20261104.txt");
		this.analysis = this.store.analysis(TraceRequest.lot("C261102A", Direction.BOTH));
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void convertsReceiptsAndTicketsIntoTheProductsBaseUnit() {
		// then: 10 bags of 50 lb in; 50 kg, 100 lb and 10 kg used
		assertThat(amounts(balance(this.analysis, "HM-1101"))).isEqualTo("kg 226.796185 105.359237 0 121.436948 46.5");
		// 2 cases of 15 dozen in; 3 kg and 1.5 kg used at 0.05 kg each
		assertThat(amounts(balance(this.analysis, "EG1101"))).isEqualTo("each 360 90 0 270 25");
		// 4.8 kg reworked: one case
		assertThat(amounts(balance(this.analysis, "C261102A"))).isEqualTo("case 16 1 0 15 6.3");
		assertThat(amounts(balance(this.analysis, "K261103A"))).isEqualTo("case 3 0 2 1 66.7");
	}

	@Test
	void addsBothLinesOfABillOfLadingAndFlagsOverShipment() {
		// then
		assertThat(Traces.shipments(this.analysis)).filteredOn((s) -> s.startsWith("BOL-6001"))
			.hasSize(2)
			.allSatisfy((s) -> assertThat(s).contains("C261103A"));
		assertThat(balance(this.analysis, "C261103A")).satisfies((m) -> {
			assertThat(amounts(m)).isEqualTo("case 5 0 6 -1 120");
			assertThat(m.notes()).containsExactly("more used and shipped (6 case) than received or produced (5 case)");
		});
		assertThat(balance(this.analysis, "DG-1101")).satisfies((m) -> {
			assertThat(amounts(m)).isEqualTo("kg 16.329325 20 0 -3.670675 122.5");
			assertThat(m.notes())
				.containsExactly("more used and shipped (20 kg) than received or produced (16.329325 kg)");
		});
	}

	@Test
	void countsWhatCannotBeConvertedAsNothingAndSaysSo() {
		// then
		assertThat(balance(this.analysis, "SB-1101")).satisfies((m) -> {
			assertThat(amounts(m)).isEqualTo("kg 45.359237 0 0 45.359237 0");
			assertThat(m.notes()).singleElement()
				.asString()
				.startsWith("cannot convert 5")
				.endsWith("add a conversion in units.yml (scale-tickets|T-60006)");
		});
		assertThat(this.analysis.gaps()).hasSize(3)
			.allSatisfy((g) -> assertThat(g.kind()).isEqualTo(Gap.Kind.MASS_BALANCE))
			.anySatisfy((g) -> {
				assertThat(g.lot()).isEqualTo("SB-1101");
				assertThat(g.reason()).startsWith("cannot convert");
				assertThat(g.file()).isNotNull();
			})
			.anySatisfy((g) -> assertThat(g.lot() + ": " + g.reason()).startsWith("C261103A: more used and shipped"))
			.anySatisfy((g) -> assertThat(g.lot() + ": " + g.reason()).startsWith("DG-1101: more used and shipped"));
		assertThat(this.analysis.massBalance()).hasSize(7);
	}

}
