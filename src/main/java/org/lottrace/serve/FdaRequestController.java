package org.lottrace.serve;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.lottrace.fda.FdaRequest;
import org.lottrace.fda.FdaRequestException;
import org.lottrace.fda.FdaRequests;
import org.lottrace.fda.NewRequest;
import org.lottrace.fda.RequestScope;
import org.lottrace.report.Manifest;
import org.lottrace.serve.RequestFields.Bounded;
import org.lottrace.serve.RequestFields.Code;
import org.lottrace.serve.RequestFields.Day;
import org.lottrace.serve.RequestFields.Text;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * FDA records requests and their 24-hour clock (§ 1.1455(c)): log one when it arrives,
 * produce its spreadsheet, mark it sent; readers follow them, operators act on them.
 */
@RestController
@RequestMapping("/api/fda-requests")
@Tag(name = "FDA records requests")
public class FdaRequestController {

	private final FdaRequests requests;

	private final FdaProduction production;

	private final Clock clock;

	FdaRequestController(FdaRequests requests, FdaProduction production, Clock clock) {
		this.requests = requests;
		this.production = production;
		this.clock = clock;
	}

	/**
	 * A request as it arrived.
	 *
	 * @param requester who asked, as given: agency, person, phone or email
	 * @param receivedAt when it arrived (yyyy-MM-ddTHH:mm with an offset, or in the
	 * service's time zone); now when not given
	 * @param deadline a later time FDA agreed to; 24 hours after it arrived when not
	 * given
	 */
	public record NewRequestBody(@Text @Nullable String requester, @Bounded @Nullable List<@Code String> products,
			@Bounded @Nullable List<@Code String> lots, @Code @Nullable String assigner, @Day @Nullable String from,
			@Day @Nullable String to, @Nullable Boolean allFoods, @Text @Nullable String receivedAt,
			@Text @Nullable String deadline, @Text @Nullable String note) {

	}

	/**
	 * What was sent.
	 *
	 * @param to to whom and how ("email to ...@fda.hhs.gov")
	 * @param files the files sent; every file of the spreadsheet's folder when not given
	 */
	public record SentBody(@Text @Nullable String to, @Bounded @Nullable List<@Code String> files) {

	}

	@GetMapping
	@Operation(summary = "FDA records requests, newest first, with their deadline and time left; open=true for "
			+ "those not sent yet")
	List<FdaRequestView> list(@RequestParam(defaultValue = "false") boolean open) {
		Instant now = this.clock.instant();
		return this.requests.list()
			.stream()
			.filter((r) -> !open || r.open())
			.map((r) -> FdaRequestView.of(r, now, this.production.of(r.id()).orElse(null)))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One FDA records request")
	FdaRequestView get(@PathVariable String id) {
		return view(existing(id));
	}

	@PostMapping
	@Operation(summary = "Log an FDA records request as it arrived, which starts its 24-hour clock (OPERATOR)")
	ResponseEntity<FdaRequestView> log(@Valid @RequestBody NewRequestBody body, Principal user) {
		LocalDate from = RequestFields.day(body.from());
		LocalDate to = RequestFields.day(body.to());
		TraceController.range(from, to);
		RequestScope scope = new RequestScope(RequestFields.codes(body.products()), from, to,
				RequestFields.codes(body.lots()), RequestFields.code(body.assigner()),
				Boolean.TRUE.equals(body.allFoods()));
		FdaRequest logged = this.requests.log(
				new NewRequest(RequestFields.text(body.requester()), scope,
						Times.instant("receivedAt", body.receivedAt(), this.clock),
						Times.instant("deadline", body.deadline(), this.clock), RequestFields.text(body.note())),
				user.getName());
		return ResponseEntity.created(URI.create("/api/fda-requests/" + logged.id())).body(view(logged));
	}

	@PostMapping("/{id}/produce")
	@Operation(summary = "Produce the request's FDA sortable spreadsheet (a records request on the bulk lane); 201 "
			+ "when written within wait, 202 while it runs (OPERATOR)")
	ResponseEntity<FdaRequestView> produce(@PathVariable String id, @RequestParam(defaultValue = "0") long wait,
			Principal user) {
		long waitMillis = TraceController.waitMillis(wait);
		FdaProduction.Work work = this.production.start(id, user.getName());
		try {
			work.logged().get(waitMillis, TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			// still running: the view says so
		}
		if (work.entry().failure() instanceof ApiErrors.OverBudget overBudget) {
			throw overBudget;
		}
		FdaRequestView view = get(id);
		URI location = URI.create("/api/fda-requests/" + id);
		return work.logged().isDone() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.accepted().location(location).body(view);
	}

	@PostMapping("/{id}/sent")
	@Operation(summary = "Mark the request sent: the files sent (all by default) with their SHA-256 are logged "
			+ "(OPERATOR)")
	FdaRequestView sent(@PathVariable String id, @Valid @RequestBody SentBody body, Principal user) {
		return view(this.requests.sent(id, RequestFields.text(body.to()), RequestFields.codes(body.files()),
				user.getName()));
	}

	@GetMapping("/{id}/files/{*name}")
	@Operation(summary = "Download a file of the spreadsheet produced for the request")
	ResponseEntity<InputStreamResource> file(@PathVariable String id, @PathVariable String name) throws IOException {
		FdaRequest request = existing(id);
		String relative = name.startsWith("/") ? name.substring(1) : name;
		Path folder = (request.production() != null) ? Path.of(request.production().folder()) : null;
		if (folder == null || !Files.isRegularFile(folder.resolve(Manifest.FILE))) {
			throw new ApiErrors.NotFound("request " + id + " has no spreadsheet");
		}
		Path file = ReportFileController.find(folder, Manifest.read(folder), relative)
			.orElseThrow(() -> new ApiErrors.NotFound("no file '" + relative + "' in the spreadsheet of " + id));
		return ReportFileController.download(file);
	}

	@ExceptionHandler(FdaRequestException.class)
	ProblemDetail refused(FdaRequestException ex) {
		return switch (ex.reason()) {
			case NOT_FOUND -> ApiErrors.problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
			case INVALID -> ApiErrors.problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
			case CONFLICT -> ApiErrors.problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
		};
	}

	private FdaRequest existing(String id) {
		return this.requests.get(id).orElseThrow(() -> new ApiErrors.NotFound("no FDA request " + id));
	}

	private FdaRequestView view(FdaRequest request) {
		return FdaRequestView.of(request, this.clock.instant(), this.production.of(request.id()).orElse(null));
	}

}
