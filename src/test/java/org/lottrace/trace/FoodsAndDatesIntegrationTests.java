package org.lottrace.trace;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.KdeEvent;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Requests by food and date range rather than by lot ({@code trace/levels}): the FDA's
 * records request ({@link RecordQuery}) and a trace that starts from every lot of a
 * product with an event in the range ({@link StartLots}).
 */
@TraceIntegrationTest
@TestInstance(Lifecycle.PER_CLASS)
class FoodsAndDatesIntegrationTests {

	private static final LocalDate OCTOBER_4 = LocalDate.of(2026, 10, 4);

	private static final LocalDate OCTOBER_5 = LocalDate.of(2026, 10, 5);

	@Autowired
	TraceStores stores;

	TraceStore store;

	@BeforeAll
	void ingestTheLevels(@TempDir Path folder) {
		this.store = this.stores.withMasterData(folder)
			.ingest("levels/RCV_20261001.csv", "levels/PROD_20261001.csv", "levels/TICKETS_20261001.csv",
					"levels/BOL_20261004.txt");
	}

	@AfterAll
	void closeTheIndex() {
		this.store.close();
	}

	@Test
	void selectsTheRecordsOfAFoodWithinTheDatesAndTheInputsOfItsBatches() {
		// given
		RecordRequest request = new RecordRequest(List.of("COOKIE-PB-12"), OCTOBER_4, OCTOBER_5, List.of());

		// when
		RecordSelection selection = this.store.traces().records(request);

		// then: C261003A shipped and reworked on the 4th, C261004A made on the 4th and
		// shipped on the 5th; the flour that went into C261004A comes with its batch
		assertThat(records(selection)).containsExactlyInAnyOrder("SHIPPING C261003A/BAKERY-01 2026-10-04 BOL-7001|1",
				"SHIPPING C261004A/BAKERY-01 2026-10-05 BOL-7002|1",
				"SHIPPING C261004A/BAKERY-01 2026-10-05 BOL-7003|1",
				"TRANSFORMATION C261004A/BAKERY-01 2026-10-04 WO-2004-P|C261004A",
				"TRANSFORMATION C261003A/BAKERY-01 2026-10-04 T-20007",
				"TRANSFORMATION HM-0101/V100 2026-10-04 T-20008");
		assertThat(selection.events()).allSatisfy((e) -> assertThat(e.eventDate()).isBetween(OCTOBER_4, OCTOBER_5));
		assertThat(selection.products()).containsKeys("COOKIE-PB-12", "FLOUR-AP-50");
		assertThat(selection.events()).filteredOn((e) -> e.recordKey().equals("scale-tickets|T-20008"))
			.singleElement()
			.satisfies((flour) -> assertThat(flour.productCode()).as("the ticket's lot's product")
				.isEqualTo("FLOUR-AP-50"));
		assertThat(selection.locations()).containsKeys("BAKERY-01", "C200-01", "C210-01", "C220-01");
	}

	@Test
	void selectsTheRecordsOfAnIngredientUsedWithinTheDatesThoughReceivedBefore() {
		// when: the flour (not on the Food Traceability List, so asked for with every
		// food)
		// was received on the 1st and weighed on the 3rd and the 4th
		RecordSelection selection = this.store.traces()
			.records(new RecordRequest(List.of("FLOUR-AP-50"), OCTOBER_4, OCTOBER_5, List.of(), null, true));

		// then: the weighing, and what the flour became in that transformation
		assertThat(records(selection)).containsExactly(
				"TRANSFORMATION C261004A/BAKERY-01 2026-10-04 WO-2004-P|C261004A",
				"TRANSFORMATION HM-0101/V100 2026-10-04 T-20008");
		assertThat(selection.events()).extracting(KdeEvent::productCode).containsExactly("COOKIE-PB-12", "FLOUR-AP-50");
	}

