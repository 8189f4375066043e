package org.lottrace.store;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the store is and how its Parquet files are written.
 *
 * @param root the store folder
 * @param compression Parquet compression codec: zstd, snappy, gzip or uncompressed
 * @param rowGroupSize target size of a Parquet row group
 */
@ConfigurationProperties("lottrace.store")
@Validated
public record StoreProperties(@NotNull Path root, @NotNull String compression, @NotNull DataSize rowGroupSize) {

}
