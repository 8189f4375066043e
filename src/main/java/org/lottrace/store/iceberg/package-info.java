/**
 * The store as Apache Iceberg tables: {@code kde_event}, {@code location} and
 * {@code product} in a file-system catalog under {@code store/iceberg/}, committing the
 * Parquet files lottrace's own writer writes, one snapshot per ingested export. Any
 * engine that reads Iceberg (Spark, Trino, DuckDB, PyIceberg) opens them by path.
 */
@NullMarked
package org.lottrace.store.iceberg;

import org.jspecify.annotations.NullMarked;
