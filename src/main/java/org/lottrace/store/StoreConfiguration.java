package org.lottrace.store;

import org.lottrace.store.PartitionedParquetWriter.WriterSettings;
import org.lottrace.store.iceberg.IcebergCatalogProperties;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The store's beans. DuckDB is deliberately not a {@code DataSource}. The store root is
 * made private to its owner (see {@link PrivateFiles}) before anything is written in it:
 * it holds the records, the job repository and the logs.
 */
@Configuration(proxyBeanMethods = false)
public class StoreConfiguration {

	@Bean
	StoreLayout storeLayout(StoreProperties properties) {
		return new StoreLayout(PrivateFiles.folder(properties.root()));
	}

	@Bean
	StoreWriteLock storeWriteLock(StoreLayout layout) {
		return new StoreWriteLock(layout);
	}

	@Bean
	StoreCatalog storeCatalog(StoreLayout layout) {
		return new StoreCatalog(layout);
	}

	/** The store's Iceberg tables in the configured catalog, for every command. */
	@Bean
	IcebergCatalogs icebergCatalogs(IcebergCatalogProperties properties, StoreLayout layout) {
		return new IcebergCatalogs(properties, layout);
	}

	@Bean
	DuckDb duckDb(DuckDbProperties properties, StoreLayout layout) {
		return new DuckDb(new DuckDb.Settings(properties.duckDbMemoryLimit(), properties.threads(),
				layout.root().resolve("_tmp")));
	}

	@Bean
	WriterSettings parquetWriterSettings(StoreProperties properties) {
		return new WriterSettings(properties.compression().codec(), properties.rowGroupSize().toBytes());
	}

}
