package org.lottrace.trace;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lottrace.kde.KdeEvent;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which lot a code means ({@code trace/collisions}), over two nights. Night one: Dairy
 * Gold (V120) ships butter lot {@code L5000} and Nutty Butter (V130) peanut-butter lot
 * {@code L5000}, received as {@code R30001} and {@code R30002}; flour {@code HM-1010} is
 * received as {@code R30003}. Both {@code L5000} go into filling {@code F261011A}, the
 * filling and the flour into cookies {@code C261012A}. Night two: the ERP gives sugar
 * {@code SB-1014} the receiving number {@code R30003} again, and batch {@code C261014B}
 * weighs "R30003" and reworked {@code C261012A}.
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LotIdentityIntegrationTests {

	@Autowired
	TraceStores stores;

	TraceStore store;

	@BeforeAll
	void ingestTwoNights(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("collisions/RCV_20261010.csv", "collisions/PROD_20261011.csv", "collisions/TICKETS_20261011.csv",
					"collisions/BOL_20261013.txt");
		assertThat(this.store.refresh().commits()).as("master data and night one").isEqualTo(8);
		this.store.ingest("collisions/RCV_20261014.csv", "collisions/PROD_20261014.csv",
				"collisions/TICKETS_20261014.csv");
		assertThat(this.store.refresh().commits()).isEqualTo(3);
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void keepsTwoSuppliersLotsWithTheSameCodeApart() {
		// when
		TraceResult result = this.store
			.trace(new TraceRequest("L5000", "V130", null, null, null, Direction.FORWARD, null));

		// then
		assertThat(result.start()).extracting(Traces::lot).containsExactly("L5000/V130");
		assertThat(Traces.lots(result)).containsExactly("C261012A/BAKERY-01 -1 2", "C261014B/BAKERY-01 -1 3",
				"F261011A/BAKERY-01 -1 1", "L5000/V130 -1 0");
		assertThat(this.store.content().lots()).contains("L5000/V120", "L5000/V130");
	}

	@Test
	void namesBothLotsWithTheSameCodeByTheirSupplierGoingBack() {
		// when
		TraceResult result = this.store.trace(TraceRequest.lot("F261011A", Direction.BACKWARD));

		// then
		assertThat(Traces.lots(result)).containsExactly("F261011A/BAKERY-01 0 -1", "L5000/V120 1 -1",
				"L5000/V130 1 -1");
		assertThat(Traces.links(result)).containsExactly("T-30001 L5000 -> F261011A WO-3001-F",
				"T-30002 L5000 -> F261011A WO-3001-F");
		assertThat(result.links())
			.extracting((l) -> Traces.ticket(l.inputRecordKey()) + " " + result.label(result.lots().get(l.inputLot())))
			.containsExactlyInAnyOrder("T-30001 L5000 (V130)", "T-30002 L5000 (V120)");
		assertThat(result.label(result.start().get(0))).isEqualTo("F261011A");
	}

	@Test
	void refusesACodeTwoSuppliersShareAndSaysWhichLotsItNames() {
		// given
		TraceRequest request = TraceRequest.lot("L5000", Direction.BOTH);
		String message = "'L5000' names 2 lots: L5000 assigned by Dairy Gold Creamery (assigner V120); "
				+ "L5000 assigned by Nutty Butter Co. (assigner V130). Say which by giving its assigner";

		// when, then
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.trace(request))
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.notFound()).isFalse());
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.traces().check(request))
			.withMessage(message);
	}

	@Test
	void selectsTheRecordsOfEveryLotWithACodeWhoeverAssignedIt() {
		// when
		RecordSelection selection = this.store.traces()
			.records(new RecordRequest(List.of(), null, null, List.of("L5000")));

		// then: both lots, and what the filling made of them became
		assertThat(selection.events())
			.extracting((e) -> e.recordKey() + " " + Traces.lot(selection.eventLots().get(e.recordKey())))
			.containsExactlyInAnyOrder("erp-receiving|RC-8001|1 L5000/V120", "erp-receiving|RC-8002|1 L5000/V130",
					"scale-tickets|T-30001 L5000/V130", "scale-tickets|T-30002 L5000/V120",
					"erp-production|WO-3001-F|F261011A F261011A/BAKERY-01");
	}

	@Test
	void selectsTheRecordsOfTheLotOfOneSupplierWhenTheRequestSaysWhoAssignedTheCode() {
		// when
		RecordSelection selection = this.store.traces()
			.records(new RecordRequest(List.of(), null, null, List.of("L5000"), "V130", false));

		// then
		assertThat(selection.events())
			.extracting((e) -> e.recordKey() + " " + Traces.lot(selection.eventLots().get(e.recordKey())))
			.containsExactlyInAnyOrder("erp-receiving|RC-8002|1 L5000/V130", "scale-tickets|T-30001 L5000/V130",
					"erp-production|WO-3001-F|F261011A F261011A/BAKERY-01");
		assertThat(selection.request().subject()).isEqualTo("lots L5000 (V130)");
	}

	@Test
	void findsNoLotOfACodeWithAnotherAssigner() {
		// when, then
		assertThatExceptionOfType(TraceException.class).isThrownBy(
				() -> this.store.trace(new TraceRequest("L5000", "V100", null, null, null, Direction.BACKWARD, null)))
			.withMessage("no lot has the code or internal number 'L5000' with assigner V100 in the store")
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "L5000' OR '1'='1", "L5000\u0000", "L5000'; DROP TABLE lot; --", "L5000\\", "'" })
	void takesALotCodeAsAValueNeverAsSql(String code) {
		// when, then: not found, neither an SQL error nor another lot
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store.trace(TraceRequest.lot(code, Direction.BOTH)))
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store.traces().check(new RecordRequest(List.of(), null, null, List.of(code))))
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
		assertThat(this.store.content().lots()).contains("L5000/V120", "L5000/V130");
	}

	@Test
	void selectsTheRecordsOfManyCodesThroughOneArrayParameter() {
		// given: more codes than a query takes as single parameters, one with a quote and
		// a NUL
		List<String> codes = new java.util.ArrayList<>(List.of("L5000", "X'\u0000Y"));
		for (int i = 0; i < SqlQuery.PARAMETER_LIMIT; i++) {
			codes.add("UNKNOWN-" + i);
		}

		// when
		RecordSelection selection = this.store.traces()
			.records(new RecordRequest(List.of(), null, null, codes, "V130", false));

		// then
		assertThat(selection.events()).extracting(KdeEvent::recordKey)
			.containsExactlyInAnyOrder("erp-receiving|RC-8002|1", "scale-tickets|T-30001",
					"erp-production|WO-3001-F|F261011A");
		assertThat(this.store.traces().size(new RecordRequest(List.of(), null, null, codes))).isEqualTo(2);
	}

	@Test
	void resolvesAnInternalLotNumberToTheSupplierLot() {
		// when
		TraceResult peanutButter = this.store.trace(TraceRequest.lot("R30002", Direction.FORWARD));
		TraceResult butter = this.store.trace(TraceRequest.lot("R30001", Direction.FORWARD));

		// then
		assertThat(peanutButter.start()).extracting(Traces::lot).containsExactly("L5000/V130");
		assertThat(butter.start()).extracting(Traces::lot).containsExactly("L5000/V120");
		assertThat(this.store.content().aliases()).contains("R30001 -> L5000/V120 internal",
				"R30002 -> L5000/V130 internal", "F261011A -> F261011A/BAKERY-01 code", "L5000 -> L5000/V120 code",
				"L5000 -> L5000/V130 code");
	}

	@Test
	void resolvesASupplierLotCodeScannedAtTheScaleWhenOneLotHasItAndNeverGuessesWhenTwoHave() {
		// then: HM-1010 names one lot; L5000 names two (Dairy Gold's and Nutty Butter's)
		assertThat(this.store.traces().check(TraceRequest.lot("HM-1010", Direction.FORWARD))).isOne();
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store.traces().check(TraceRequest.lot("L5000", Direction.FORWARD)))
			.withMessageStartingWith("'L5000' names 2 lots");
	}

	@Test
	void attributesEachScannedNumberToItsLot() {
		// when
		TraceResult result = this.store.trace(TraceRequest.lot("F261011A", Direction.BACKWARD));

		// then: the tickets name the lots only by the receiving number
		assertThat(result.events()).filteredOn((e) -> e.workOrder() != null && e.workOrder().equals("WO-3001-F"))
			.filteredOn((e) -> e.secondReference() != null && e.secondReference().number() != null)
			.extracting((e) -> Traces.ticket(e) + " " + e.lot().code() + " " + Traces.lot(result.lotOf(e)))
			.containsExactly("T-30001 R30002 L5000/V130", "T-30002 R30001 L5000/V120");
	}

	@Test
	void neverGuessesAReceivingNumberGivenToTwoLots() {
		// when
		TraceAnalysis analysis = this.store.analysis(TraceRequest.lot("C261014B", Direction.BACKWARD));

		// then: the rework is followed; the reused number is reported, not guessed, in
		// this batch and in the reworked one, which weighed it the night before
		assertThat(Traces.links(analysis.result())).contains("T-30011 C261012A -> C261014B WO-3003-P")
			.noneMatch((link) -> link.startsWith("T-30010") || link.startsWith("T-30004"));
		assertThat(analysis.result().pending())
			.extracting(
					(p) -> Traces.ticket(p.recordKey()) + " " + p.lotCode() + " " + p.workOrder() + ": " + p.reason())
			.containsExactly("T-30004 R30003 WO-3002-P: the lot number matches several lots",
					"T-30010 R30003 WO-3003-P: the lot number matches several lots");
		assertThat(analysis.gaps()).anySatisfy((g) -> {
			assertThat(g.kind()).isEqualTo(Gap.Kind.UNLINKED_INPUT);
			assertThat(g.reason()).contains("WO-3003-P", "R30003");
			assertThat(g.file()).startsWith("TICKETS_");
			assertThat(g.line()).isPositive();
		});
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store.trace(TraceRequest.lot("R30003", Direction.BOTH)))
			.withMessageStartingWith("'R30003' names 2 lots: HM-1010 assigned by Heartland Mills, Inc. (assigner "
					+ "V100); SB-1014 assigned by Sweet Beet Sugar Co. (assigner V110)");
	}

	@Test
	@Order(Integer.MAX_VALUE)
	void answersAsARebuiltIndexDoesAfterTheNumberIsReused() {
		// given: the index as refreshed night after night (run last: this rebuilds it)
		TraceStore.IndexContent refreshed = this.store.content();
		TraceResult flourBefore = this.store
			.trace(new TraceRequest("HM-1010", "V100", null, null, null, Direction.FORWARD, null));

		// when
		TraceStore.IndexContent rebuilt = this.store.rebuiltContent();
		TraceResult flourAfter = this.store
			.trace(new TraceRequest("HM-1010", "V100", null, null, null, Direction.FORWARD, null));

		// then
		assertThat(refreshed).isEqualTo(rebuilt);
		assertThat(Traces.lots(flourBefore)).isEqualTo(Traces.lots(flourAfter));
		assertThat(Traces.links(flourBefore)).isEqualTo(Traces.links(flourAfter));
	}

}
