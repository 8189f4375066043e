package org.lottrace.trace;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.lottrace.trace.TraceResult.TracedLot;

import static org.assertj.core.api.Assertions.assertThat;

/** How a trace result names its lots to people. */
class TraceResultTests {

	@Test
	void namesTheAssignerOnlyOfLotsWhoseCodeAnotherLotReachedShares() {
		// given: two suppliers' L2301 and a lot of our own
		TracedLot butter = new TracedLot(1, "L2301", "V120", 1, -1);
		TracedLot peanutButter = new TracedLot(2, "L2301", "V130", 2, -1);
		TracedLot cookies = new TracedLot(3, "C261014A", "BAKERY-01", 0, 0);

		// when
		TraceResult result = result(List.of(butter, peanutButter, cookies));

		// then
		assertThat(result.label(butter)).isEqualTo("L2301 (V120)");
		assertThat(result.label(peanutButter)).isEqualTo("L2301 (V130)");
		assertThat(result.label(cookies)).isEqualTo("C261014A");
		assertThat(result.lots().keySet()).containsExactly(1, 2, 3);
	}

	@Test
	// a guard against the quadratic labelling that took 74 s for 14,840 lots, not a
	// benchmark: linear work takes milliseconds here
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void labelsEveryLotOfAProductTraceOverYearsInOnePass() {
		// given: 200,000 lots, every hundredth code assigned by two suppliers
		List<TracedLot> lots = new java.util.ArrayList<>();
		for (int id = 0; id < 200_000; id++) {
			String code = (id % 100 == 1) ? "L" + (id - 1) : "L" + id;
			lots.add(new TracedLot(id, code, "V" + (id % 7), 0, 0));
		}
		TraceResult result = result(lots);

		// when
		long shared = lots.stream().map(result::label).filter((label) -> label.contains("(")).count();

		// then
		assertThat(shared).isEqualTo(4_000);
	}

	private static TraceResult result(List<TracedLot> lots) {
		Map<Integer, TracedLot> byId = new LinkedHashMap<>();
		lots.forEach((lot) -> byId.put(lot.id(), lot));
		return new TraceResult(TraceRequest.lot(lots.get(0).code(), Direction.BOTH), Instant.EPOCH,
				List.of(lots.get(0)), byId, List.of(), List.of(), Map.of(), TraceResult.Context.NONE, Map.of(),
				Map.of(), List.of(), List.of(), Duration.ZERO);
	}

}
