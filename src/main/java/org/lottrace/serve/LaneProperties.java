package org.lottrace.serve;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The service's two queues of work: lot traces, which a person on the phone waits for,
 * and bulk work (product traces and FDA records requests), which may take long. Each has
 * its own threads and a bounded queue, so that bulk work never holds up a lot trace and a
 * flood of requests is turned away (429) instead of piling up.
 *
 * @param lot lot traces
 * @param bulk product traces and FDA records requests
 */
@ConfigurationProperties("lottrace.serve.lanes")
@Validated
public record LaneProperties(@NotNull @Valid Lane lot, @NotNull @Valid Lane bulk) {

	/**
	 * @param threads requests run at the same time
	 * @param queue requests that may wait for a thread; more are refused
	 */
	public record Lane(@Min(1) int threads, @Min(0) int queue) {

	}

}
