/**
 * The traceability plan of 21 CFR 1.1315, written from the configuration (the mappings in
 * {@code jobs/}, the master data, the settings) and kept as dated versions: a new version
 * only when the content changed, and no version ever deleted.
 */
@NullMarked
package org.lottrace.plan;

import org.jspecify.annotations.NullMarked;
