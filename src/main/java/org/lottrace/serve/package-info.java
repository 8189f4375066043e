/**
 * The service ({@code lottrace serve}): nightly ingestion of the inbox on a schedule,
 * traces and FDA reports over HTTP, the web page for the quality manager, health and
 * metrics.
 */
@NullMarked
package org.lottrace.serve;

import org.jspecify.annotations.NullMarked;
