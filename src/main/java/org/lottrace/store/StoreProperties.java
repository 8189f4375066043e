package org.lottrace.store;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where the store is and how its Parquet files are written.
 *
 * @param root the store folder
 * @param compression Parquet compression codec: zstd, snappy, gzip or uncompressed (any
 * other value stops the start with the list)
 * @param rowGroupSize target size of a Parquet row group
 */
@ConfigurationProperties("lottrace.store")
@Validated
public record StoreProperties(@NotNull Path root, @NotNull Compression compression, @NotNull DataSize rowGroupSize) {

	/** The Parquet codecs every reader opens without extra libraries. */
	public enum Compression {

		ZSTD(CompressionCodecName.ZSTD), SNAPPY(CompressionCodecName.SNAPPY), GZIP(CompressionCodecName.GZIP),
		UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

		private final CompressionCodecName codec;

		Compression(CompressionCodecName codec) {
			this.codec = codec;
		}

		public CompressionCodecName codec() {
			return this.codec;
		}

	}

}
