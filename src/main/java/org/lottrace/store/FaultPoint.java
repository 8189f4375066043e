package org.lottrace.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * Named points of the write path where the fault tests stop a real lottrace process: a
 * kill -9 at an exact phase (mid-ingestion, between the moves of a commit, inside an
 * index refresh) shows that the store recovers from each, and a process held at a point
 * shows what another process meets meanwhile. Inert unless the system property
 * {@value #PROPERTY} names the point: {@code commit.moved} halts the process there,
 * {@code commit.moved@2} at the second time it gets there, {@code commit.moved:wait}
 * holds it there (it says so on standard error) until it is killed.
 * <p>
 * The points: {@code ingest.chunk} (a chunk of an export written to staging),
 * {@code ingest.staged} (its staging manifest written), {@code commit.moved} (one file
 * moved into the store), {@code commit.logged} (the store's commit written, the Iceberg
 * commit not yet made), {@code commit.written} (both commits made, the job not yet
 * completed), {@code ingest.done} (the command's ingestions done, the trace index not yet
 * refreshed), {@code index.applying} (inside the refresh's transaction, the new events
 * loaded).
 */
public final class FaultPoint {

	/** The system property that names the point. */
	public static final String PROPERTY = "lottrace.fault";

	/** What a held process prints on standard error, followed by the point's name. */
	public static final String WAITING = "lottrace: held at fault point ";

	/** The exit code of a process stopped at a point, as after a kill -9. */
	public static final int HALTED = 137;

	private static final @Nullable String SETTING = System.getProperty(PROPERTY);

	private static final ConcurrentHashMap<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

	private FaultPoint() {
	}

	/** Marks that the process reached a point; stops or holds it there if told to. */
	public static void reach(String point) {
		String setting = SETTING;
		if (setting == null || !setting.startsWith(point)) {
			return;
		}
		String rest = setting.substring(point.length());
		boolean hold = rest.endsWith(":wait");
		rest = hold ? rest.substring(0, rest.length() - ":wait".length()) : rest;
		int nth = rest.startsWith("@") ? Integer.parseInt(rest.substring(1)) : rest.isEmpty() ? 1 : -1;
		if (nth < 1 || REACHED.computeIfAbsent(point, (p) -> new AtomicInteger()).incrementAndGet() != nth) {
			return;
		}
		if (hold) {
			System.err.println(WAITING + point);
			System.err.flush();
			while (true) {
				try {
					Thread.sleep(60_000);
				}
				catch (InterruptedException ex) {
					// held until killed
				}
			}
		}
		Runtime.getRuntime().halt(HALTED);
	}

}
