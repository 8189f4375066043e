package org.lottrace.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Resource limits for DuckDB, which otherwise takes 80% of the machine's memory and every
 * core.
 *
 * @param memoryLimit DuckDB's memory limit, e.g. {@code 2GB}
 * @param threads DuckDB's worker threads
 */
@ConfigurationProperties("lottrace.duckdb")
@Validated
public record DuckDbProperties(@NotBlank String memoryLimit, @Min(1) int threads) {

}
