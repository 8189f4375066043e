package org.lottrace.fda;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where FDA records requests are logged, and the time the rule gives to answer one.
 *
 * @param log the log file (JSON lines, appended to, never rewritten)
 * @param deadline how long after a request arrives its records are due: 24 hours (§
 * 1.1455(c)(1)), unless FDA agrees to a later time for one request
 */
@ConfigurationProperties("lottrace.requests")
@Validated
public record FdaRequestProperties(@NotNull Path log, @NotNull Duration deadline) {

}
