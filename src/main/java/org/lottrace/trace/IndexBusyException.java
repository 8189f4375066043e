package org.lottrace.trace;

/** Another process holds the derived index open for writing. */
public class IndexBusyException extends RuntimeException {

	public IndexBusyException(String message, Throwable cause) {
		super(message, cause);
	}

}
