package org.lottrace.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.lottrace.report.Manifest;
import org.lottrace.report.TraceAnswers;
import org.lottrace.runs.TraceOutcome;
import org.lottrace.runs.PastStores;
import org.lottrace.trace.RecordRequest;
import org.lottrace.serve.RequestFields.Bounded;
import org.lottrace.serve.RequestFields.Code;
import org.lottrace.serve.RequestFields.Day;
import org.lottrace.serve.RequestFields.DirectionName;
import org.lottrace.serve.RequestFields.Text;
import org.lottrace.trace.TraceRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traces and FDA records requests over HTTP: start one, follow it, list its files
 * ({@link ReportFileController} serves them). Starting checks the request at once
 * ({@link RequestFields}, then its size: {@link TraceRequests}); {@code wait}
 * (milliseconds, up to 30 000) lets a caller have the finished answer in one call.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Traces and reports")
public class TraceController {

	private final TraceRequests requests;

	/** The longest a caller may wait for an answer in one call, in milliseconds. */
	static final long MAX_WAIT = 30_000;

	private final PastStores pastStores;

	public TraceController(TraceRequests requests, PastStores pastStores) {
		this.requests = requests;
		this.pastStores = pastStores;
	}

	/**
	 * A trace request.
	 *
	 * @param lot a traceability lot code or internal lot number (or give {@code product})
	 * @param assigner who assigned the lot code, when several suppliers use it
	 * @param product a product code, with {@code from} and {@code to}
	 * @param from first day (yyyy-MM-dd)
	 * @param to last day (yyyy-MM-dd)
	 * @param direction backward, forward or both (default both)
	 * @param reason why the trace is run
	 * @param asOf answer from the store as it stood then: a snapshot id from a report's
	 * manifest, a day, a local time or a time with offset (as {@code trace --as-of})
	 */
	public record TraceBody(@Code @Nullable String lot, @Code @Nullable String assigner, @Code @Nullable String product,
			@Day @Nullable String from, @Day @Nullable String to, @DirectionName @Nullable String direction,
			@Text @Nullable String reason, @Code @Nullable String asOf) {

	}

	/**
	 * A request for the records of foods over a date range, or of lot codes (21 CFR
	 * 1.1455(c)), now or as the store stood at an earlier moment ({@code asOf}, as in
	 * {@link TraceBody}).
	 */
	public record RecordsBody(@Bounded @Nullable List<@Code String> products,
			@Bounded @Nullable List<@Code String> lots, @Code @Nullable String assigner, @Day @Nullable String from,
			@Day @Nullable String to, @Nullable Boolean allFoods, @Code @Nullable String asOf) {

	}

	/** A file of a finished request. */
	public record FileLink(String name, long bytes, String url) {

	}

	/** Where a request is and, once done, its answers and files. */
	public record RequestView(String id, String kind, String state, Instant submitted, @Nullable Instant finished,
			@Nullable String error, @Nullable String folder, @Nullable TraceAnswers answers, @Nullable Integer records,
			List<FileLink> files) {

	}

	@PostMapping("/traces")
	@Operation(summary = "Start a trace of a lot (or of a product over dates); 404 when the lot is not in the store, "
			+ "422 when a product's dates hold more lots than a trace may start from, 429 when the service is full")
	ResponseEntity<RequestView> trace(@Valid @RequestBody TraceBody body, @RequestParam(defaultValue = "0") long wait) {
		long waitMillis = waitMillis(wait);
		String lot = RequestFields.code(body.lot());
		String product = RequestFields.code(body.product());
		if ((lot != null) == (product != null)) {
			throw new ApiErrors.BadRequest("give either lot or product (with from and to)");
		}
		LocalDate from = RequestFields.day(body.from());
		LocalDate to = RequestFields.day(body.to());
		range(from, to);
		String reason = (body.reason() == null || body.reason().isBlank()) ? null : body.reason().strip();
		TraceRequest request = new TraceRequest(lot, RequestFields.code(body.assigner()), product, from, to,
				RequestFields.direction(body.direction()), reason);
		return started(this.requests.submit(request, asOf(body.asOf())), waitMillis);
	}

