package org.lottrace.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.lottrace.report.Manifest;
import org.lottrace.report.TraceAnswers;
import org.lottrace.report.TraceOutcome;
import org.lottrace.trace.Direction;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.TraceRequest;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Traces and FDA records requests over HTTP: start one, follow it, list and download its
 * files. Starting checks the request at once; {@code wait} (milliseconds, up to 30 000)
 * lets a caller have the finished answer in one call.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Traces and reports")
public class TraceController {

	private static final long MAX_WAIT = 30_000;

	private final TraceRequests requests;

	public TraceController(TraceRequests requests) {
		this.requests = requests;
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
	 */
	public record TraceBody(@Nullable String lot, @Nullable String assigner, @Nullable String product,
			@Nullable String from, @Nullable String to, @Nullable String direction, @Nullable String reason) {

	}

	/**
	 * A request for the records of foods over a date range, or of lot codes (21 CFR
	 * 1.1455(c)).
	 */
	public record RecordsBody(@Nullable List<String> products, @Nullable List<String> lots, @Nullable String assigner,
			@Nullable String from, @Nullable String to, @Nullable Boolean allFoods) {

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
	@Operation(summary = "Start a trace of a lot (or of a product over dates); 404 when the lot is not in the store")
	ResponseEntity<RequestView> trace(@RequestBody TraceBody body, @RequestParam(defaultValue = "0") long wait) {
		boolean hasLot = body.lot() != null && !body.lot().isBlank();
		boolean hasProduct = body.product() != null && !body.product().isBlank();
		if (hasLot == hasProduct) {
			throw new ApiErrors.BadRequest("give either lot or product (with from and to)");
		}
		TraceRequest request = new TraceRequest(hasLot ? body.lot().trim() : null, blankToNull(body.assigner()),
				hasProduct ? body.product().trim() : null, date("from", body.from()), date("to", body.to()),
				direction(body.direction()), blankToNull(body.reason()));
		return started(this.requests.submit(request), wait);
	}

	@PostMapping("/reports")
	@Operation(summary = "Start an FDA sortable spreadsheet of the records of foods and dates, or of lot codes")
	ResponseEntity<RequestView> records(@RequestBody RecordsBody body, @RequestParam(defaultValue = "0") long wait) {
		RecordRequest request = new RecordRequest(clean(body.products()), date("from", body.from()),
				date("to", body.to()), clean(body.lots()), blankToNull(body.assigner()),
				Boolean.TRUE.equals(body.allFoods()));
		if (request.everyFood() && request.from() == null && request.to() == null) {
			throw new ApiErrors.BadRequest("give at least one product or one lot, or a date range");
		}
		return started(this.requests.submit(request), wait);
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

	@GetMapping("/traces/{id}/files/**")
	@Operation(summary = "Download a file of a finished request")
	ResponseEntity<Resource> file(@PathVariable String id, HttpServletRequest http) {
		TraceOutcome outcome = entry(id).outcome();
		if (outcome == null) {
			throw new ApiErrors.NotFound("request " + id + " has no files yet (state " + entry(id).state() + ")");
		}
		String prefix = "/api/traces/" + id + "/files/";
		String name = http.getRequestURI().substring(http.getRequestURI().indexOf(prefix) + prefix.length());
		Path folder = outcome.folder().path().toAbsolutePath().normalize();
		Path file = folder.resolve(java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8))
			.normalize();
		if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
			throw new ApiErrors.NotFound("no file '" + name + "' in the reports of request " + id);
		}
		MediaType type = MediaTypeFactory.getMediaType(file.getFileName().toString())
			.orElse(MediaType.APPLICATION_OCTET_STREAM);
		boolean inline = name.endsWith(".html") || name.endsWith(".svg") || name.endsWith(".json");
		ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
			.filename(file.getFileName().toString())
			.build();
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.body(new FileSystemResource(file));
	}

	private ResponseEntity<RequestView> started(TraceRequests.Entry entry, long wait) {
		entry.await(Math.max(0, Math.min(MAX_WAIT, wait)));
		RequestView view = view(entry);
		if (entry.state() == TraceRequests.State.RUNNING) {
			return ResponseEntity.accepted().location(URI.create("/api/traces/" + entry.id())).body(view);
		}
		return ResponseEntity.created(URI.create("/api/traces/" + entry.id())).body(view);
	}

	private TraceRequests.Entry entry(String id) {
		return this.requests.get(id).orElseThrow(() -> new ApiErrors.NotFound("no request " + id));
	}

	static RequestView view(TraceRequests.Entry entry) {
		TraceOutcome outcome = entry.outcome();
		List<FileLink> files = (outcome == null) ? List.of() : files(entry.id(), outcome);
		return new RequestView(entry.id(), entry.kind(), entry.state().name().toLowerCase(Locale.ROOT),
				entry.submitted(), entry.finished(), entry.error(), (outcome != null) ? outcome.folder().name() : null,
				(outcome != null && outcome.findings() != null) ? TraceAnswers.of(outcome.findings()) : null,
				(outcome != null && outcome.records() != null) ? outcome.records().events().size() : null, files);
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

	private static @Nullable LocalDate date(String name, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			throw new ApiErrors.BadRequest(name + ": '" + text + "' is not a date; use yyyy-MM-dd");
		}
	}

	private static Direction direction(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return Direction.BOTH;
		}
		try {
			return Direction.valueOf(text.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ApiErrors.BadRequest("direction: '" + text + "' is not one of backward, forward, both");
		}
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	private static List<String> clean(@Nullable List<String> values) {
		return (values == null) ? List.of()
				: values.stream().filter((v) -> v != null && !v.isBlank()).map(String::trim).toList();
	}

}
