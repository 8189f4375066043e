package org.lottrace.fda;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One line of the request log: a request received, its records produced, or sent. Lines
 * are only ever appended; the state of a request is what its lines say, in order.
 *
 * @param event {@link #RECEIVED}, {@link #PRODUCED} or {@link #SENT}
 * @param request the request's id ({@code FDA-2026-001})
 * @param at when the line was written
 * @param by the signed-in user (or the command line's user) who acted
 * @param requester received: who asked, as they gave it (agency, person, phone or email)
 * @param receivedAt received: when the request arrived, which starts its clock
 * @param deadline received: when its records are due
 * @param scope received: what was asked for
 * @param note received: anything else said with the request
 * @param folder produced and sent: the report folder of the spreadsheet
 * @param records produced: how many records it holds
 * @param gaps produced: how many gaps its scope has (rows rejected or pending, missing
 * KDEs)
 * @param sentTo sent: to whom, and how
 * @param files sent: the files sent, with their size and SHA-256
 */
public record LogEntry(String event, String request, Instant at, String by, @Nullable String requester,
		@Nullable Instant receivedAt, @Nullable Instant deadline, @Nullable RequestScope scope, @Nullable String note,
		@Nullable String folder, @Nullable Integer records, @Nullable Integer gaps, @Nullable String sentTo,
		@Nullable List<SentFile> files) {

	public static final String RECEIVED = "received", PRODUCED = "produced", SENT = "sent";

	/** A file sent, as its report folder's manifest lists it. */
	public record SentFile(String path, long bytes, String sha256) {

	}

	/**
	 * Whether the line has every field its event needs (a line written by lottrace always
	 * has; the log is read without the lines that do not).
	 */
	boolean complete() {
		return switch (this.event) {
			case RECEIVED ->
				this.requester != null && this.receivedAt != null && this.deadline != null && this.scope != null;
			case PRODUCED -> this.folder != null;
			case SENT -> this.folder != null && this.sentTo != null;
			default -> true;
		};
	}

	static LogEntry received(String request, Instant at, String by, String requester, Instant receivedAt,
			Instant deadline, RequestScope scope, @Nullable String note) {
		return new LogEntry(RECEIVED, request, at, by, requester, receivedAt, deadline, scope, note, null, null, null,
				null, null);
	}

	static LogEntry produced(String request, Instant at, String by, String folder, int records, int gaps) {
		return new LogEntry(PRODUCED, request, at, by, null, null, null, null, null, folder, records, gaps, null, null);
	}

	static LogEntry sent(String request, Instant at, String by, String folder, String sentTo, List<SentFile> files) {
		return new LogEntry(SENT, request, at, by, null, null, null, null, null, folder, null, null, sentTo, files);
	}

}
