package org.lottrace.store;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Resource limits for DuckDB, which otherwise takes 80% of the machine's memory and every
 * core.
 *
 * @param memoryLimit DuckDB's memory limit, e.g. {@code 2GB} (at least 64MB)
 * @param threads DuckDB's worker threads
 */
@ConfigurationProperties("lottrace.duckdb")
@Validated
public record DuckDbProperties(@NotNull DataSize memoryLimit, @Min(1) int threads) {

	/** The memory limit as DuckDB's {@code SET memory_limit} takes it: {@code 2048MB}. */
	public String duckDbMemoryLimit() {
		return this.memoryLimit.toMegabytes() + "MB";
	}

	public DuckDbProperties {
		if (memoryLimit != null && memoryLimit.toMegabytes() < 64) {
			throw new IllegalArgumentException("memory-limit: "
					+ ((memoryLimit.toBytes() % (1024 * 1024) == 0) ? memoryLimit.toMegabytes() + "MB"
							: memoryLimit.toBytes() + "B")
					+ " is too little for DuckDB; give at least 64MB (2GB by default)");
		}
	}

}
