package org.lottrace.store;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One writer at a time: the thread that holds the store's write lock may take it again
 * (an ingestion inside a command that also refreshes the index); another thread or
 * another process may not, until it is given back.
 */
class StoreWriteLockTests {

	@TempDir
	Path store;

	@Test
	void letsTheHoldingThreadTakeItAgainAndGivesItBackWithTheLastHold() throws Exception {
		// given
		StoreWriteLock lock = new StoreWriteLock(new StoreLayout(this.store));
		StoreWriteLock.Hold outer = lock.tryAcquire().orElseThrow();
		StoreWriteLock.Hold inner = lock.tryAcquire().orElseThrow();

		// when, then
		assertThat(CompletableFuture.supplyAsync(lock::tryAcquire).get()).as("another thread").isEmpty();
		assertThat(StoreLock.tryAcquire(this.store.resolve(".lock"))).as("the file lock").isEmpty();
		inner.close();
		inner.close();
		assertThat(CompletableFuture.supplyAsync(lock::tryAcquire).get()).as("still held by the outer hold").isEmpty();
		outer.close();
		Optional<StoreWriteLock.Hold> free = CompletableFuture.supplyAsync(lock::tryAcquire).get();
		assertThat(free).as("given back").isPresent();
		free.get().close();
	}

	@Test
	void refusesWhileAnotherProcessHoldsTheFileLock() {
		// given: the lock file held as another process would hold it
		StoreWriteLock lock = new StoreWriteLock(new StoreLayout(this.store));
		try (StoreLock other = StoreLock.tryAcquire(this.store.resolve(".lock")).orElseThrow()) {

			// when, then
			assertThat(lock.tryAcquire()).isEmpty();
			assertThat(lock.busyMessage()).isEqualTo("another lottrace process is writing to the store "
					+ this.store.toAbsolutePath().normalize() + "; try again when it has finished");
		}
		Optional<StoreWriteLock.Hold> after = lock.tryAcquire();
		assertThat(after).as("once the other process is gone").isPresent();
		after.get().close();
	}

}
