package org.lottrace.serve;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The executors of {@link LaneProperties}: one per lane, built by Spring Boot's task
 * executor builder, each with its own daemon threads and a bounded queue. Work that finds
 * its lane's threads busy and its queue full is refused at once
 * ({@link ApiErrors.TooBusy}, HTTP 429). Threads start with the first request (none in a
 * command-line run).
 */
@Component
public class TraceLanes {

	/** Which queue a request goes to. */
	public enum Lane {

		/** Lot traces. */
		LOT,

		/** Product traces and FDA records requests. */
		BULK

	}

	private final ThreadPoolTaskExecutor lot;

	private final ThreadPoolTaskExecutor bulk;

	public TraceLanes(LaneProperties properties, ThreadPoolTaskExecutorBuilder builder) {
		this.lot = executor(builder, "lottrace-lot-trace-", properties.lot());
		this.bulk = executor(builder, "lottrace-bulk-", properties.bulk());
	}

	private ThreadPoolTaskExecutor executor(Lane lane) {
		return switch (lane) {
			case LOT -> this.lot;
			case BULK -> this.bulk;
		};
	}

	/**
	 * Queues work on a lane.
	 * @throws ApiErrors.TooBusy when the lane's threads are busy and its queue is full
	 */
	public void execute(Lane lane, Runnable work) {
		ThreadPoolTaskExecutor executor = executor(lane);
		try {
			executor.execute(work);
		}
		catch (TaskRejectedException ex) {
			throw new ApiErrors.TooBusy(((lane == Lane.LOT) ? "lot traces" : "product traces and records requests")
					+ ": " + executor.getActiveCount() + " running and " + executor.getQueueSize()
					+ " waiting, the most this service takes; try again in a moment");
		}
	}

	/** Requests of a lane that are running or waiting. */
	public int pending(Lane lane) {
		ThreadPoolTaskExecutor executor = executor(lane);
		return executor.getActiveCount() + executor.getQueueSize();
	}

	private static ThreadPoolTaskExecutor executor(ThreadPoolTaskExecutorBuilder builder, String name,
			LaneProperties.Lane lane) {
		ThreadPoolTaskExecutor executor = builder.corePoolSize(lane.threads())
			.maxPoolSize(lane.threads())
			.queueCapacity(lane.queue())
			.allowCoreThreadTimeOut(false)
			.threadNamePrefix(name)
			.customizers((e) -> e.setDaemon(true))
			.build();
		executor.initialize();
		return executor;
	}

	@PreDestroy
	void stop() {
		this.lot.shutdown();
		this.bulk.shutdown();
	}

}
