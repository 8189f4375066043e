/**
 * The store as Apache Iceberg tables: {@code kde_event}, {@code location} and
 * {@code product} in a file-system catalog under {@code store/iceberg/}, committing the
 * Parquet files lottrace's own writer writes, one snapshot per ingested export. Any
 * engine that reads Iceberg (Spark, Trino, DuckDB, PyIceberg) opens them by path. By
 * configuration ({@link org.lottrace.store.iceberg.IcebergCatalogProperties}) a JDBC or
 * REST catalog keeps them instead, their files staying in the store
 * ({@link org.lottrace.store.iceberg.IcebergCatalogs}).
 */
@NullMarked
package org.lottrace.store.iceberg;

import org.jspecify.annotations.NullMarked;
