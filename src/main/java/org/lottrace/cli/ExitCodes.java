package org.lottrace.cli;

/** Exit codes that scripts can rely on. */
public final class ExitCodes {

	/** Everything done. */
	public static final int OK = 0;

	/** Something failed: an export could not be ingested, a job failed, an I/O error. */
	public static final int FAILED = 1;

	/**
	 * The command line or the configuration is wrong: an unknown option, a missing file,
	 * an invalid mapping.
	 */
	public static final int USAGE = 2;

	/**
	 * Done, but rows were rejected or are pending (see the rejects and pending files).
	 */
	public static final int REJECTS = 3;

	/**
	 * The lot or product asked for is not in the store; or a command that only reads the
	 * store found none at {@code --store} (or one with nothing ingested).
	 */
	public static final int NOT_FOUND = 4;

	/**
	 * Another lottrace process is in the way: it ingests or rebuilds the trace index,
	 * holds the trace index, or has the job repository open; try again later.
	 */
	public static final int BUSY = 5;

	/**
	 * Done, but the answer is incomplete: rows in its scope were rejected or are pending,
	 * inputs could not be linked, KDEs are missing (every gap is listed).
	 */
	public static final int INCOMPLETE = 6;

	private ExitCodes() {
	}

}
