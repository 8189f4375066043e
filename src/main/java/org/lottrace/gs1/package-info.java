/**
 * GS1 barcodes as a scale or a scanner reads them: element strings (GS1-128, GS1
 * DataMatrix, GS1 QR Code, with or without parentheses, FNC1 separators and a symbology
 * identifier) and GS1 Digital Link URIs, parsed into Application Identifiers with their
 * check digits, dates and implied decimals verified. Plain Java: no Spring, no I/O.
 */
@NullMarked
package org.lottrace.gs1;

import org.jspecify.annotations.NullMarked;
