/**
 * The trace summary: one self-contained HTML page that gives a trace's three answers
 * (which batch, which ingredient lots, who else received product), then the lot
 * genealogy, the mass balance and what the answer could not see. Each answer is built by
 * its section ({@link org.lottrace.report.summary.BatchSection},
 * {@link org.lottrace.report.summary.IngredientSection},
 * {@link org.lottrace.report.summary.ShipmentSection},
 * {@link org.lottrace.report.summary.BalanceSection}), which the mock-recall report shows
 * too.
 */
@NullMarked
package org.lottrace.report.summary;

import org.jspecify.annotations.NullMarked;
