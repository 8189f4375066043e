package org.lottrace.cli;

/** Ends a command with a one-line message and an exit code. */
class CommandException extends RuntimeException {

	private final int exitCode;

	CommandException(int exitCode, String message) {
		super(message);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

	/** Never {@code null}: made with a message that says what to fix. */
	@Override
	public String getMessage() {
		return java.util.Objects.requireNonNull(super.getMessage());
	}

}
