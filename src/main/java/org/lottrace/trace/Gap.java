package org.lottrace.trace;

import org.jspecify.annotations.Nullable;

/**
 * Something an answer could not see, or saw in doubt: a row of an export in its scope
 * that was rejected or is pending, an input that no lot could be found for, a location
 * that master data does not describe, a mass balance that does not close, a KDE the rule
 * requires that the records do not hold. An answer with gaps says it is incomplete, in
 * every output.
 *
 * @param kind what sort of gap
 * @param lot the lot it concerns, as people read it ({@code L2301 (V120)}), or
 * {@code null} when it concerns no single lot
 * @param reason what is missing and why, in words
 * @param source the source (mapping) of the export line it comes from, if any
 * @param file the export's file name, if any
 * @param line the export line (the header counts), if any
 */
public record Gap(Kind kind, @Nullable String lot, String reason, @Nullable String source, @Nullable String file,
		@Nullable Long line) {

	/** The sorts of gaps, in the order answers list them. */
	public enum Kind {

		REJECTED_ROW("rejected row", true),

		PENDING_ROW("pending row", true),

		UNLINKED_INPUT("input not linked", true),

		UNKNOWN_LOCATION("location not in master data", false),

		MISSING_KDE("missing KDE", false),

		ASSUMED_TLC_SOURCE("TLC source assumed", false),

		MASS_BALANCE("mass balance", false);

		private final String label;

		private final boolean hidesLinks;

		Kind(String label, boolean hidesLinks) {
			this.label = label;
			this.hidesLinks = hidesLinks;
		}

		/**
		 * Whether a gap of this kind may hide lots, links or customers from the answer (a
		 * row that did not become a record, an input without its lot), rather than leave
		 * a KDE of a record it shows unknown.
		 */
		public boolean hidesLinks() {
			return this.hidesLinks;
		}

		/** How the kind reads in reports: {@code pending row}. */
		public String label() {
			return this.label;
		}

	}

	/**
	 * The verdict every output of an answer opens with: complete, or incomplete with how
	 * many gaps may hide lots, links or customers and how many leave the records short.
	 */
	public static String verdict(java.util.List<Gap> gaps) {
		if (gaps.isEmpty()) {
			return "COMPLETE: nothing in the scope of this answer was rejected, pending, unlinked or missing.";
		}
		long hiding = gaps.stream().filter((g) -> g.kind().hidesLinks()).count();
		StringBuilder verdict = new StringBuilder("INCOMPLETE: ").append(gaps.size()).append(" gap(s) in its scope");
		if (hiding > 0) {
			verdict.append("; ").append(hiding).append(" may hide lots, links or customers");
		}
		if (hiding < gaps.size()) {
			verdict.append("; ")
				.append(gaps.size() - hiding)
				.append(" leave KDEs or quantities of the records shown in doubt");
		}
		return verdict.append('.').toString();
	}

	/** Where it comes from, for people: {@code TICKETS_20261019.csv line 77}. */
	public @Nullable String where() {
		if (this.file == null) {
			return null;
		}
		return this.file + ((this.line != null) ? " line " + this.line : "");
	}

}
