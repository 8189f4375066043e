/**
 * Ingestion: one generic Spring Batch job that reads a CSV export with Apache Commons
 * CSV, maps and validates each row through the source's mapping file in {@code jobs/},
 * writes the records to the store as Parquet, and sets bad rows aside with their reasons.
 * A new export layout is a new mapping file, not new code.
 */
@NullMarked
package org.lottrace.ingest;

import org.jspecify.annotations.NullMarked;
