package org.lottrace.fda;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A request as it is logged.
 *
 * @param requester who asked, as given: agency, person, phone or email
 * @param receivedAt when it arrived; {@code null} for now
 * @param deadline a later time FDA agreed to; {@code null} for 24 hours after it arrived
 * @param note anything else said with it
 */
public record NewRequest(@Nullable String requester, RequestScope scope, @Nullable Instant receivedAt,
		@Nullable Instant deadline, @Nullable String note) {

}
