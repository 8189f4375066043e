package org.lottrace.kde;

import org.jspecify.annotations.Nullable;

/**
 * A traceability lot as one record names it.
 * <p>
 * A traceability lot code (TLC) is only unique together with whoever assigned it: two
 * suppliers may both ship lot {@code L2301}, and those are two lots. When a record
 * carries the assigner the lot is fully identified. Internal systems (the scale, the
 * shipping system) usually name a lot by a local number only: the ERP's receiving lot or
 * the plant's own TLC. Such a reference has no assigner and is resolved later, through
 * the aliases the store knows (see {@code LotIdentity}).
 *
 * @param code the traceability lot code, or the local lot number a system scanned (§
 * 1.1345(a)(1), § 1.1340(a)(1), § 1.1350(a)(1)(i) and (a)(2)(i))
 * @param assigner code of the location or partner that assigned the TLC: the TLC source
 * (§ 1.1320); {@code null} when the record names the lot by a local number
 * @param internalLot the plant's own number for this lot (the ERP receiving lot), an
 * alias that resolves to it
 */
public record TraceabilityLot(String code, @Nullable String assigner, @Nullable String internalLot) {

	/**
	 * The separator of {@link #key()}; it cannot occur in a code because codes are
	 * trimmed single fields.
	 */
	public static final char KEY_SEPARATOR = '\u001f';

	/** True when the record identifies the lot completely (code plus assigner). */
	public boolean identified() {
		return this.assigner != null;
	}

	/**
	 * The lot's identity as one string: code and assigner. Only meaningful when
	 * {@link #identified()}.
	 */
	public String key() {
		return key(this.code, this.assigner);
	}

	public static String key(String code, @Nullable String assigner) {
		return code + KEY_SEPARATOR + (assigner != null ? assigner : "");
	}

}
