package org.lottrace.ingest;

/**
 * A request to ingest that cannot be carried out as given (a missing file, a file no
 * mapping claims).
 */
public class IngestException extends RuntimeException {

	public IngestException(String message) {
		super(message);
	}

}
