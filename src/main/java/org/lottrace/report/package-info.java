/**
 * Reports for regulators, auditors and the quality team: the FDA electronic sortable
 * spreadsheet (XLSX and CSV), the trace summary, the mock-recall report and the manifest
 * that makes a report folder verifiable.
 */
@NullMarked
package org.lottrace.report;

import org.jspecify.annotations.NullMarked;
