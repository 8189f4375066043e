package org.lottrace.gs1;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a GS1 Digital Link URI (GS1 Digital Link Standard: URI Syntax, release 1.4):
 * {@code https://id.gs1.org/01/09506000134352/10/ABC123?17=261231}. Any domain and any
 * path before the primary key are accepted (a brand's own resolver,
 * {@code https://example.com/products/01/...}); the primary key and its key qualifiers
 * are path segments, data attributes are query parameters with numeric names; other query
 * parameters ({@code linkType}) and the fragment are ignored. Segments are
 * percent-decoded.
 */
final class DigitalLinkParser {

	/** The primary keys lottrace reads: GTIN, SSCC, GLN of a location, party GLN. */
	private static final Set<String> PRIMARY_KEYS = Set.of("01", "00", "414", "417");

	private final int currentYear;

	DigitalLinkParser(int currentYear) {
		this.currentYear = currentYear;
	}

	static boolean looksLikeOne(String text) {
		return text.regionMatches(true, 0, "https://", 0, 8) || text.regionMatches(true, 0, "http://", 0, 7);
	}

	List<Element> parse(String uri) {
		String rest = uri.substring(uri.indexOf("://") + 3);
		int hash = rest.indexOf('#');
		if (hash >= 0) {
			rest = rest.substring(0, hash);
		}
		int question = rest.indexOf('?');
		String query = (question >= 0) ? rest.substring(question + 1) : "";
		String path = (question >= 0) ? rest.substring(0, question) : rest;
		int slash = path.indexOf('/');
		String[] segments = (slash >= 0) ? path.substring(slash + 1).split("/", -1) : new String[0];
		int key = 0;
		while (key < segments.length && !PRIMARY_KEYS.contains(segments[key])) {
			key++;
		}
		if (key >= segments.length) {
			throw new Gs1Exception("not a GS1 Digital Link: no primary key (/01/ GTIN, /00/ SSCC, /414/ or /417/ GLN)"
					+ " in the path of " + uri);
		}
		List<Element> elements = new ArrayList<>();
		for (int i = key; i < segments.length; i += 2) {
			if (i + 1 >= segments.length || segments[i + 1].isEmpty()) {
				throw new Gs1Exception("Digital Link path segment /" + segments[i] + "/ has no value (truncated?)");
			}
			elements.add(element(segments[i], decode(segments[i + 1])));
		}
		for (String parameter : query.isEmpty() ? new String[0] : query.split("&")) {
			int equals = parameter.indexOf('=');
			String name = (equals >= 0) ? parameter.substring(0, equals) : parameter;
			if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
				elements.add(element(name, decode((equals >= 0) ? parameter.substring(equals + 1) : "")));
			}
		}
		return elements;
	}

	private Element element(String code, String value) {
		ApplicationIdentifier ai = ApplicationIdentifiers.of(code)
			.orElseThrow(() -> new Gs1Exception("unknown Application Identifier " + code + " in the Digital Link"));
		boolean shortGtin = code.equals("01") && value.chars().allMatch(Character::isDigit)
				&& (value.length() == 8 || value.length() == 12 || value.length() == 13);
		return Elements.read(ai, shortGtin ? "0".repeat(14 - value.length()) + value : value, this.currentYear);
	}

	/** Percent-decoding of a path segment or query value (UTF-8; {@code +} stays). */
	static String decode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%') {
				if (i + 2 >= text.length()) {
					throw new Gs1Exception("incomplete percent-encoding in '" + text + "'");
				}
				try {
					bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				}
				catch (NumberFormatException ex) {
					throw new Gs1Exception("invalid percent-encoding '" + text.substring(i, i + 3) + "'");
				}
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
