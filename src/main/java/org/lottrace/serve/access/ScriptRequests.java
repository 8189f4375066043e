package org.lottrace.serve.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The requests that need no CSRF token: a script's, recognised by all three of HTTP Basic
 * credentials (or the command line's token, {@link LocalCommandLine}) in the request
 * itself, a JSON body ({@code Content-Type: application/json}) and no session cookie. A
 * forged cross-origin request cannot be all three: an HTML form can only send form,
 * multipart or plain-text bodies, and a cross-origin script that sets JSON or an
 * {@code Authorization} header needs a CORS preflight, which this service never grants. A
 * browser that remembers Basic credentials does attach them to a forged form post, but
 * that post is not JSON, so it needs the token and is refused. The page, signed in by
 * form login, always sends the token.
 */
final class ScriptRequests implements RequestMatcher {

	@Override
	public boolean matches(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		String contentType = request.getContentType();
		return authorization != null
				&& (authorization.regionMatches(true, 0, "Basic ", 0, 6)
						|| authorization.regionMatches(true, 0, "Bearer ", 0, 7))
				&& contentType != null && isJson(contentType) && request.getRequestedSessionId() == null;
	}

	private static boolean isJson(String contentType) {
		try {
			return MediaType.APPLICATION_JSON.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
