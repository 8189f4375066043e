package org.lottrace.store;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The process's hold on the store's write lock ({@link StoreLock}): one process at a time
 * ingests or changes the trace index. The thread that holds it may take it again, so a
 * command can keep it across an ingestion and the index refresh that follows, where
 * another process would otherwise slip in between (an {@code index --rebuild} that
 * deletes the index under the refresh).
 */
public final class StoreWriteLock {

	private final StoreLayout layout;

	private @Nullable Thread owner;

	private int holds;

	private @Nullable StoreLock lock;

	public StoreWriteLock(StoreLayout layout) {
		this.layout = layout;
	}

	/** A hold on the lock; closing it gives it back. */
	public interface Hold extends AutoCloseable {

		@Override
		void close();

	}

	/**
	 * Takes the lock, or takes it again in the thread that holds it.
	 * @return empty when another process or another thread holds it
	 */
	public synchronized Optional<Hold> tryAcquire() {
		Thread current = Thread.currentThread();
		if (this.owner == current) {
			this.holds++;
			return Optional.of(hold());
		}
		if (this.owner != null) {
			return Optional.empty();
		}
		Optional<StoreLock> acquired = StoreLock.tryAcquire(this.layout.lockFile());
		if (acquired.isEmpty()) {
			return Optional.empty();
		}
		this.lock = acquired.get();
		this.owner = current;
		this.holds = 1;
		return Optional.of(hold());
	}

	/** What a command says when another process holds the lock. */
	public String busyMessage() {
		return "another lottrace process is writing to the store " + this.layout.root()
				+ "; try again when it has finished";
	}

	/** A hold that gives the lock back once, however often it is closed. */
	private Hold hold() {
		java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
		return () -> {
			if (open.getAndSet(false)) {
				release();
			}
		};
	}

	private synchronized void release() {
		if (this.owner != Thread.currentThread() || this.holds == 0) {
			return;
		}
		this.holds--;
		if (this.holds == 0) {
			this.owner = null;
			StoreLock held = this.lock;
			this.lock = null;
			if (held != null) {
				held.close();
			}
		}
	}

}
