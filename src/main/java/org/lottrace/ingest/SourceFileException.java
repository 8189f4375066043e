package org.lottrace.ingest;

/**
 * An export that cannot be read at all (wrong encoding, a quote never closed, a header
 * that does not match the mapping). The whole file fails and nothing of it is stored; the
 * message says what to fix.
 */
public class SourceFileException extends RuntimeException {

	public SourceFileException(String message) {
		super(message);
	}

	public SourceFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
