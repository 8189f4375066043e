package org.lottrace.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Report files written side by side, each group on a thread of its own, and how long each
 * file took. The files of a report do not depend on each other: on two cores a trace's
 * summary page is written while the spreadsheet is, and a records request's EPCIS
 * document (hundreds of megabytes for two years of a product) while the spreadsheet's
 * workbook and CSV files are. Not thread-safe: one thread starts the groups and waits for
 * them.
 */
final class SideBySide {

	private final String name;

	private final List<FutureTask<Map<String, Long>>> groups = new ArrayList<>();

	/**
	 * @param name names the threads ({@code name-1}, {@code name-2}, ...)
	 */
	SideBySide(String name) {
		this.name = name;
	}

	/** A group of files written one after the other on a thread of their own. */
	interface Group {

		void write(Map<String, Long> timings);

	}

	void start(Group group) {
		FutureTask<Map<String, Long>> task = new FutureTask<>(() -> {
			Map<String, Long> timings = new LinkedHashMap<>();
			group.write(timings);
			return timings;
		});
		this.groups.add(task);
		Thread thread = new Thread(task, this.name + "-" + this.groups.size());
		thread.setDaemon(true);
		thread.start();
	}

	/**
	 * Writes a group on this thread while the started ones are written, then waits for
	 * them.
	 * @return the timings of this group, then those of the started groups
	 */
	Map<String, Long> writeHere(Group here) {
		Map<String, Long> timings = new LinkedHashMap<>();
		try {
			here.write(timings);
		}
		catch (RuntimeException | Error ex) {
			try {
				finish();
			}
			catch (RuntimeException | Error other) {
				ex.addSuppressed(other);
			}
			throw ex;
		}
		timings.putAll(finish());
		return timings;
	}

	/**
	 * Waits for every group, also when interrupted (the files are being written: they
	 * finish rather than stay half-written), and throws what the first failed group
	 * threw.
	 * @return the groups' timings, in the order the groups were started
	 */
	private Map<String, Long> finish() {
		Map<String, Long> timings = new LinkedHashMap<>();
		RuntimeException failed = null;
		boolean interrupted = false;
		for (FutureTask<Map<String, Long>> group : this.groups) {
			while (true) {
				try {
					timings.putAll(group.get());
					break;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof Error error) {
						throw error;
					}
					if (failed == null) {
						failed = (ex.getCause() instanceof RuntimeException runtime) ? runtime
								: new IllegalStateException(ex.getCause());
					}
					break;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
		if (failed != null) {
			throw failed;
		}
		return timings;
	}

}
