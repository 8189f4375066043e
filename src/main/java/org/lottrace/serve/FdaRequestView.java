package org.lottrace.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.fda.FdaRequest;
import org.lottrace.fda.FdaRequest.Production;
import org.lottrace.fda.FdaRequest.Sending;
import org.lottrace.fda.LogEntry.SentFile;
import org.lottrace.report.Manifest;

/**
 * An FDA records request as the API shows it: its scope, its clock (deadline, seconds
 * left, overdue), where it is, the spreadsheet produced with links to its files, the work
 * under way, and what was sent.
 *
 * @param subject the scope in words
 * @param secondsLeft seconds until the deadline, negative once it passed
 * @param overdue whether it is still open after its deadline
 * @param status {@code received}, {@code produced} or {@code sent}
 * @param producing the spreadsheet being produced, or the last attempt that failed, in
 * this run of the service
 */
record FdaRequestView(String id, String requester, String subject, List<String> products, List<String> lots,
		@Nullable String assigner, @Nullable LocalDate from, @Nullable LocalDate to, boolean allFoods,
		Instant receivedAt, Instant deadline, long secondsLeft, boolean overdue, String status, String loggedBy,
		Instant loggedAt, @Nullable String note, @Nullable ProducedView produced, @Nullable ProducingView producing,
		@Nullable SentView sent) {

	/**
	 * The spreadsheet produced.
	 *
	 * @param folder the report folder's name
	 * @param gaps gaps in its scope (rows rejected or pending, missing KDEs)
	 */
	record ProducedView(Instant at, String by, String folder, int records, int gaps,
			List<TraceController.FileLink> files) {

	}

	/** Production under way, or its last failure. */
	record ProducingView(String traceId, String state, @Nullable String error) {

	}

	/** What was sent, and whether after the deadline. */
	record SentView(Instant at, String by, String to, boolean late, List<SentFile> files) {

	}

	static FdaRequestView of(FdaRequest r, Instant now, FdaProduction.@Nullable Work work) {
		return new FdaRequestView(r.id(), r.requester(), r.scope().describe(), r.scope().products(), r.scope().lots(),
				r.scope().assigner(), r.scope().from(), r.scope().to(), r.scope().allFoods(), r.receivedAt(),
				r.deadline(), r.timeLeft(now).toSeconds(), r.overdue(now), r.status().code(), r.loggedBy(),
				r.loggedAt(), r.note(), produced(r.id(), r.production()), producing(r, work), sent(r));
	}

	private static @Nullable ProducedView produced(String id, @Nullable Production production) {
		if (production == null) {
			return null;
		}
		Path folder = Path.of(production.folder());
		return new ProducedView(production.at(), production.by(), folder.getFileName().toString(), production.records(),
				production.gaps(), files(id, folder));
	}

	private static List<TraceController.FileLink> files(String id, Path folder) {
		if (!Files.isRegularFile(folder.resolve(Manifest.FILE))) {
			return List.of();
		}
		List<TraceController.FileLink> links = new ArrayList<>();
		for (Manifest.FileEntry file : Manifest.read(folder).files()) {
			links.add(new TraceController.FileLink(file.path(), file.bytes(),
					"/api/fda-requests/" + id + "/files/" + file.path()));
		}
		links.add(new TraceController.FileLink(Manifest.FILE, folder.resolve(Manifest.FILE).toFile().length(),
				"/api/fda-requests/" + id + "/files/" + Manifest.FILE));
		return links;
	}

	/**
	 * Work under way, or a failure newer than the latest production: older attempts are
	 * history.
	 */
	private static @Nullable ProducingView producing(FdaRequest r, FdaProduction.@Nullable Work work) {
		if (work == null || !r.open()) {
			return null;
		}
		TraceEntry entry = work.entry();
		if (entry.state() == TraceEntry.State.RUNNING) {
			return new ProducingView(entry.id(), "running", null);
		}
		boolean newer = r.production() == null
				|| (entry.finished() != null && entry.finished().isAfter(r.production().at()));
		return (entry.state() == TraceEntry.State.FAILED && newer)
				? new ProducingView(entry.id(), "failed", entry.error()) : null;
	}

	private static @Nullable SentView sent(FdaRequest r) {
		Sending sending = r.sending();
		return (sending != null) ? new SentView(sending.at(), sending.by(), sending.to(), r.sentLate(), sending.files())
				: null;
	}

}
