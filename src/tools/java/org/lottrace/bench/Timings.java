package org.lottrace.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Latencies of repeated runs, in nanoseconds, summarized as median, 95th percentile and
 * maximum.
 */
public final class Timings {

	private long[] values = new long[16];

	private int size;

	public void add(long nanos) {
		if (this.size == this.values.length) {
			this.values = Arrays.copyOf(this.values, this.size * 2);
		}
		this.values[this.size++] = nanos;
	}

	public int count() {
		return this.size;
	}

	public double medianMillis() {
		return percentile(50) / 1e6;
	}

	public double p95Millis() {
		return percentile(95) / 1e6;
	}

	public double minMillis() {
		return percentile(0) / 1e6;
	}

	public double maxMillis() {
		return percentile(100) / 1e6;
	}

	private long percentile(int p) {
		if (this.size == 0) {
			return 0;
		}
		long[] sorted = Arrays.copyOf(this.values, this.size);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * this.size) - 1;
		return sorted[Math.max(0, Math.min(this.size - 1, index))];
	}

	/**
	 * {@code 0.41 / 1.20 / 3.02 ms} (median / p95 / max), or {@code -} when nothing was
	 * measured.
	 */
	@Override
	public String toString() {
		if (this.size == 0) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.2f / %.2f / %.2f ms", medianMillis(), p95Millis(), maxMillis());
	}

}
