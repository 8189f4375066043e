/**
 * The FSMA 204 model: Critical Tracking Events, their Key Data Elements, lots, quantities
 * and master data. Plain Java: no Spring, Batch or I/O.
 */
@NullMarked
package org.lottrace.kde;

import org.jspecify.annotations.NullMarked;