	@Test
	void leavesOutFoodsThatAreNotOnTheFoodTraceabilityListUnlessEveryFoodIsAskedFor() {
		// given: flour is not on the list
		RecordRequest request = new RecordRequest(List.of("FLOUR-AP-50"), OCTOBER_4, OCTOBER_5, List.of());

		// when, then
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.traces().records(request))
			.withMessage("no records match products FLOUR-AP-50, 2026-10-04..2026-10-05; FLOUR-AP-50 is not on the "
					+ "Food Traceability List (no FTL category in the product master data), and the FDA records "
					+ "cover listed foods only: ask for every food (--all-foods, API: \"allFoods\": true) to "
					+ "include it");
	}

	@Test
	void aDateRangeAloneAsksForEveryFoodOnTheList() {
		// when
		RecordSelection listed = this.store.traces()
			.records(new RecordRequest(List.of(), OCTOBER_4, OCTOBER_5, List.of()));
		RecordSelection every = this.store.traces()
			.records(new RecordRequest(List.of(), OCTOBER_4, OCTOBER_5, List.of(), null, true));

		// then: the listed foods' records (with the transformations that made or used
		// them); every food holds at least those
		assertThat(listed.request().subject())
			.isEqualTo("every food on the Food Traceability List, 2026-10-04..2026-10-05");
		assertThat(listed.events()).isNotEmpty()
			.filteredOn((e) -> e.cte() != org.lottrace.kde.Cte.TRANSFORMATION)
			.allSatisfy((e) -> assertThat(FTL_PRODUCTS).contains(productOfLot(listed, e)));
		assertThat(every.request().subject()).isEqualTo("every food, 2026-10-04..2026-10-05");
		assertThat(every.events()).containsAll(listed.events());
		assertThat(every.events()).extracting((e) -> productOfLot(every, e)).contains("FLOUR-AP-50");
	}

	@Test
	void selectsEveryRecordOfAFoodWithoutDates() {
		// when
		RecordSelection selection = this.store.traces()
			.records(new RecordRequest(List.of("PREMIX-PB"), null, null, List.of()));

		// then: the premix made, its inputs, and its use in the filling
		assertThat(records(selection)).containsExactlyInAnyOrder(
				"TRANSFORMATION M261001A/BAKERY-01 2026-10-01 WO-2001-M|M261001A",
				"TRANSFORMATION NB-0101/V130 2026-10-01 T-20001", "TRANSFORMATION SB-0101/V110 2026-10-01 T-20002",
				"TRANSFORMATION M261001A/BAKERY-01 2026-10-02 T-20003",
				"TRANSFORMATION F261002A/BAKERY-01 2026-10-02 WO-2002-F|F261002A");
	}

	@Test
	void selectsTheRecordsOfLotCodesAndInternalNumbers() {
		// given: peanut butter by its supplier's code, flour by its receiving number
		RecordRequest request = new RecordRequest(List.of(), null, null, List.of("NB-0101", "R20004"));

		// when
		RecordSelection selection = this.store.traces().records(request);

		// then: their records, and what each transformation that used them made (§
		// 1.1350(a)(2): the new lot code and its food)
		assertThat(records(selection)).containsExactlyInAnyOrder("RECEIVING NB-0101/V130 2026-10-01 RC-7001|1",
				"RECEIVING HM-0101/V100 2026-10-01 RC-7004|1", "TRANSFORMATION NB-0101/V130 2026-10-01 T-20001",
				"TRANSFORMATION NB-0101/V130 2026-10-05 T-20010", "TRANSFORMATION HM-0101/V100 2026-10-03 T-20006",
				"TRANSFORMATION HM-0101/V100 2026-10-04 T-20008",
				"TRANSFORMATION M261001A/BAKERY-01 2026-10-01 WO-2001-M|M261001A",
				"TRANSFORMATION C261003A/BAKERY-01 2026-10-03 WO-2003-P|C261003A",
				"TRANSFORMATION C261004A/BAKERY-01 2026-10-04 WO-2004-P|C261004A",
				"TRANSFORMATION F261005R/BAKERY-01 2026-10-05 WO-2005-F|F261005R");
	}

	@Test
	void narrowsLotCodesToTheDates() {
		// when
		RecordSelection selection = this.store.traces()
			.records(new RecordRequest(List.of(), OCTOBER_4, null, List.of("NB-0101")));

		// then
		assertThat(records(selection)).containsExactly(
				"TRANSFORMATION F261005R/BAKERY-01 2026-10-05 WO-2005-F|F261005R",
				"TRANSFORMATION NB-0101/V130 2026-10-05 T-20010");
	}

	@Test
	void findsNoRecordsOutsideTheDates() {
		// given
		RecordRequest request = new RecordRequest(List.of("COOKIE-PB-12"), LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), List.of());

		// when, then
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.traces().records(request))
			.withMessage("no records match products COOKIE-PB-12, 2026-11-01..2026-11-30")
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
	}

	@Test
	void saysWhenARequestNamesNothingTheStoreHas() {
		// given
		RecordRequest request = new RecordRequest(List.of("COOKIE-XX"), null, null, List.of("X-404"));

		// when, then
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.traces().check(request))
			.withMessage("no product or lot of products COOKIE-XX; lots X-404 is in the store")
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
	}

	@Test
	void refusesARequestNamingNothing() {
		// given: no food, no lot, no dates
		RecordRequest request = new RecordRequest(List.of(), null, null, List.of());

		// when, then
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.traces().records(request))
			.withMessage("name at least one product or one lot code, or give a date range")
			.satisfies((ex) -> assertThat(ex.notFound()).isFalse());
		assertThatExceptionOfType(TraceException.class).isThrownBy(() -> this.store.traces().check(request));
	}

	@Test
	void startsATraceFromEveryLotOfAProductWithinTheDates() {
		// given
		TraceRequest request = new TraceRequest(null, null, "COOKIE-PB-12", OCTOBER_4, OCTOBER_5, Direction.BACKWARD,
				null);

		// when
		TraceAnalysis analysis = this.store.analysis(request);

		// then: C261006A, made on the 6th, is not a start lot
		assertThat(analysis.result().start()).extracting(Traces::lot)
			.containsExactly("C261003A/BAKERY-01", "C261004A/BAKERY-01");
		assertThat(analysis.batches()).extracting((b) -> b.lot().code() + " " + b.inputs().size())
			.containsExactly("C261003A 2", "C261004A 2");
		assertThat(Traces.lots(analysis.result())).doesNotContain("C261006A/BAKERY-01 0 -1")
			.contains("NB-0101/V130 3 -1");
	}

	@Test
	void startsFromTheLotsOfAnIngredientUsedWithinTheDates() {
		// when: the peanut butter received on the 1st went into the rolling filling on
		// the
		// 5th
		TraceResult result = this.store
			.trace(new TraceRequest(null, null, "PB-CREAMY-35", OCTOBER_5, OCTOBER_5, Direction.FORWARD, null));

		// then
		assertThat(result.start()).extracting(Traces::lot).containsExactly("NB-0101/V130");
	}

	@Test
	void startsFromEveryLotOfAProductWithAnOpenRange() {
		// when
		TraceResult result = this.store.trace(
				new TraceRequest(null, null, "COOKIE-PB-12", LocalDate.of(2026, 10, 6), null, Direction.FORWARD, null));

		// then
		assertThat(result.start()).extracting(Traces::lot).containsExactly("C261006A/BAKERY-01");
	}

	@Test
	void saysWhenAProductHasNoLotWithinTheDates() {
		// when, then
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store.trace(new TraceRequest(null, null, "COOKIE-PB-12", LocalDate.of(2026, 11, 1),
					LocalDate.of(2026, 11, 30), Direction.BOTH, null)))
			.withMessage("no lot of product COOKIE-PB-12 has an event from 2026-11-01 to 2026-11-30")
			.satisfies((ex) -> assertThat(ex.notFound()).isTrue());
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store
				.trace(new TraceRequest(null, null, "COOKIE-XX", OCTOBER_4, OCTOBER_5, Direction.BOTH, null)))
			.withMessage("no product 'COOKIE-XX' in the master data");
	}

	@Test
	void refusesALotAndAProductTogether() {
		// when, then
		assertThatExceptionOfType(TraceException.class)
			.isThrownBy(() -> this.store
				.trace(new TraceRequest("C261004A", null, "COOKIE-PB-12", null, null, Direction.BOTH, null)))
			.withMessage("give either a lot or a product (with a date range), not both or neither");
	}

	/** Each record: {@code CTE lot date key} (the key without its source). */
	private static List<String> records(RecordSelection selection) {
		return selection.events().stream().map((e) -> describe(selection, e)).toList();
	}

	private static String describe(RecordSelection selection, KdeEvent event) {
		String key = event.recordKey().substring(event.recordKey().indexOf('|') + 1);
		return event.cte() + " " + Traces.lot(selection.eventLots().get(event.recordKey())) + " " + event.eventDate()
				+ " " + key;
	}

	private static final List<String> FTL_PRODUCTS = List.of("COOKIE-PB-12", "PB-CREAMY-35", "PREMIX-PB", "FILLING-PB",
			"EGG-SHELL-LG", "CHEESE-CREAM-30");

	/** The product of the lot of a selected record (an input names only its lot). */
	private static String productOfLot(RecordSelection selection, KdeEvent event) {
		return selection.events()
			.stream()
			.filter((e) -> e.productCode() != null
					&& selection.eventLots().get(e.recordKey()).equals(selection.eventLots().get(event.recordKey())))
			.map(KdeEvent::productCode)
			.findFirst()
			.orElse("?");
	}

}
