package org.lottrace.serve;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestResult;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ingestion history and its rejects, and a way to run the inbox ingestion now. */
@RestController
@RequestMapping("/api/ingestions")
@Tag(name = "Ingestion")
public class IngestionController {

	private final IngestionHistory history;

	private final InboxIngestion ingestion;

	public IngestionController(IngestionHistory history, InboxIngestion ingestion) {
		this.history = history;
		this.ingestion = ingestion;
	}

	/** One file of an inbox run. */
	public record FileView(String file, String source, String status, long read, long written, long rejected,
			long pending, long superseded, @Nullable String error, @Nullable Long ingestion) {

	}

	/** An inbox run. */
	public record RunView(String trigger, Instant started, long elapsedMillis, boolean succeeded, List<FileView> files,
			List<FileView> resolutions, List<String> waiting, @Nullable String error) {

		static RunView of(InboxRun run) {
			return new RunView(run.trigger(), run.started(), run.elapsed().toMillis(), run.succeeded(),
					run.results().stream().map(RunView::file).toList(),
					run.resolutions().stream().map(RunView::file).toList(), run.waiting(), run.error());
		}

		private static FileView file(IngestResult r) {
			return new FileView(r.file().getFileName().toString(), r.source(),
					r.status().name().toLowerCase(java.util.Locale.ROOT), r.read(), r.written(), r.rejected(),
					r.pending(), r.superseded(), r.error(), r.jobExecutionId());
		}

	}

	@GetMapping
	@Operation(summary = "The latest ingestions (one per export file), newest first, with their counts and rejects")
	List<IngestionHistory.Run> latest(@RequestParam(defaultValue = "20") int limit) {
		if (limit < 1 || limit > 1000) {
			throw new ApiErrors.BadRequest("limit: give a number from 1 to 1000");
		}
		return this.history.latest(limit);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One ingestion")
	IngestionHistory.Run get(@PathVariable long id) {
		return this.history.find(id).orElseThrow(() -> new ApiErrors.NotFound("no ingestion " + id));
	}

	@GetMapping("/{id}/rejects")
	@Operation(summary = "The rejected rows of an ingestion (CSV: source, file, line, field, value, reason)")
	ResponseEntity<Resource> rejects(@PathVariable long id) {
		IngestionHistory.Run run = get(id);
		if (run.rejectsFile() == null) {
			throw new ApiErrors.NotFound("ingestion " + id + " rejected no rows");
		}
		return csv(Path.of(run.rejectsFile()));
	}

	@GetMapping("/{id}/pending")
	@Operation(summary = "The rows of an ingestion held as pending, as they were when it ran (CSV: source, file, line, "
			+ "field, value, waits_for, reason, row); GET /api/pending lists those still waiting")
	ResponseEntity<Resource> pending(@PathVariable long id) {
		IngestionHistory.Run run = get(id);
		if (run.pendingFile() == null) {
			throw new ApiErrors.NotFound("ingestion " + id + " held no row as pending");
		}
		return csv(Path.of(run.pendingFile()));
	}

	private static ResponseEntity<Resource> csv(Path file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.getFileName().toString()).build().toString())
			.body(new FileSystemResource(file));
	}

	@GetMapping("/inbox")
	@Operation(summary = "The latest inbox run (scheduled, at start-up or requested)")
	ResponseEntity<RunView> lastRun() {
		InboxRun last = this.ingestion.last();
		return (last != null) ? ResponseEntity.ok(RunView.of(last)) : ResponseEntity.noContent().build();
	}

	@PostMapping("/inbox")
	@Operation(summary = "Ingest what waits in the inbox now")
	RunView runNow() {
		return RunView.of(this.ingestion.run("request"));
	}

}
