package org.lottrace.ingest;

import java.util.List;

/** A mapping or units file that cannot be used, with every problem found in it. */
public class MappingException extends RuntimeException {

	private final String file;

	private final List<String> problems;

	public MappingException(String file, List<String> problems) {
		super(file + ": " + String.join("; ", problems));
		this.file = file;
		this.problems = List.copyOf(problems);
	}

	/** The mapping or units file. */
	public String file() {
		return this.file;
	}

	public List<String> problems() {
		return this.problems;
	}

}
