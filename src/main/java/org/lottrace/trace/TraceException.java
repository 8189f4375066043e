package org.lottrace.trace;

/** A trace request that cannot be answered as asked. */
public class TraceException extends RuntimeException {

	private final boolean notFound;

	private TraceException(String message, boolean notFound) {
		super(message);
		this.notFound = notFound;
	}

	/** The lot or product asked about is not in the store. */
	public static TraceException notFound(String message) {
		return new TraceException(message, true);
	}

	/** The request is ambiguous or malformed; the message says how to fix it. */
	public static TraceException invalid(String message) {
		return new TraceException(message, false);
	}

	public boolean notFound() {
		return this.notFound;
	}

	/** Never {@code null}: made with a message that says what to fix. */
	@Override
	public String getMessage() {
		return java.util.Objects.requireNonNull(super.getMessage());
	}

}
