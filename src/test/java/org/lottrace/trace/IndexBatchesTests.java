package org.lottrace.trace;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lottrace.store.StoreCommit;

import static org.assertj.core.api.Assertions.assertThat;

/** How a refresh cuts the fresh exports into transactions. */
class IndexBatchesTests {

	@Test
	void cutsExportsInLogOrderIntoRunsOfAtMostTheGivenRecordsKeepingEachWhole() {
		// given
		List<StoreCommit> fresh = List.of(commit("a", 3), commit("b", 4), commit("c", 10), commit("d", 1),
				commit("e", 2), commit("f", 0));

		// when
		List<List<String>> batches = IndexRefresher.batches(fresh, 7)
			.stream()
			.map((batch) -> batch.stream().map(StoreCommit::file).toList())
			.toList();

		// then: an export larger than the limit is a run of its own
		assertThat(batches).containsExactly(List.of("a", "b"), List.of("c"), List.of("d", "e", "f"));
		assertThat(IndexRefresher.batches(fresh, Long.MAX_VALUE)).hasSize(1);
		assertThat(IndexRefresher.batches(List.of(), 7)).isEmpty();
	}

	private static StoreCommit commit(String file, long written) {
		return new StoreCommit("source", file, "0".repeat(64), "mapping", "0".repeat(64), Instant.EPOCH, 1, written,
				written, 0, 0, List.of(), List.of(), null, null, null);
	}

}
