package org.lottrace.serve;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * The executors of {@link LaneProperties}: one per lane, each with its own daemon threads
 * and a bounded queue. Work that finds its lane's threads busy and its queue full is
 * refused at once ({@link ApiErrors.TooBusy}, HTTP 429).
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

	private final Map<Lane, ThreadPoolExecutor> executors = new EnumMap<>(Lane.class);

	public TraceLanes(LaneProperties properties) {
		this.executors.put(Lane.LOT, executor("lottrace-lot-trace-", properties.lot()));
		this.executors.put(Lane.BULK, executor("lottrace-bulk-", properties.bulk()));
	}

	/**
	 * Queues work on a lane.
	 * @throws ApiErrors.TooBusy when the lane's threads are busy and its queue is full
	 */
	public void execute(Lane lane, Runnable work) {
		try {
			this.executors.get(lane).execute(work);
		}
		catch (RejectedExecutionException ex) {
			ThreadPoolExecutor executor = this.executors.get(lane);
			throw new ApiErrors.TooBusy(((lane == Lane.LOT) ? "lot traces" : "product traces and records requests")
					+ ": " + executor.getActiveCount() + " running and " + executor.getQueue().size()
					+ " waiting, the most this service takes; try again in a moment");
		}
	}

	/** Requests of a lane that are running or waiting. */
	public int pending(Lane lane) {
		ThreadPoolExecutor executor = this.executors.get(lane);
		return executor.getActiveCount() + executor.getQueue().size();
	}

	private static ThreadPoolExecutor executor(String name, LaneProperties.Lane lane) {
		BlockingQueue<Runnable> queue = (lane.queue() == 0) ? new SynchronousQueue<>()
				: new ArrayBlockingQueue<>(lane.queue());
		int[] count = { 0 };
		return new ThreadPoolExecutor(lane.threads(), lane.threads(), 0, TimeUnit.MILLISECONDS, queue, (task) -> {
			Thread thread = new Thread(task, name + (++count[0]));
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.AbortPolicy());
	}

	@PreDestroy
	void stop() {
		this.executors.values().forEach(ThreadPoolExecutor::shutdownNow);
	}

}
