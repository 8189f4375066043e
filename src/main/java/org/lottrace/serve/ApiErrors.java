package org.lottrace.serve;

import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.TraceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns request problems into RFC 9457 problem details whose {@code detail} says what to
 * fix.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

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

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Bad request",
				"the request body is not the JSON this endpoint takes: " + ex.getMostSpecificCause().getMessage());
	}

	@ExceptionHandler(IndexBusyException.class)
	ProblemDetail busy(IndexBusyException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", ex.getMessage());
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
