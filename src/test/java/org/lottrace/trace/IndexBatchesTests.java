package org.lottrace.trace;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
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

	@Test
	void looksForEarlierVersionsUnlessEveryCommitOfRecordsCountedNone() {
		// given: commits of records as their ingestions counted what they superseded,
		// and one of master data (its own table's count does not matter here)
		StoreCommit none = records("a", 0L);
		StoreCommit one = records("b", 1L);
		StoreCommit unknown = records("c", null);
		StoreCommit products = new StoreCommit("erp-items", "ITEMS.csv", "1".repeat(64), "mapping", "0".repeat(64),
				Instant.EPOCH, 1, 2, 2, 0, 0, List.of(new WrittenFile("product/erp-items-111111111111.parquet", 2)),
				List.of(), null, null, null, 5L);

		// then: only when each commit of records says none is the event table not asked
		assertThat(IndexRefresher.nothingEarlier(List.of(none, products))).isTrue();
		assertThat(IndexRefresher.nothingEarlier(List.of(none, one))).isFalse();
		assertThat(IndexRefresher.nothingEarlier(List.of(none, unknown))).as("a commit from before the count")
			.isFalse();
		assertThat(IndexRefresher.nothingEarlier(List.of(products))).isTrue();
	}

	private static StoreCommit records(String source, @Nullable Long superseded) {
		return new StoreCommit(source, source + ".csv", "0".repeat(64), "mapping", "0".repeat(64), Instant.EPOCH, 1, 3,
				3, 0, 0,
				List.of(new WrittenFile("kde/cte=receiving/month=2026-10/" + source + "-000000000000.parquet", 3)),
				List.of(), null, null, null, superseded);
	}

	private static StoreCommit commit(String file, long written) {
		return new StoreCommit("source", file, "0".repeat(64), "mapping", "0".repeat(64), Instant.EPOCH, 1, written,
				written, 0, 0, List.of(), List.of(), null, null, null, null);
	}

}
