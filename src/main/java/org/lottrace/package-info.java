/**
 * lottrace: FSMA 204 lot traceability as a batch pipeline.
 */
@NullMarked
package org.lottrace;

import org.jspecify.annotations.NullMarked;
