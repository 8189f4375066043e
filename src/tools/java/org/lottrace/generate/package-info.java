/**
 * Synthetic exports of any size, in the same layouts as the sample data, deterministic
 * for a seed: for tests and benchmarks.
 */
@NullMarked
package org.lottrace.generate;

import org.jspecify.annotations.NullMarked;
