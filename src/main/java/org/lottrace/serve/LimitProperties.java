package org.lottrace.serve;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How much one HTTP request may ask of the service. A request beyond a size is refused at
 * once with what to narrow; one that runs past its time is stopped and says so.
 *
 * @param maxBody the largest request body (413 beyond)
 * @param maxCodeLength the longest lot, product or assigner code
 * @param maxListSize the most products or lots one records request names
 * @param maxStartLots the most lots a trace may start from (a product over dates; 422
 * beyond, with the number found)
 * @param maxLots the most lots a trace may reach; a trace that reaches more stops before
 * its reports are written
 * @param traceTime how long a trace may take, from its submission, queue included
 * @param maxRecordLots the most lots an FDA records request may select (422 beyond)
 * @param recordsTime how long an FDA records request may take, from its submission
 */
@ConfigurationProperties("lottrace.serve.limits")
@Validated
public record LimitProperties(@NotNull DataSize maxBody, @Min(1) int maxCodeLength, @Min(1) int maxListSize,
		@Min(1) int maxStartLots, @Min(1) int maxLots, @NotNull Duration traceTime, @Min(1) long maxRecordLots,
		@NotNull Duration recordsTime) {

}
