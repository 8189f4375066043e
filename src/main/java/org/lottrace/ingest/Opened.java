package org.lottrace.ingest;

import org.jspecify.annotations.Nullable;

/**
 * The parts a step's reader, processor or writer makes when its step opens (a parser, a
 * row mapper, a file writer): fields that are {@code null} before and after, never while
 * rows flow.
 */
final class Opened {

	private Opened() {
	}

	/**
	 * @return the part
	 * @throws IllegalStateException when used before its step opened it, or after close
	 */
	static <T> T part(@Nullable T part, String what) {
		if (part == null) {
			throw new IllegalStateException(what + " used before its step opened it, or after it closed");
		}
		return part;
	}

}
