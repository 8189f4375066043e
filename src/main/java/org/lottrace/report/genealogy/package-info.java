/**
 * The lot genealogy of a trace as an SVG drawing: which lots are drawn and what each box
 * says ({@link org.lottrace.report.genealogy.LotGenealogy}), where they go (ELK's layered
 * layout, {@link org.lottrace.report.genealogy.GenealogyLayout}) and the SVG markup
 * ({@link org.lottrace.report.genealogy.GenealogySvg}). The trace summary shows it, and
 * the report folder keeps it as {@code genealogy.svg}.
 */
@NullMarked
package org.lottrace.report.genealogy;

import org.jspecify.annotations.NullMarked;
