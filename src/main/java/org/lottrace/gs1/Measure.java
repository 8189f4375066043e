package org.lottrace.gs1;

import java.math.BigDecimal;

/**
 * A trade measure read from a barcode, e.g. a net weight of 1.25 kg from
 * {@code (3102)000125}.
 *
 * @param value the amount, with the decimals the AI implies
 * @param unit {@code kg} or {@code lb} (the units of lottrace's {@code jobs/units.yml})
 */
public record Measure(BigDecimal value, String unit) {

}
