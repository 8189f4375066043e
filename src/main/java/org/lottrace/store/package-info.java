/**
 * The store: immutable, Hive-partitioned Parquet files, a commit log that makes each
 * ingestion visible at once or not at all, and DuckDB access to what is committed.
 */
@NullMarked
package org.lottrace.store;

import org.jspecify.annotations.NullMarked;
