package org.lottrace.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.gs1.CheckDigit;
import org.lottrace.gs1.ElementString;
import org.lottrace.gs1.Gs1Parser;

/**
 * Reads the identifiers of an EPCIS document: GS1 Digital Link URIs (any domain), the EPC
 * URNs of the EPC Tag Data Standard ({@code urn:epc:class:lgtin},
 * {@code urn:epc:id:sgtin}, {@code urn:epc:idpat:sgtin}, {@code urn:epc:id:sgln},
 * {@code urn:epc:id:pgln}) and lottrace's own URNs
 * ({@code urn:lottrace:lot:{assigner}:{code}} and the others of {@code epcis/EpcisUris},
 * parts percent-decoded). A GTIN is given as 14 digits and a GLN as 13, with their check
 * digits computed from the URN's company prefix and reference.
 */
final class EpcisIds {

	private static final String LOTTRACE = "urn:lottrace:";

	private static final Gs1Parser GS1 = new Gs1Parser(Clock.systemUTC());

	private EpcisIds() {
	}

	/**
	 * What a quantity element's class or an EPC identifies.
	 *
	 * @param lot the lot (batch) code, or {@code null} when it names no lot
	 * @param assigner who assigned the lot code, when the identifier says (a lottrace
	 * URN)
	 * @param product the product code, when the identifier or the document's master data
	 * says
	 * @param problem why the identifier could not be read, or {@code null}
	 */
	record Item(@Nullable String gtin, @Nullable String lot, @Nullable String assigner, @Nullable String product,
			@Nullable String problem) {

		static Item problem(String problem) {
			return new Item(null, null, null, null, problem);
		}

	}

	/** A location or party: its GLN, or its lottrace code. */
	record Place(@Nullable String gln, @Nullable String code) {

		static final Place NONE = new Place(null, null);

	}

	/**
	 * @param lotProducts the product of each {@code urn:lottrace:lot} class, and of each
	 * GTIN ({@code gtin:<14 digits>}), from the document's master data
	 */
	static Item item(String id, Map<String, String> lotProducts) {
		try {
			if (id.startsWith("urn:epc:class:lgtin:")) {
				String[] parts = id.substring("urn:epc:class:lgtin:".length()).split("\\.", 3);
				if (parts.length != 3) {
					return Item.problem(id + " is not an LGTIN URN (company prefix.item reference.lot)");
				}
				String gtin = gtin(parts[0], parts[1]);
				return new Item(gtin, decode(parts[2]), null, lotProducts.get("gtin:" + gtin), null);
			}
			if (id.startsWith("urn:epc:id:sgtin:") || id.startsWith("urn:epc:idpat:sgtin:")) {
				String[] parts = id.substring(id.indexOf("sgtin:") + 6).split("\\.", 3);
				return new Item((parts.length >= 2) ? gtin(parts[0], parts[1]) : null, null, null, null, null);
			}
			if (id.startsWith(LOTTRACE + "lot:")) {
				String[] parts = id.substring((LOTTRACE + "lot:").length()).split(":", 2);
				return (parts.length == 2)
						? new Item(null, decode(parts[1]), decode(parts[0]), lotProducts.get(id), null)
						: Item.problem(id + " is not a lottrace lot URN (urn:lottrace:lot:{assigner}:{code})");
			}
			if (id.startsWith(LOTTRACE + "product:")) {
				return new Item(null, null, null, decode(id.substring((LOTTRACE + "product:").length())), null);
			}
			if (id.startsWith("http://") || id.startsWith("https://")) {
				ElementString link = GS1.parse(id);
				String gtin = link.gtin().orElse(null);
				return new Item(gtin, link.lot().orElse(null), null,
						(gtin != null) ? lotProducts.get("gtin:" + gtin) : null, null);
			}
			return Item.problem(id + " is not an identifier lottrace reads (an LGTIN or SGTIN URN, a GS1 Digital "
					+ "Link, or a lottrace URN)");
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			return Item.problem(id + ": " + ex.getMessage());
		}
	}

