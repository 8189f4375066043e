/**
 * KDE completeness: what the records lack (KDEs missing, master data that does not
 * describe a location or product, inputs not linked) and the export rows held back
 * (pending, rejected), by source, CTE and month, so that gaps are closed before FDA asks.
 */
@NullMarked
package org.lottrace.completeness;

import org.jspecify.annotations.NullMarked;
