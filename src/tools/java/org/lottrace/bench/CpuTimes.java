package org.lottrace.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the process and of its threads grouped by name, to see where the cores
 * went: the step's thread, the Parquet writers, DuckDB, and the rest (garbage collection,
 * the JIT compiler).
 */
public record CpuTimes(long processNanos, Map<String, Long> threadNanos, long gcMillis) {

	public static CpuTimes now() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, Long> byGroup = new TreeMap<>();
		for (long id : threads.getAllThreadIds()) {
			ThreadInfo info = threads.getThreadInfo(id);
			long cpu = threads.getThreadCpuTime(id);
			if (info != null && cpu > 0) {
				byGroup.merge(group(info.getThreadName()), cpu, Long::sum);
			}
		}
		long process = (ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) ? os.getProcessCpuTime()
					: -1;
		long gc = ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime)
			.sum();
		return new CpuTimes(process, byGroup, gc);
	}

	private static String group(String threadName) {
		if (threadName.startsWith("lottrace-parquet")) {
			return "parquet writers";
		}
		return threadName.equals("main") ? "main" : "other Java threads";
	}

	/** The CPU used between {@code earlier} and this. */
	public CpuTimes minus(CpuTimes earlier) {
		Map<String, Long> delta = new TreeMap<>();
		this.threadNanos.forEach((k, v) -> delta.put(k, v - earlier.threadNanos.getOrDefault(k, 0L)));
		return new CpuTimes(this.processNanos - earlier.processNanos, delta, this.gcMillis - earlier.gcMillis);
	}

	@Override
	public String toString() {
		StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "process %.1f s", this.processNanos / 1e9));
		long java = 0;
		for (Map.Entry<String, Long> e : this.threadNanos.entrySet()) {
			out.append(String.format(Locale.ROOT, ", %s %.1f s", e.getKey(), e.getValue() / 1e9));
			java += e.getValue();
		}
		out.append(String.format(Locale.ROOT, ", threads that ended, GC, JIT and native %.1f s",
				(this.processNanos - java) / 1e9));
		out.append(String.format(Locale.ROOT, "; garbage collection pauses %.1f s", this.gcMillis / 1e3));
		return out.toString();
	}

}
