/**
 * The FDA electronic sortable spreadsheet (21 CFR 1.1455(c)) of a set of records: one
 * sheet per Critical Tracking Event with FDA's column layout, the Explanations, Request
 * and Missing or doubtful KDEs sheets, written as one XLSX workbook and as one CSV file
 * per sheet. {@link org.lottrace.report.fda.CteLayouts} holds the columns of every CTE
 * sheet, {@link org.lottrace.report.fda.TransformationRows} the rows of the
 * Transformation sheet.
 */
@NullMarked
package org.lottrace.report.fda;

import org.jspecify.annotations.NullMarked;
