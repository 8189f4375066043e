package org.lottrace.ingest;

import java.util.Map;

import org.lottrace.ingest.SourceMapping.FieldSource;
import org.lottrace.kde.Field;
import org.lottrace.kde.KdeField;

/**
 * A quantity read as a GS1 net weight carries its unit in the same scan (310n kg, 320n
 * lb): when the mapping does not map the unit, it is read from there too.
 */
final class Gs1Units {

	private static final Map<Field, Field> UNIT_OF = Map.of(KdeField.QUANTITY, KdeField.UNIT,
			KdeField.RECEIVED_QUANTITY, KdeField.RECEIVED_UNIT);

	private Gs1Units() {
	}

	static void derive(Map<Field, FieldSource> fields) {
		UNIT_OF.forEach((quantity, unit) -> {
			FieldSource source = fields.get(quantity);
			if (source != null && source.gs1() == Gs1Part.NET_WEIGHT && !fields.containsKey(unit)) {
				fields.put(unit, new FieldSource(source.columns(), source.separator(), source.constant(), null,
						java.util.List.of(), Map.of(), SourceMapping.Lookup.CODE, Gs1Part.NET_WEIGHT_UNIT));
			}
		});
	}

}
