package org.lottrace.ingest;

import java.nio.file.Path;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How ingestion runs.
 *
 * @param jobs the folder of source mappings and {@code units.yml}
 * @param chunkSize rows per Spring Batch chunk
 * @param writerThreads threads that encode Parquet in parallel (each writes its own
 * files)
 */
@ConfigurationProperties("lottrace.ingest")
@Validated
public record IngestProperties(@NotNull Path jobs, @Min(1) int chunkSize, @Min(1) int writerThreads) {

}
