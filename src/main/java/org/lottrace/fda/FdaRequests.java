package org.lottrace.fda;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lottrace.fda.FdaRequest.Production;
import org.lottrace.fda.FdaRequest.Sending;
import org.lottrace.fda.FdaRequestException.Reason;
import org.lottrace.fda.LogEntry.SentFile;
import org.lottrace.runs.TraceOutcome;
import org.springframework.stereotype.Service;

/**
 * FDA records requests and their 24-hour clock: logged when they arrive, their
 * spreadsheet produced, then marked sent with the files sent and their SHA-256. Every
 * change is a line appended to the {@link RequestLog}, checked against the log as it is
 * at that moment: a request is produced and sent only once it exists, and nothing is
 * changed once it was sent.
 */
@Service
public class FdaRequests {

	/** A request may be logged as arrived a little ahead of this machine's clock. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private static final int MAX_TEXT = 500;

	private final RequestLog log;

	private final Duration deadline;

	private final Clock clock;

	public FdaRequests(FdaRequestProperties properties, Clock clock) {
		this.log = new RequestLog(properties.log());
		this.deadline = properties.deadline();
		this.clock = clock;
	}

	/** Every request, newest first. */
	public List<FdaRequest> list() {
		List<FdaRequest> requests = new ArrayList<>(fold(this.log.read()).values());
		Collections.reverse(requests);
		return requests;
	}

	public Optional<FdaRequest> get(String id) {
		return Optional.ofNullable(fold(this.log.read()).get(id));
	}

	public Path file() {
		return this.log.file();
	}

	/**
	 * Logs a request that arrived, which starts its clock.
	 * @param by who logs it
	 * @throws FdaRequestException when it names nothing or a time is wrong
	 */
	public FdaRequest log(NewRequest request, String by) {
		Instant now = this.clock.instant();
		String requester = required("requester", request.requester());
		String note = text("note", request.note());
		if (!request.scope().names()) {
			throw invalid("give the foods (products) and dates, or the lot codes, FDA asked for");
		}
		if (request.scope().from() != null && request.scope().to() != null
				&& request.scope().from().isAfter(request.scope().to())) {
			throw invalid("from: " + request.scope().from() + " is after to: " + request.scope().to());
		}
		Instant received = (request.receivedAt() != null) ? request.receivedAt() : now;
		if (received.isAfter(now.plus(CLOCK_SKEW))) {
			throw invalid("receivedAt: " + received + " is in the future");
		}
		Instant due = (request.deadline() != null) ? request.deadline() : received.plus(this.deadline);
		if (!due.isAfter(received)) {
			throw invalid("deadline: " + due + " is not after the time the request arrived, " + received);
		}
		LogEntry entry = this.log.append((entries) -> LogEntry.received(nextId(entries, now), now, by, requester,
				received, due, request.scope(), note));
		return FdaRequest.received(entry);
	}

	/**
	 * Logs the spreadsheet produced for a request (a later one replaces an earlier one
	 * until the request is sent).
	 * @throws FdaRequestException when the request is unknown or was sent
	 */
	public FdaRequest produced(String id, TraceOutcome outcome, String by) {
		int records = (outcome.records() != null) ? outcome.records().records() : 0;
		int gaps = (outcome.records() != null) ? outcome.records().gaps().size() : 0;
		return produced(id, outcome.folder().path(), records, gaps, by);
	}

	/**
	 * Logs the spreadsheet produced for a request into a report folder.
	 * @param records how many records it holds
	 * @param gaps how many gaps its scope has
	 * @throws FdaRequestException when the request is unknown or was sent
	 */
	public FdaRequest produced(String id, Path folder, int records, int gaps, String by) {
		String path = folder.toAbsolutePath().normalize().toString();
		this.log.append((entries) -> {
			FdaRequest request = existing(entries, id);
			Sending sending = request.sending();
			if (sending != null) {
				throw conflict(
						"request " + id + " was sent on " + sending.at() + "; log a new request for more records");
			}
			return LogEntry.produced(id, this.clock.instant(), by, path, records, gaps);
		});
		return get(id).orElseThrow();
	}

