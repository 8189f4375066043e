package org.lottrace.serve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.lottrace.report.Manifest;
import org.lottrace.runs.TraceOutcome;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Downloads of the files of a finished request. Only the files its manifest lists (and
 * the manifest and checksums themselves) are served, and only as regular files whose real
 * path lies inside the request's report folder, opened without following links: a
 * symbolic link placed in a report folder, or a name that climbs out of it, is "not
 * found".
 */
@RestController
@Tag(name = "Traces and reports")
public class ReportFileController {

	private final TraceRequests requests;

	public ReportFileController(TraceRequests requests) {
		this.requests = requests;
	}

	@GetMapping("/api/traces/{id}/files/{*name}")
	@Operation(
			summary = "Download a file of a finished request (a name its files list gives, e.g. csv/fda-shipping.csv)")
	ResponseEntity<InputStreamResource> file(@PathVariable String id,
			@Parameter(description = "the file's path in the report folder") @PathVariable String name)
			throws IOException {
		TraceEntry entry = this.requests.get(id).orElseThrow(() -> new ApiErrors.NotFound("no request " + id));
		TraceOutcome outcome = entry.outcome();
		if (outcome == null) {
			throw new ApiErrors.NotFound("request " + id + " has no files (state "
					+ entry.state().name().toLowerCase(java.util.Locale.ROOT) + ")");
		}
		String relative = name.startsWith("/") ? name.substring(1) : name;
		Path file = find(outcome, relative)
			.orElseThrow(() -> new ApiErrors.NotFound("no file '" + relative + "' in the reports of request " + id));
		return download(file);
	}

	/** A file of a report folder as a download (HTML, SVG and JSON shown inline). */
	static ResponseEntity<InputStreamResource> download(Path file) throws IOException {
		InputStream content = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS);
		String fileName = file.getFileName().toString();
		boolean inline = fileName.endsWith(".html") || fileName.endsWith(".svg") || fileName.endsWith(".json");
		return ResponseEntity.ok()
			.contentType(MediaTypeFactory.getMediaType(fileName).orElse(MediaType.APPLICATION_OCTET_STREAM))
			.contentLength(Files.size(file))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(fileName)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}

	/**
	 * The real path of a file of the outcome's folder, if {@code name} is one of its
	 * listed files and is a regular file, not a link, inside the folder.
	 */
	static Optional<Path> find(TraceOutcome outcome, String name) throws IOException {
		return find(outcome.folder().path(), outcome.manifest(), name);
	}

	/**
	 * The real path of a file of a report folder, if {@code name} is one of the files its
	 * manifest lists and is a regular file, not a link, inside the folder.
	 */
	static Optional<Path> find(Path reportFolder, Manifest manifest, String name) throws IOException {
		Set<String> listed = new HashSet<>(Set.of(Manifest.FILE, Manifest.CHECKSUMS));
		manifest.files().forEach((f) -> listed.add(f.path()));
		if (!listed.contains(name) || name.contains("\\") || name.indexOf('\0') >= 0) {
			return Optional.empty();
		}
		Path folder = reportFolder.toAbsolutePath().normalize();
		Path file = folder.resolve(name).normalize();
		if (!file.startsWith(folder) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			return Optional.empty();
		}
		Path real = file.toRealPath();
		return real.startsWith(folder.toRealPath()) ? Optional.of(real) : Optional.empty();
	}

}
