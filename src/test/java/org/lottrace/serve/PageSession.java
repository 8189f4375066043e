package org.lottrace.serve;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session with the service, at the HTTP level: the cookies it holds (the
 * session after form login, the {@code XSRF-TOKEN}), and requests sent with them and any
 * other header a test chooses, redirects not followed.
 */
final class PageSession {

	private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	PageSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	/** Signs in with the login form, as a person does. */
	PageSession login(String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> page = send("GET", "/login", Map.of(), null);
		Matcher token = HIDDEN_CSRF.matcher(page.body());
		if (!token.find()) {
			throw new AssertionError("no CSRF field in the login page: " + page.body());
		}
		HttpResponse<String> signedIn = send("POST", "/login",
				Map.of("Content-Type", "application/x-www-form-urlencoded"),
				"username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(token.group(1)));
		if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("error")) {
			throw new AssertionError("login failed: " + signedIn.statusCode() + " " + signedIn.headers().map());
		}
		return this;
	}

	String cookie(String name) {
		return this.cookies.get(name);
	}

	/** Sends a request with the session's cookies; remembers the cookies it sets. */
	HttpResponse<String> send(String method, String path, Map<String, String> headers, String body)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		if (!this.cookies.isEmpty()) {
			request.header("Cookie", String.join("; ",
					this.cookies.entrySet().stream().map((c) -> c.getKey() + "=" + c.getValue()).toList()));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		for (String set : response.headers().allValues("Set-Cookie")) {
			String pair = set.split(";", 2)[0];
			int equals = pair.indexOf('=');
			String name = pair.substring(0, equals);
			String value = pair.substring(equals + 1);
			if (value.isEmpty()) {
				this.cookies.remove(name);
			}
			else {
				this.cookies.put(name, value);
			}
		}
		return response;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
