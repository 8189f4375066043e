package org.lottrace.report.fda;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.ReferenceDocument;

/**
 * The reference documents a row shows: the one the rule requires, and a second one (the
 * scale tickets of a transformation input, a receipt beside its purchase order).
 */
record RowReferences(@Nullable ReferenceDocument first, @Nullable ReferenceDocument second, KdeEvent record,
		KdeRequirement need) {

}
