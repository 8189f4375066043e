package org.lottrace.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Report files written side by side: every group finishes, and failures are not lost. */
class SideBySideTests {

	@Test
	void writesTheGroupsAtTheSameTimeAndGivesTheirTimingsInOrder() {
		CountDownLatch bothStarted = new CountDownLatch(2);
		SideBySide side = new SideBySide("test");
		side.start((timings) -> {
			bothStarted.countDown();
			await(bothStarted);
			timings.put("started", 1L);
		});
		Map<String, Long> timings = side.writeHere((here) -> {
			bothStarted.countDown();
			// returns only once the started group runs beside it
			await(bothStarted);
			here.put("here", 2L);
		});
		assertThat(timings).containsExactly(Map.entry("here", 2L), Map.entry("started", 1L));
	}

	@Test
	void waitsForEveryGroupBeforeItThrowsWhatAGroupThrew() {
		List<String> finished = Collections.synchronizedList(new ArrayList<>());
		SideBySide side = new SideBySide("test");
		side.start((timings) -> {
			throw new IllegalStateException("the EPCIS document could not be written");
		});
		side.start((timings) -> {
			sleep(200);
			finished.add("csv");
		});
		assertThatIllegalStateException().isThrownBy(() -> side.writeHere((here) -> finished.add("xlsx")))
			.withMessage("the EPCIS document could not be written");
		assertThat(finished).containsExactlyInAnyOrder("xlsx", "csv");
	}

	@Test
	void aFailureHereKeepsTheOtherGroupsFailureAsSuppressed() {
		SideBySide side = new SideBySide("test");
		side.start((timings) -> {
			throw new IllegalArgumentException("the summary could not be written");
		});
		assertThatIllegalStateException().isThrownBy(() -> side.writeHere((here) -> {
			throw new IllegalStateException("the workbook could not be written");
		}))
			.withMessage("the workbook could not be written")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).singleElement()
				.isInstanceOf(IllegalArgumentException.class));
	}

	private static void await(CountDownLatch latch) {
		try {
			assertThat(latch.await(10, TimeUnit.SECONDS)).as("the other group ran alongside").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