	/**
	 * Checks that a request can be produced now, before its work starts.
	 * @throws FdaRequestException when the request is unknown or was sent
	 */
	public FdaRequest producible(String id) {
		FdaRequest request = get(id).orElseThrow(() -> notFound(id));
		Sending sending = request.sending();
		if (sending != null) {
			throw conflict("request " + id + " was sent on " + sending.at() + "; log a new request for more records");
		}
		return request;
	}

	/**
	 * Logs that the spreadsheet produced for a request was sent, with each file sent and
	 * its SHA-256 as the report folder's manifest lists it, after checking that the files
	 * are still what the manifest says.
	 * @param files the names of the files sent; empty for every file of the folder
	 * @throws FdaRequestException when the request is unknown, not produced, sent
	 * already, a file is not in the folder or changed since it was produced
	 */
	public FdaRequest sent(String id, @Nullable String to, List<String> files, String by) {
		String recipient = required("to", to);
		this.log.append((entries) -> {
			FdaRequest request = existing(entries, id);
			Sending sending = request.sending();
			if (sending != null) {
				throw conflict("request " + id + " was sent already, on " + sending.at());
			}
			Production production = request.production();
			if (production == null) {
				throw conflict("request " + id + " has no spreadsheet yet: produce it first");
			}
			String folder = production.folder();
			List<SentFile> sent = SentFiles.of(Path.of(folder), files, id);
			return LogEntry.sent(id, this.clock.instant(), by, folder, recipient, sent);
		});
		return get(id).orElseThrow();
	}

	private static Map<String, FdaRequest> fold(List<LogEntry> entries) {
		Map<String, FdaRequest> requests = new LinkedHashMap<>();
		for (LogEntry entry : entries) {
			if (LogEntry.RECEIVED.equals(entry.event())) {
				requests.putIfAbsent(entry.request(), FdaRequest.received(entry));
			}
			else if (requests.containsKey(entry.request())) {
				requests.put(entry.request(), requests.get(entry.request()).with(entry));
			}
		}
		return requests;
	}

	private static FdaRequest existing(List<LogEntry> entries, String id) {
		FdaRequest request = fold(entries).get(id);
		if (request == null) {
			throw notFound(id);
		}
		return request;
	}

	/** {@code FDA-2026-001}: the year it was logged, then the count of that year. */
	private static String nextId(List<LogEntry> entries, Instant now) {
		String prefix = "FDA-" + now.atZone(ZoneId.systemDefault()).getYear() + "-";
		long count = entries.stream()
			.filter((e) -> LogEntry.RECEIVED.equals(e.event()) && e.request().startsWith(prefix))
			.count();
		return prefix + String.format(java.util.Locale.ROOT, "%03d", count + 1);
	}

	private static String required(String field, @Nullable String value) {
		String text = text(field, value);
		if (text == null) {
			throw invalid(field + ": required");
		}
		return text;
	}

	private static @Nullable String text(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String text = value.strip();
		if (text.length() > MAX_TEXT) {
			throw invalid(field + ": at most " + MAX_TEXT + " characters");
		}
		if (text.codePoints().anyMatch((c) -> c != '\t' && Character.isISOControl(c))) {
			throw invalid(field + ": control characters (such as NUL or a line break) are not allowed");
		}
		return text;
	}

	static FdaRequestException invalid(String message) {
		return new FdaRequestException(Reason.INVALID, message);
	}

	static FdaRequestException conflict(String message) {
		return new FdaRequestException(Reason.CONFLICT, message);
	}

	private static FdaRequestException notFound(String id) {
		return new FdaRequestException(Reason.NOT_FOUND, "no FDA request " + id);
	}

}
