package org.lottrace.serve;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the service runs.
 *
 * @param inbox the inbox: one folder per source (the mapping's {@code inbox}, by default
 * its source name)
 * @param archive where an ingested export is moved, under {@code <source>/<date>/}
 * @param failed where an export that could not be ingested is moved, with a
 * {@code .error.txt} beside it
 * @param schedule when the scheduled ingestion runs (Spring cron: second minute hour day
 * month weekday)
 * @param settle how long a file must be left unchanged before it is taken: a file still
 * being written is not picked up half-done
 * @param scanOnStart run an ingestion as soon as the service starts (finishing what an
 * interrupted run left)
 * @param bind the address the HTTP server listens on ({@code server.address} follows it):
 * loopback only unless opened on purpose
 */
@ConfigurationProperties("lottrace.serve")
@Validated
public record ServeProperties(@NotNull Path inbox, @NotNull Path archive, @NotNull Path failed,
		@NotBlank String schedule, @NotNull Duration settle, boolean scanOnStart, @NotBlank String bind) {

}
