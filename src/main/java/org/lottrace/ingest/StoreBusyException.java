package org.lottrace.ingest;

/** Another process holds the store's write lock. */
public class StoreBusyException extends IngestException {

	public StoreBusyException(String message) {
		super(message);
	}

}
