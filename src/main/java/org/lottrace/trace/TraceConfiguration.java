package org.lottrace.trace;

import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The derived index and its refresher. */
@Configuration(proxyBeanMethods = false)
public class TraceConfiguration {

	@Bean(destroyMethod = "close")
	LotIndex lotIndex(StoreLayout layout, DuckDb duckDb) {
		return new LotIndex(layout, duckDb);
	}

	@Bean
	IndexRefresher indexRefresher(LotIndex lotIndex, StoreCatalog catalog, IcebergCatalogs iceberg) {
		return new IndexRefresher(lotIndex, catalog, iceberg);
	}

}
