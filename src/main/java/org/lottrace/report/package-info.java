/**
 * Reports for regulators, auditors and the quality team, and what they share.
 * {@link org.lottrace.report.ReportWriter} writes a report folder: the answers as JSON
 * ({@link org.lottrace.report.TraceAnswers}, {@link org.lottrace.report.RecordsAnswer}),
 * the FDA sortable spreadsheet ({@code report.fda}), the trace summary
 * ({@code report.summary}) with its lot genealogy ({@code report.genealogy}), the
 * mock-recall report ({@code report.recall}) and the EPCIS document; the
 * {@link org.lottrace.report.Manifest} makes the folder verifiable. Here too: the records
 * a report covers ({@link org.lottrace.report.RecordSet}), a trace's answers with their
 * gaps ({@link org.lottrace.report.TraceFindings}), and how the HTML reports name, format
 * and render what a trace found.
 */
@NullMarked
package org.lottrace.report;

import org.jspecify.annotations.NullMarked;
