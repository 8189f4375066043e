/**
 * The report of a BRCGS / SQF traceability test (mock recall): one self-contained HTML
 * file with the scenario, the time the trace took against the 4-hour target, the trace
 * both ways (from the trace summary's sections), the quantity reconciliation, the gaps
 * and blank fields for the team to fill in and sign.
 */
@NullMarked
package org.lottrace.report.recall;

import org.jspecify.annotations.NullMarked;
