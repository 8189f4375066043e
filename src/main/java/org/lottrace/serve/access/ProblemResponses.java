package org.lottrace.serve.access;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and rejected requests answered the way the API answers everything else: an RFC
 * 9457 problem detail in JSON that says what to do, never an HTML page or a stack trace.
 * The 401 asks for Basic credentials ({@code WWW-Authenticate}) except from the page's
 * own scripts ({@code X-Requested-With: XMLHttpRequest}), which go to the login form
 * instead of making the browser pop up its password dialog.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, @Nullable AuthenticationException ex)
			throws IOException {
		if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"lottrace\", charset=\"UTF-8\"");
		}
		write(request, response, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"sign in: HTTP Basic credentials of a lottrace user, or the login form of the page (/login)");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (ex instanceof CsrfException && request.getRequestedSessionId() == null
				&& request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
			// nobody signed in: the missing token is not the problem yet
			commence(request, response, null);
			return;
		}
		String detail = (ex instanceof CsrfException)
				? "this request needs the CSRF token of the page (header X-XSRF-TOKEN), or, from a script, HTTP Basic "
						+ "credentials with Content-Type application/json and no session cookie"
				: "user " + user(request) + " may not do this; ask an administrator for the role it needs";
		write(request, response, HttpStatus.FORBIDDEN, "Forbidden", detail);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException ex)
			throws IOException {
		write(request, response, HttpStatus.BAD_REQUEST, "Bad request",
				"the request's address or headers are not acceptable (encoded slashes, dots, control characters...)");
	}

	private static String user(HttpServletRequest request) {
		return (request.getUserPrincipal() != null) ? "'" + request.getUserPrincipal().getName() + "'" : "(none)";
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		// JSON is UTF-8: no charset parameter
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