	/** A location ({@code readPoint}, {@code bizLocation}, a source or destination). */
	static Place place(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return Place.NONE;
		}
		try {
			if (id.startsWith("urn:epc:id:sgln:") || id.startsWith("urn:epc:id:pgln:")) {
				String[] parts = id.substring("urn:epc:id:sgln:".length()).split("\\.", 3);
				return (parts.length >= 2) ? new Place(gln(parts[0], parts[1]), null) : Place.NONE;
			}
			if (id.startsWith(LOTTRACE + "location:") || id.startsWith(LOTTRACE + "party:")) {
				return new Place(null, decode(id.substring(id.indexOf(':', LOTTRACE.length()) + 1)));
			}
			if (id.startsWith("http://") || id.startsWith("https://")) {
				ElementString link = GS1.parse(id);
				return new Place(link.value("414").or(() -> link.value("417")).orElse(null), null);
			}
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			// not a location lottrace can read: the raw identifier is still in its column
		}
		return Place.NONE;
	}

	/**
	 * The number of a business transaction: a lottrace URN's number, else the last part
	 * of the identifier ({@code http://transaction.acme.com/po/12345678} gives
	 * {@code 12345678}).
	 */
	static String documentNumber(String id) {
		if (id.startsWith(LOTTRACE + "doc:")) {
			String[] parts = id.substring((LOTTRACE + "doc:").length()).split(":", 2);
			return decode(parts[parts.length - 1]);
		}
		String trimmed = id.endsWith("/") ? id.substring(0, id.length() - 1) : id;
		return decode(trimmed.substring(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf(':')) + 1));
	}

	/**
	 * The document type a lottrace document URN names
	 * ({@code urn:lottrace:doc:Purchase%20order:PO-1} gives {@code Purchase order}), or
	 * {@code null} for any other identifier.
	 */
	static @Nullable String lottraceDocumentType(String id) {
		if (!id.startsWith(LOTTRACE + "doc:")) {
			return null;
		}
		String[] parts = id.substring((LOTTRACE + "doc:").length()).split(":", 2);
		return (parts.length == 2) ? decode(parts[0]) : null;
	}

	/** A business transaction type: its CBV name, or a lottrace URN's type. */
	static String documentType(String type) {
		if (type.startsWith(LOTTRACE + "doctype:")) {
			return decode(type.substring((LOTTRACE + "doctype:").length()));
		}
		return shortName(type);
	}

	/**
	 * The CBV name of a business step, disposition or transaction type, from its short
	 * form, its URN ({@code urn:epcglobal:cbv:bizstep:shipping}) or its web URI
	 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}).
	 */
	static String shortName(String value) {
		String name = value.substring(Math.max(value.lastIndexOf(':'), value.lastIndexOf('/')) + 1);
		int dash = name.indexOf('-');
		return (value.contains("ref.gs1.org/cbv/") && dash >= 0) ? name.substring(dash + 1) : name;
	}

	/** The work order of a lottrace transformation ID; any other ID as it is. */
	static String transformation(String id) {
		return id.startsWith(LOTTRACE + "workorder:") ? decode(id.substring((LOTTRACE + "workorder:").length())) : id;
	}

	/**
	 * GTIN-14 from an EPC URN's company prefix and item reference (whose first digit is
	 * the indicator).
	 */
	private static String gtin(String companyPrefix, String itemReference) {
		String digits = itemReference.charAt(0) + companyPrefix + itemReference.substring(1);
		if (!digits.matches("\\d{13}")) {
			throw new IllegalArgumentException("company prefix and item reference do not make 13 digits");
		}
		return digits + CheckDigit.of(digits);
	}

	private static String gln(String companyPrefix, String locationReference) {
		String digits = companyPrefix + locationReference;
		if (!digits.matches("\\d{12}")) {
			throw new IllegalArgumentException("company prefix and location reference do not make 12 digits");
		}
		return digits + CheckDigit.of(digits);
	}

	/** Percent-decoding (UTF-8), as EPC URNs and lottrace's URNs escape. */
	static String decode(String text) {
		if (text.indexOf('%') < 0) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' && i + 2 < text.length()) {
				bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
