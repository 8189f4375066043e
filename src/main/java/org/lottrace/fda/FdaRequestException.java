package org.lottrace.fda;

/**
 * A change to a request the log refuses, with what to do instead: the request is unknown,
 * the change is not valid, or it does not fit where the request is (sending what was
 * never produced, producing what was sent).
 */
public class FdaRequestException extends RuntimeException {

	/** Why the change is refused. */
	public enum Reason {

		NOT_FOUND, INVALID, CONFLICT

	}

	private final Reason reason;

	FdaRequestException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	/** What to do instead: never empty. */
	@Override
	public String getMessage() {
		return java.util.Objects.requireNonNull(super.getMessage());
	}

	public Reason reason() {
		return this.reason;
	}

}
