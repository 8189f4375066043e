package org.lottrace.fda;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.lottrace.fda.LogEntry.SentFile;

/**
 * An FDA records request as its log lines leave it: received, then produced (the
 * spreadsheet written; again if produced once more), then sent.
 *
 * @param loggedBy who logged it
 * @param receivedAt when it arrived: its clock starts then
 * @param deadline when its records are due (24 hours after it arrived, unless FDA agreed
 * to a later time)
 * @param production the latest spreadsheet produced for it, or {@code null}
 * @param sending what was sent, or {@code null} while not sent
 */
public record FdaRequest(String id, String requester, RequestScope scope, Instant receivedAt, Instant deadline,
		String loggedBy, Instant loggedAt, @Nullable String note, @Nullable Production production,
		@Nullable Sending sending) {

	/** Where a request is. */
	public enum Status {

		RECEIVED, PRODUCED, SENT;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** A spreadsheet produced for the request. */
	public record Production(Instant at, String by, String folder, int records, int gaps) {

	}

	/** What was sent, to whom, when. */
	public record Sending(Instant at, String by, String to, String folder, List<SentFile> files) {

	}

	public Status status() {
		return (this.sending != null) ? Status.SENT : (this.production != null) ? Status.PRODUCED : Status.RECEIVED;
	}

	/** Whether it still waits to be sent. */
	public boolean open() {
		return this.sending == null;
	}

	/** Time until the deadline: negative once it has passed. */
	public Duration timeLeft(Instant now) {
		return Duration.between(now, this.deadline);
	}

	/** Whether it is still open after its deadline. */
	public boolean overdue(Instant now) {
		return open() && now.isAfter(this.deadline);
	}

	/** Whether it was sent after its deadline. */
	public boolean sentLate() {
		return this.sending != null && this.sending.at().isAfter(this.deadline);
	}

	static FdaRequest received(LogEntry entry) {
		// the log holds only complete lines (LogEntry.complete)
		return new FdaRequest(entry.request(), Objects.requireNonNull(entry.requester()),
				Objects.requireNonNull(entry.scope()), Objects.requireNonNull(entry.receivedAt()),
				Objects.requireNonNull(entry.deadline()), entry.by(), entry.at(), entry.note(), null, null);
	}

	/** This request after a later line of its log. */
	FdaRequest with(LogEntry entry) {
		return switch (entry.event()) {
			case LogEntry.PRODUCED -> new FdaRequest(this.id, this.requester, this.scope, this.receivedAt,
					this.deadline, this.loggedBy, this.loggedAt, this.note, new Production(entry.at(), entry.by(),
							Objects.requireNonNull(entry.folder()), value(entry.records()), value(entry.gaps())),
					this.sending);
			case LogEntry.SENT -> new FdaRequest(this.id, this.requester, this.scope, this.receivedAt, this.deadline,
					this.loggedBy, this.loggedAt, this.note, this.production,
					new Sending(entry.at(), entry.by(), Objects.requireNonNull(entry.sentTo()),
							Objects.requireNonNull(entry.folder()),
							(entry.files() != null) ? entry.files() : List.of()));
			default -> this;
		};
	}

	private static int value(@Nullable Integer number) {
		return (number != null) ? number : 0;
	}

}
