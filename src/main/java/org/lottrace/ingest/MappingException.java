package org.lottrace.ingest;

import java.util.List;

/** A mapping or units file that cannot be used, with every problem found in it. */
public class MappingException extends RuntimeException {

	private final List<String> problems;

	public MappingException(String file, List<String> problems) {
		super(file + ": " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return this.problems;
	}

}
