package org.lottrace.trace;

/** How long each step of a trace or an index refresh took, for the debug log. */
final class StepTimes {

	private final StringBuilder text = new StringBuilder();

	private long last = System.nanoTime();

	void done(String step) {
		long now = System.nanoTime();
		this.text.append((this.text.length() > 0) ? ", " : "")
			.append(step)
			.append(' ')
			.append((now - this.last) / 100_000 / 10.0)
			.append(" ms");
		this.last = now;
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
