/**
 * FDA records requests and their 24-hour clock (21 CFR 1.1455(c)): each request logged
 * when it arrives (who asked, its scope, when), its spreadsheet produced and what was
 * sent, in an append-only log that survives restarts.
 */
@NullMarked
package org.lottrace.fda;

import org.jspecify.annotations.NullMarked;
