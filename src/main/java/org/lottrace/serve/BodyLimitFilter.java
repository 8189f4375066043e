package org.lottrace.serve;

import java.io.IOException;

import org.jspecify.annotations.Nullable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies of at most {@code lottrace.serve.limits.max-body}: a declared length
 * beyond it is answered 413 before anything is read, and a body sent without a length
 * (chunked) stops being read at the limit ({@link ApiErrors.TooLarge}, also a 413).
 */
@Component
// before Spring Security, so that no filter (the login form's) reads more than the limit
// either
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class BodyLimitFilter extends OncePerRequestFilter {

	private final long maxBody;

	public BodyLimitFilter(LimitProperties limits) {
		this.maxBody = limits.maxBody().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.maxBody) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getOutputStream()
				.write(("{\"type\":\"about:blank\",\"title\":\"Too large\",\"status\":413,\"detail\":\"" + detail()
						+ "\",\"instance\":\"" + request.getRequestURI().replaceAll("[\"\\\\\\p{Cntrl}]", "") + "\"}")
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return;
		}
		chain.doFilter(new Bounded(request, this.maxBody, detail()), response);
	}

	private String detail() {
		return "the request body is larger than the " + this.maxBody + " bytes this service takes";
	}

	/** A request whose body stops at the limit. */
	private static final class Bounded extends HttpServletRequestWrapper {

		private final long max;

		private final String detail;

		private @Nullable ServletInputStream stream;

		Bounded(HttpServletRequest request, long max, String detail) {
			super(request);
			this.max = max;
			this.detail = detail;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream bounded = this.stream;
			if (bounded == null) {
				ServletInputStream in = super.getInputStream();
				bounded = new ServletInputStream() {

					private long read;

					@Override
					public int read() throws IOException {
						int b = in.read();
						count((b < 0) ? 0 : 1);
						return b;
					}

					@Override
					public int read(byte[] buffer, int offset, int length) throws IOException {
						int n = in.read(buffer, offset, length);
						count(Math.max(n, 0));
						return n;
					}

					private void count(int n) {
						this.read += n;
						if (this.read > Bounded.this.max) {
							throw new ApiErrors.TooLarge(Bounded.this.detail);
						}
					}

					@Override
					public boolean isFinished() {
						return in.isFinished();
					}

					@Override
					public boolean isReady() {
						return in.isReady();
					}

					@Override
					public void setReadListener(ReadListener listener) {
						in.setReadListener(listener);
					}

				};
				this.stream = bounded;
			}
			return bounded;
		}

	}

}