	/**
	 * The snapshot id an {@code asOf} names, checked before the request is queued (400 or
	 * 404 when it names none).
	 */
	private @Nullable String asOf(@Nullable String asOf) {
		String value = RequestFields.code(asOf);
		return (value != null) ? Long.toString(this.pastStores.resolve(value).snapshotId()) : null;
	}

	@PostMapping("/reports")
	@Operation(summary = "Start an FDA sortable spreadsheet of the records of foods and dates, or of lot codes; "
			+ "422 when it selects more lots than a request may, 429 when the service is full")
	ResponseEntity<RequestView> records(@Valid @RequestBody RecordsBody body,
			@RequestParam(defaultValue = "0") long wait) {
		long waitMillis = waitMillis(wait);
		LocalDate from = RequestFields.day(body.from());
		LocalDate to = RequestFields.day(body.to());
		range(from, to);
		RecordRequest request = new RecordRequest(RequestFields.codes(body.products()), from, to,
				RequestFields.codes(body.lots()), RequestFields.code(body.assigner()),
				Boolean.TRUE.equals(body.allFoods()));
		if (request.everyFood() && request.from() == null && request.to() == null) {
			throw new ApiErrors.BadRequest("give at least one product or one lot, or a date range");
		}
		return started(this.requests.submit(request, asOf(body.asOf())), waitMillis);
	}

	@GetMapping("/traces")
	@Operation(summary = "The latest traces and records requests, newest first")
	List<RequestView> latest() {
		return this.requests.latest().stream().map(TraceController::view).toList();
	}

	@GetMapping("/traces/{id}")
	@Operation(summary = "Follow a trace or records request: its state, and when done its answers and files")
	RequestView get(@PathVariable String id) {
		return view(entry(id));
	}

	/**
	 * 201 with the answers when done within the wait, 202 while it runs; a request that
	 * went beyond its budget within the wait is answered as the 422 it is.
	 */
	private ResponseEntity<RequestView> started(TraceEntry entry, long wait) {
		entry.await(wait);
		if (entry.failure() instanceof ApiErrors.OverBudget overBudget) {
			throw overBudget;
		}
		RequestView view = view(entry);
		if (entry.state() == TraceEntry.State.RUNNING) {
			return ResponseEntity.accepted().location(URI.create("/api/traces/" + entry.id())).body(view);
		}
		return ResponseEntity.created(URI.create("/api/traces/" + entry.id())).body(view);
	}

	static long waitMillis(long wait) {
		if (wait < 0 || wait > MAX_WAIT) {
			throw new ApiErrors.BadRequest("wait: give milliseconds from 0 to " + MAX_WAIT);
		}
		return wait;
	}

	static void range(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from != null && to != null && from.isAfter(to)) {
			throw new ApiErrors.BadRequest("from: " + from + " is after to: " + to);
		}
	}

	private TraceEntry entry(String id) {
		return this.requests.get(id).orElseThrow(() -> new ApiErrors.NotFound("no request " + id));
	}

	static RequestView view(TraceEntry entry) {
		TraceOutcome outcome = entry.outcome();
		List<FileLink> files = (outcome == null) ? List.of() : files(entry.id(), outcome);
		return new RequestView(entry.id(), entry.kind(), entry.state().name().toLowerCase(Locale.ROOT),
				entry.submitted(), entry.finished(), entry.error(), (outcome != null) ? outcome.folder().name() : null,
				(outcome != null) ? outcome.answers() : null,
				(outcome != null && outcome.records() != null) ? outcome.records().records() : null, files);
	}

	private static List<FileLink> files(String id, TraceOutcome outcome) {
		List<FileLink> links = new java.util.ArrayList<>(outcome.manifest()
			.files()
			.stream()
			.map((f) -> new FileLink(f.path(), f.bytes(), "/api/traces/" + id + "/files/" + f.path()))
			.toList());
		for (String extra : List.of(Manifest.FILE, Manifest.CHECKSUMS)) {
			links.add(new FileLink(extra, size(outcome.folder().file(extra)), "/api/traces/" + id + "/files/" + extra));
		}
		return links;
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
