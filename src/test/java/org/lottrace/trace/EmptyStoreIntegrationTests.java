package org.lottrace.trace;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A store nothing was ingested into yet (a new site, a service started before the first
 * export): every request is answered "not found", never with an error of the index.
 */
@TraceIntegrationTest
class EmptyStoreIntegrationTests {

	@Autowired
	TraceStores stores;

	@Test
	void aLotIsNotFoundInAnEmptyStore(@TempDir Path folder) {
		try (TraceStore store = this.stores.empty(folder)) {
			// when
			IndexRefresher.Result refresh = store.refresh();

			// then
			assertThat(refresh.commits()).isZero();
			assertThatExceptionOfType(TraceException.class)
				.isThrownBy(() -> store.traces().check(TraceRequest.lot("C261014A", Direction.BOTH)))
				.withMessageContaining("C261014A");
			assertThatExceptionOfType(TraceException.class)
				.isThrownBy(() -> store.trace(TraceRequest.lot("C261014A", Direction.BACKWARD)))
				.withMessageContaining("C261014A");
			assertThat(store.traces().products()).isEmpty();
		}
	}

}
