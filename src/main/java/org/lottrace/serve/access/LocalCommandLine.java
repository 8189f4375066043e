package org.lottrace.serve.access;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lottrace.report.ReportProperties;
import org.lottrace.serve.ServeProperties;
import org.lottrace.store.AtomicFiles;
import org.lottrace.store.StoreLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets {@code lottrace trace} on this machine ask the running service instead of refusing
 * because the service holds the store's index. At start the service writes
 * {@code store/_serve/endpoint.json} (mode 0600, in the store's private folder): its
 * address, its process id, its reports folder and a random token made for this run. A
 * request with {@code Authorization: Bearer <token>} is a reader's (traces and their
 * files; nothing an operator may do). Whoever can read the token can read the store's
 * files anyway. The file is deleted when the service stops; one left by a killed service
 * names a process that is gone, or a token no service accepts, and the command line then
 * runs the trace itself.
 */
@Component
@Profile("serve")
public class LocalCommandLine {

	/** The name such requests are made under, in logs and request records. */
	public static final String USER = "lottrace-command-line";

	private static final Logger log = LoggerFactory.getLogger(LocalCommandLine.class);

	private final byte[] token;

	private final Path file;

	private final ServeProperties serve;

	private final Path reports;

	public LocalCommandLine(StoreLayout layout, ServeProperties serve, ReportProperties reports) {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		this.token = Base64.getUrlEncoder().withoutPadding().encodeToString(random).getBytes(StandardCharsets.US_ASCII);
		this.file = endpointFile(layout);
		this.serve = serve;
		this.reports = reports.root().toAbsolutePath();
	}

	/** Where a running service tells the command line how to reach it. */
	public static Path endpointFile(StoreLayout layout) {
		return layout.root().resolve("_serve").resolve("endpoint.json");
	}

	@EventListener
	void serving(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getParent() != null) {
			return;
		}
		String url = "http://" + host(this.serve.bind()) + ":" + event.getWebServer().getPort();
		try {
			Files.createDirectories(this.file.getParent());
			AtomicFiles.writeString(this.file, JsonMapper.builder()
				.build()
				.writeValueAsString(Map.of("url", url, "token", new String(this.token, StandardCharsets.US_ASCII),
						"pid", ProcessHandle.current().pid(), "reports", this.reports.toString())),
					AtomicFiles.Mode.OWNER_ONLY);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not write {} ({}); `lottrace trace` will not find this service", this.file,
					ex.getMessage());
		}
	}

	@EventListener(ContextClosedEvent.class)
	void stopping() {
		try {
			Files.deleteIfExists(this.file);
		}
		catch (IOException ex) {
			log.warn("Could not delete {}: {}", this.file, ex.getMessage());
		}
	}

	/**
	 * The address the command line calls: loopback when the service listens on every
	 * interface (or on loopback), else the one address it listens on.
	 */
	static String host(String bind) {
		try {
			InetAddress address = InetAddress.getByName(bind);
			if (address.isAnyLocalAddress() || address.isLoopbackAddress()) {
				return "127.0.0.1";
			}
		}
		catch (UnknownHostException ex) {
			return bind;
		}
		return bind.contains(":") ? "[" + bind + "]" : bind;
	}

	/** Signs in a request that carries the token, as a reader. */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
				if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
						&& MessageDigest.isEqual(authorization.substring(7).strip().getBytes(StandardCharsets.US_ASCII),
								LocalCommandLine.this.token)) {
					SecurityContext context = SecurityContextHolder.createEmptyContext();
					context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(USER, null,
							List.of(new SimpleGrantedAuthority("ROLE_" + Role.READER.name()))));
					SecurityContextHolder.setContext(context);
				}
				chain.doFilter(request, response);
			}

		};
	}

}
