package org.lottrace.epcis;

import java.util.Map;
import java.util.Optional;

/**
 * lottrace's units ({@code jobs/units.yml}) as UN/ECE Recommendation 20 codes, the
 * {@code uom} of an EPCIS quantity. Packages use Recommendation 21 package codes prefixed
 * with {@code X}, as Recommendation 20 (revision 11) prescribes for units of packaging
 * ({@code XCS} case, {@code XBG} bag). A unit without a code here (a tote) is written as
 * the normalized quantity in its base unit instead.
 */
public final class UnitCodes {

	private static final Map<String, String> CODES = Map.ofEntries(Map.entry("kg", "KGM"), Map.entry("g", "GRM"),
			Map.entry("lb", "LBR"), Map.entry("oz", "ONZ"), Map.entry("t", "TNE"), Map.entry("each", "H87"),
			Map.entry("dozen", "DZN"), Map.entry("l", "LTR"), Map.entry("ml", "MLT"), Map.entry("gal", "GLL"),
			Map.entry("case", "XCS"), Map.entry("bag", "XBG"), Map.entry("pail", "XPL"), Map.entry("drum", "XDR"),
			Map.entry("pallet", "XPX"), Map.entry("bin", "XBI"), Map.entry("tank", "XTK"));

	private UnitCodes() {
	}

	/** The UN/ECE code of a canonical unit, if it has one. */
	public static Optional<String> of(String unit) {
		return Optional.ofNullable(CODES.get(unit));
	}

	/** Every unit with a code, for the documentation and the import's aliases. */
	public static Map<String, String> all() {
		return CODES;
	}

}
