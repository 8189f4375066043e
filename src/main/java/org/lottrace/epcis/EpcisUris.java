package org.lottrace.epcis;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.lottrace.gs1.CheckDigit;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.ReferenceDocument;
import org.lottrace.kde.TraceabilityLot;

/**
 * The identifiers an EPCIS document gives lots, products, locations, parties and
 * documents. GS1 identifiers where the master data has a valid one, as GS1 Digital Link
 * URIs (the form the GS1 US FSMA 204 guideline uses, and one that needs no GS1 Company
 * Prefix length, unlike {@code urn:epc:id:sgln}); otherwise URNs under
 * {@code urn:lottrace:} that keep lottrace's own codes, each part percent-encoded:
 * <ul>
 * <li>a lot of a product with a GTIN: {@code https://id.gs1.org/01/{gtin}/10/{lot}}
 * (LGTIN); any other lot: {@code urn:lottrace:lot:{assigner}:{code}}; a local lot number
 * that resolves to no lot: {@code urn:lottrace:alias:{number}}</li>
 * <li>a product: {@code https://id.gs1.org/01/{gtin}} or
 * {@code urn:lottrace:product:{code}}</li>
 * <li>a location: {@code https://id.gs1.org/414/{gln}} or
 * {@code urn:lottrace:location:{code}}; a trading partner:
 * {@code urn:lottrace:party:{partner}}</li>
 * <li>a reference document: {@code urn:lottrace:doc:{type}:{number}}; a work order's
 * transformation: {@code urn:lottrace:workorder:{number}}</li>
 * </ul>
 */
public final class EpcisUris {

	public static final String GS1_RESOLVER = "https://id.gs1.org/";

	public static final String PREFIX = "urn:lottrace:";

	private static final Pattern GTIN = Pattern.compile("\\d{8}|\\d{12,14}");

	private static final Pattern GLN = Pattern.compile("\\d{13}");

	private EpcisUris() {
	}

	public static String lot(TraceabilityLot lot, @Nullable Product product) {
		String gtin = gtin(product);
		if (gtin != null) {
			return GS1_RESOLVER + "01/" + gtin + "/10/" + encode(lot.code());
		}
		return (lot.assigner() != null) ? urn("lot", lot.assigner(), lot.code()) : urn("alias", lot.code());
	}

	public static String product(String code, @Nullable Product product) {
		String gtin = gtin(product);
		return (gtin != null) ? GS1_RESOLVER + "01/" + gtin : urn("product", code);
	}

	public static String location(String code, @Nullable Location location) {
		String gln = (location != null) ? location.gln() : null;
		boolean valid = gln != null && GLN.matcher(gln).matches() && CheckDigit.valid(gln);
		return valid ? GS1_RESOLVER + "414/" + gln : urn("location", code);
	}

	public static String party(String partnerCode) {
		return urn("party", partnerCode);
	}

	public static String document(ReferenceDocument document) {
		return urn("doc", document.type(), document.number());
	}

	public static String workOrder(String workOrder) {
		return urn("workorder", workOrder);
	}

	/**
	 * The product's GTIN as 14 digits, when it has one with a valid check digit: a number
	 * that fails it is not a GTIN, and a Digital Link built on it would be refused by any
	 * GS1 resolver.
	 */
	static @Nullable String gtin(@Nullable Product product) {
		String gtin = (product != null) ? product.gtin() : null;
		if (gtin == null || !GTIN.matcher(gtin).matches()) {
			return null;
		}
		String padded = "0".repeat(14 - gtin.length()) + gtin;
		return CheckDigit.valid(padded) ? padded : null;
	}

	static String urn(String kind, String... parts) {
		StringBuilder urn = new StringBuilder(PREFIX).append(kind);
		for (String part : parts) {
			urn.append(':').append(encode(part));
		}
		return urn.toString();
	}

	/** Percent-encodes every character but the unreserved ones of RFC 3986. */
	public static String encode(String text) {
		StringBuilder out = new StringBuilder(text.length());
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
				out.append(c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

}
