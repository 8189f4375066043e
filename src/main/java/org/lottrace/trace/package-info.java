/**
 * Tracing lots backward (to their ingredient lots) and forward (to the lots made from
 * them and the customers who received them), through a derived DuckDB index of the store
 * that is refreshed incrementally and can be deleted and rebuilt at any time.
 */
@NullMarked
package org.lottrace.trace;

import org.jspecify.annotations.NullMarked;
