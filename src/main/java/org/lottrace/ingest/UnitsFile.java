package org.lottrace.ingest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** {@code jobs/units.yml} as written. */
record UnitsFile(@Nullable Map<String, Unit> units, @Nullable Map<String, String> aliases,
		@Nullable Map<String, List<String>> items) {

	record Unit(@Nullable String dimension, @Nullable BigDecimal factor) {

	}

}
