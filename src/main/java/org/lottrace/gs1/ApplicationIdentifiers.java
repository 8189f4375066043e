package org.lottrace.gs1;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lottrace.gs1.ApplicationIdentifier.Kind;

/**
 * The Application Identifiers lottrace reads, after the GS1 General Specifications
 * (Release 25, section 3 and figure 5.10.1-2): the keys, dates, lot and serial numbers,
 * trade measures, counts, location numbers and internal AIs found on food labels and
 * scale tickets. An AI outside this table is reported as unknown rather than guessed at:
 * without its length a raw element string cannot be split further.
 */
public final class ApplicationIdentifiers {

	/**
	 * First two digits of the AIs whose element strings have a predefined length and so
	 * need no FNC1 after them (General Specifications figure 5.10.1-2).
	 */
	private static final Set<String> PREDEFINED_LENGTH = Set.of("00", "01", "02", "03", "04", "11", "12", "13", "14",
			"15", "16", "17", "18", "19", "20", "31", "32", "33", "34", "35", "36", "41");

	private static final Map<String, ApplicationIdentifier> TABLE = new HashMap<>();

	static {
		fixed("00", "SSCC", 18, Kind.CHECK_DIGIT);
		fixed("01", "GTIN", 14, Kind.CHECK_DIGIT);
		fixed("02", "CONTENT", 14, Kind.CHECK_DIGIT);
		text("10", "BATCH/LOT", 20);
		fixed("11", "PROD DATE", 6, Kind.DATE);
		fixed("12", "DUE DATE", 6, Kind.DATE);
		fixed("13", "PACK DATE", 6, Kind.DATE);
		fixed("15", "BEST BEFORE or BEST BY", 6, Kind.DATE);
		fixed("16", "SELL BY", 6, Kind.DATE);
		fixed("17", "USE BY or EXPIRY", 6, Kind.DATE);
		fixed("20", "VARIANT", 2, Kind.PLAIN);
		text("21", "SERIAL", 20);
		text("22", "CPV", 20);
		add(new ApplicationIdentifier("30", "VAR. COUNT", true, 1, 8, true, Kind.PLAIN));
		add(new ApplicationIdentifier("37", "COUNT", true, 1, 8, true, Kind.PLAIN));
		measures("310", "NET WEIGHT (kg)");
		measures("311", "LENGTH (m)");
		measures("315", "NET VOLUME (l)");
		measures("320", "NET WEIGHT (lb)");
		measures("330", "GROSS WEIGHT (kg)");
		measures("340", "GROSS WEIGHT (lb)");
		text("400", "ORDER NUMBER", 30);
		text("401", "GINC", 30);
		for (int ai = 410; ai <= 417; ai++) {
			fixed(String.valueOf(ai), (ai == 417) ? "PARTY" : "GLN " + ai, 13, Kind.CHECK_DIGIT);
		}
		text("420", "SHIP TO POST", 20);
		fixed("422", "ORIGIN", 3, Kind.PLAIN);
		add(new ApplicationIdentifier("7007", "HARVEST DATE", true, 6, 12, true, Kind.PLAIN));
		text("90", "INTERNAL", 30);
		for (int ai = 91; ai <= 99; ai++) {
			text(String.valueOf(ai), "INTERNAL", 90);
		}
	}

	private ApplicationIdentifiers() {
	}

	/** The AI with this code, if lottrace knows it. */
	public static Optional<ApplicationIdentifier> of(String code) {
		return Optional.ofNullable(TABLE.get(code));
	}

	/**
	 * The AI at the start of {@code text} from {@code from}: GS1 AIs are prefix-free, so
	 * at most one of the 2-, 3- and 4-digit prefixes is one.
	 */
	static Optional<ApplicationIdentifier> at(String text, int from) {
		for (int length = 2; length <= 4 && from + length <= text.length(); length++) {
			ApplicationIdentifier ai = TABLE.get(text.substring(from, from + length));
			if (ai != null) {
				return Optional.of(ai);
			}
		}
		return Optional.empty();
	}

	private static void fixed(String code, String title, int length, Kind kind) {
		add(new ApplicationIdentifier(code, title, true, length, length, !predefined(code), kind));
	}

	private static void text(String code, String title, int maxLength) {
		add(new ApplicationIdentifier(code, title, false, 1, maxLength, true, Kind.PLAIN));
	}

	/** {@code 3100}..{@code 3105}: the last digit is the number of decimals. */
	private static void measures(String prefix, String title) {
		for (int decimals = 0; decimals <= 5; decimals++) {
			add(new ApplicationIdentifier(prefix + decimals, title, true, 6, 6, false, Kind.DECIMAL));
		}
	}

	private static boolean predefined(String code) {
		return PREDEFINED_LENGTH.contains(code.substring(0, 2));
	}

	private static void add(ApplicationIdentifier ai) {
		TABLE.put(ai.code(), ai);
	}

}
