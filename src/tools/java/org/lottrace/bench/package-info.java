/**
 * Benchmarks: commands that measure and print figures, never timed assertions.
 */
@NullMarked
package org.lottrace.bench;

import org.jspecify.annotations.NullMarked;
