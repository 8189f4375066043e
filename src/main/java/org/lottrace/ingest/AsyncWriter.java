package org.lottrace.ingest;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Hands batches of items to one background thread, so that parsing and validating (the
 * step's thread) and Parquet encoding and compression (this thread) use both cores. The
 * queue is short: a slow writer slows the reader down, so memory stays flat however large
 * the file. A failure on the writer thread is rethrown to the producer.
 */
final class AsyncWriter<T> {

	private static final List<Object> END = List.of();

	private final BlockingQueue<List<? extends T>> queue;

	private final Consumer<T> sink;

	private final Thread thread;

	private volatile @Nullable Throwable failure;

	AsyncWriter(String name, int depth, Consumer<T> sink) {
		this.queue = new ArrayBlockingQueue<>(depth);
		this.sink = sink;
		this.thread = new Thread(this::run, name);
		this.thread.setDaemon(true);
		this.thread.start();
	}

	@SuppressWarnings("unchecked")
	private void run() {
		try {
			while (true) {
				List<? extends T> batch = this.queue.take();
				if (batch == (Object) END) {
					return;
				}
				for (T item : batch) {
					this.sink.accept(item);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Throwable ex) {
			this.failure = ex;
		}
	}

	void submit(List<? extends T> batch) {
		put(batch);
	}

	/** Waits until everything submitted is written. */
	@SuppressWarnings("unchecked")
	void finish() {
		put((List<? extends T>) (Object) END);
		try {
			this.thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while finishing the Parquet files", ex);
		}
		rethrow();
	}

	/** Stops the thread without writing what is queued. */
	void abort() {
		this.thread.interrupt();
	}

	private void put(List<? extends T> batch) {
		try {
			while (!this.queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
				rethrow();
				if (!this.thread.isAlive()) {
					throw new IllegalStateException("The Parquet writer thread stopped");
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while writing", ex);
		}
		rethrow();
	}

	private void rethrow() {
		Throwable ex = this.failure;
		if (ex instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (ex instanceof Error error) {
			throw error;
		}
		if (ex != null) {
			throw new IllegalStateException(ex);
		}
	}

}
