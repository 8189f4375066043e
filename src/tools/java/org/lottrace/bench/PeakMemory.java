package org.lottrace.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Measures the heap while something runs: the peak of the live heap (what is left after
 * each garbage collection, the figure that shows whether memory stays flat as input
 * grows) and the peak of the used heap (garbage included).
 */
public final class PeakMemory implements AutoCloseable {

	private final AtomicLong peakLive = new AtomicLong();

	private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans()
		.stream()
		.filter((p) -> p.getType() == MemoryType.HEAP)
		.toList();

	private final NotificationListener listener = this::onNotification;

	public PeakMemory() {
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (gc instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener(this.listener, null, null);
			}
		}
	}

	public void reset() {
		System.gc();
		this.peakLive.set(0);
		this.heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	/**
	 * The largest heap in use right after a garbage collection since {@link #reset()}.
	 */
	public long peakLiveBytes() {
		return this.peakLive.get();
	}

	/** The largest heap in use, garbage included, since {@link #reset()}. */
	public long peakUsedBytes() {
		return this.heapPools.stream().mapToLong((p) -> p.getPeakUsage().getUsed()).sum();
	}

	/** The process's peak resident memory (Linux), or -1 where it cannot be read. */
	public static long processPeakResidentBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmHWM:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (Exception ex) {
			// not Linux
		}
		return -1;
	}

	private void onNotification(Notification notification, Object handback) {
		if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
			return;
		}
		GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
			.from((CompositeData) notification.getUserData());
		long live = 0;
		for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
			if (this.heapPools.stream().anyMatch((p) -> p.getName().equals(pool.getKey()))) {
				live += pool.getValue().getUsed();
			}
		}
		this.peakLive.accumulateAndGet(live, Math::max);
	}

	@Override
	public void close() {
		for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (gc instanceof NotificationEmitter emitter) {
				try {
					emitter.removeNotificationListener(this.listener);
				}
				catch (Exception ex) {
					// already gone
				}
			}
		}
	}

}
