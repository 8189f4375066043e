package org.lottrace.serve;

import org.jspecify.annotations.Nullable;
import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.TraceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns request problems into RFC 9457 problem details whose {@code detail} says what to
 * fix. Spring MVC's own (wrong method, media type, parameter type, unknown path) come as
 * problem details too; anything unexpected is a 500 that names no internals (the log has
 * them), never a stack trace or a database's message.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

	/** A request the API cannot take as given. */
	static class BadRequest extends RuntimeException {

		BadRequest(String message) {
			super(message);
		}

	}

	/** Something the request names does not exist. */
	static class NotFound extends RuntimeException {

		NotFound(String message) {
			super(message);
		}

	}

	/** A request beyond its size or time budget: what to narrow. */
	static class OverBudget extends RuntimeException {

		OverBudget(String message) {
			super(message);
		}

	}

	/** A request body larger than the service takes. */
	static class TooLarge extends RuntimeException {

		TooLarge(String message) {
			super(message);
		}

	}

	/** Every thread and queue place of a lane is taken. */
	static class TooBusy extends RuntimeException {

		TooBusy(String message) {
			super(message);
		}

	}

	@ExceptionHandler(TraceException.class)
	ProblemDetail trace(TraceException ex) {
		return problem(ex.notFound() ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST,
				ex.notFound() ? "Not found" : "Bad request", ex.getMessage());
	}

	@ExceptionHandler(BadRequest.class)
	ProblemDetail badRequest(BadRequest ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	@ExceptionHandler(NotFound.class)
	ProblemDetail notFound(NotFound ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(OverBudget.class)
	ProblemDetail overBudget(OverBudget ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Too large", ex.getMessage());
	}

	@ExceptionHandler(TooLarge.class)
	ProblemDetail tooLarge(TooLarge ex) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "Too large", ex.getMessage());
	}

	@ExceptionHandler(TooBusy.class)
	ResponseEntity<ProblemDetail> tooBusy(TooBusy ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ex.getMessage()));
	}

	@ExceptionHandler(IndexBusyException.class)
	ProblemDetail busy(IndexBusyException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Request failed", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"the service could not answer this request; its log has the details");
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof TooLarge tooLarge) {
				return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
			}
			if (cause instanceof UnrecognizedPropertyException unknown) {
				return ResponseEntity.badRequest()
					.body(problem(HttpStatus.BAD_REQUEST, "Bad request",
							"unknown field '" + unknown.getPropertyName() + "'; the fields are " + String.join(", ",
									unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList())));
			}
		}
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Bad request",
					"the request body is not the JSON this endpoint takes: " + unreadable(ex)
							+ " (its fields are in /v3/api-docs)"));
	}

	/**
	 * A body whose fields break their constraints ({@link RequestFields}): each field and
	 * what to write instead, in field order.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String detail = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> error.getField().replaceAll("\\[\\d+]$", "") + ": " + error.getDefaultMessage())
			.distinct()
			.sorted()
			.collect(java.util.stream.Collectors.joining("; "));
		return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Bad request", detail));
	}

	/**
	 * What is wrong with a body, without the parser's own words (they name the
	 * application's classes).
	 */
	private static String unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof JacksonException json) {
			String where = (json.getLocation() != null)
					? " at line " + json.getLocation().getLineNr() + ", column " + json.getLocation().getColumnNr()
					: "";
			return ((json instanceof StreamReadException) ? "it is not well-formed JSON" : "a value has the wrong type")
					+ where;
		}
		return "it is missing or empty";
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem && problem.getTitle() != null) {
			problem.setTitle(title(statusCode));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String title(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known == HttpStatus.BAD_REQUEST) ? "Bad request" : (known == HttpStatus.NOT_FOUND) ? "Not found"
				: (known != null) ? known.getReasonPhrase() : "Error " + status.value();
	}

	static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
