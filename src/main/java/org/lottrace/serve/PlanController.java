package org.lottrace.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lottrace.plan.TraceabilityPlans;
import org.lottrace.plan.TraceabilityPlans.PlanUpdate;
import org.lottrace.plan.TraceabilityPlans.PlanVersion;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The traceability plan (§ 1.1315): the current one, brought up to date with the
 * configuration when asked for (a new version is written only when what it says changed),
 * and every earlier version, which is kept.
 */
@RestController
@Tag(name = "Traceability plan")
public class PlanController {

	/** The plan is a document of our own: it loads nothing and runs no script. */
	private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";

	private final TraceabilityPlans plans;

	public PlanController(TraceabilityPlans plans) {
		this.plans = plans;
	}

	/**
	 * A version of the plan.
	 *
	 * @param supersededOn when the next version took effect; null for the current one
	 * @param keepUntil kept at least until then (§ 1.1315(c)); null while in effect
	 */
	public record PlanVersionView(String name, LocalDate effective, @Nullable LocalDate supersededOn,
			@Nullable LocalDate keepUntil, boolean current, String url) {

		static PlanVersionView of(PlanVersion version) {
			return new PlanVersionView(version.name(), version.effective(), version.supersededOn(), version.keepUntil(),
					version.current(), "/api/plan/versions/" + version.name());
		}

	}

	/**
	 * The plans and what the current one lacks.
	 *
	 * @param written whether this request wrote a new version
	 */
	public record PlanView(PlanVersionView current, boolean written, List<String> warnings,
			List<PlanVersionView> versions) {

	}

	@GetMapping(path = "/api/plan", produces = MediaType.TEXT_HTML_VALUE)
	@Operation(summary = "The current traceability plan as HTML, written anew first if the configuration changed "
			+ "what it says")
	ResponseEntity<byte[]> plan() throws IOException {
		return html(this.plans.update().current().html());
	}

	@GetMapping("/api/plan/versions")
	@Operation(summary = "The plan's versions and what the current one lacks (a point of contact, foods, a farm "
			+ "map), written anew first if the configuration changed what it says")
	PlanView planView() {
		PlanUpdate update = this.plans.update();
		return new PlanView(PlanVersionView.of(update.current()), update.written(), update.warnings(),
				this.plans.versions().stream().map(PlanVersionView::of).toList());
	}

	@GetMapping(path = "/api/plan/versions/{name}")
	@Operation(summary = "A version of the plan as HTML (current or superseded)")
	ResponseEntity<byte[]> version(@PathVariable String name) throws IOException {
		PlanVersion version = this.plans.version(name)
			.orElseThrow(() -> new ApiErrors.NotFound("no version '" + name + "' of the traceability plan"));
		return html(version.html());
	}

	private static ResponseEntity<byte[]> html(Path file) throws IOException {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
			throw new ApiErrors.NotFound("the plan's file " + file.getFileName() + " is missing");
		}
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.header("X-Content-Type-Options", "nosniff")
			.header("Content-Security-Policy", POLICY)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(Files.readAllBytes(file));
	}

}
