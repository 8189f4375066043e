package org.lottrace.report.fda;

import java.time.LocalDate;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;

/**
 * What one row of a CTE sheet is about: a record (for a transformation, the record that
 * gives the event's location, date and reference document), and for a transformation the
 * input lot and output lot on the row. The column layouts ({@link CteLayouts}) read their
 * cells from here.
 */
final class RowFacts {

	/**
	 * Event date, then lot code, then work order, inputs before outputs, then record key.
	 */
	static final Comparator<RowFacts> ORDER = Comparator.comparing((RowFacts f) -> f.sortDate)
		.thenComparing((f) -> f.sortLot)
		.thenComparing((f) -> f.group)
		.thenComparingInt((f) -> (f.input != null) ? 0 : 1)
		.thenComparing((f) -> f.sortKey);

	private final Lookup lookup;

	private final KdeEvent event;

	private final @Nullable KdeEvent output;

	private final @Nullable InputLot input;

	private final Need eventNeed;

	private final boolean outputQuantity;

	private final @Nullable String noInput;

	private final @Nullable String noOutput;

	private final LocalDate sortDate;

	private final String sortLot;

	private final String group;

	private final String sortKey;

	private RowFacts(Lookup lookup, KdeEvent event, @Nullable KdeEvent output, @Nullable InputLot input, Need eventNeed,
			boolean outputQuantity, @Nullable String noInput, @Nullable String noOutput, String sortLot, String group) {
		this.lookup = lookup;
		this.event = event;
		this.output = output;
		this.input = input;
		this.eventNeed = eventNeed;
		this.outputQuantity = outputQuantity;
		this.noInput = noInput;
		this.noOutput = noOutput;
		this.sortDate = event.eventDate();
		this.sortLot = sortLot;
		this.group = group;
		this.sortKey = (input != null) ? input.first().recordKey()
				: (output != null) ? output.recordKey() : event.recordKey();
	}

	/** The row of a record of any CTE but transformation. */
	static RowFacts of(Lookup lookup, KdeEvent event) {
		return new RowFacts(lookup, event, null, null, Need.REQUIRED, false, null, null, lookup.sortCode(event), "");
	}

	/**
	 * A transformation row.
	 * @param event the record that gives the event's location, date and reference
	 * document: the output, or an input when no output is in the records
	 * @param output the output lot on this row, or {@code null}
	 * @param input the input lot on this row, or {@code null}
	 * @param outputQuantity whether this row shows the output quantity
	 * @param noInput why an output row has no input, when that is a gap
	 * @param noOutput why an input row has no output, when that is a gap
	 * @param sortLot the lot code the transformation sorts by
	 * @param group the work order that groups the transformation's rows
	 */
	static RowFacts transformation(Lookup lookup, KdeEvent event, @Nullable KdeEvent output, @Nullable InputLot input,
			boolean outputQuantity, @Nullable String noInput, @Nullable String noOutput, String sortLot, String group) {
		Need eventNeed = (output != null || event.role() == EventRole.OUTPUT) ? Need.REQUIRED : Need.OPTIONAL;
		return new RowFacts(lookup, event, output, input, eventNeed, outputQuantity, noInput, noOutput, sortLot, group);
	}

	Lookup lookup() {
		return this.lookup;
	}

	// Every CTE

	Cell lot() {
		return this.lookup.lotCell(this.event);
	}

	Amount quantity() {
		return Amount.of(this.event);
	}

	Use product() {
		return Use.required(this.event.productCode(), this.event);
	}

	/** The immediate previous source or immediate subsequent recipient. */
	Use partner() {
		return Use.required(this.event.locations().partner(), this.event);
	}

	/** Where the event happened: received at, shipped from, farm, cooling site. */
	Use location() {
		return Use.required(this.event.locations().location(), this.event);
	}

	/**
	 * Where the event happened, for the CTEs whose site is the TLC source (packing, first
	 * land-based receiving, transformation).
	 */
	Use site() {
		String code = first(this.event.locations().location(), this.event.locations().tlcSource(),
				this.lookup.assigner(this.event));
		return Use.of(code, this.event, this.eventNeed);
	}

	/** The TLC source: as recorded, else whoever assigned the lot code. */
	Use tlcSource() {
		String code = first(this.event.locations().tlcSource(), this.lookup.assigner(this.event));
		Need need = (this.event.locations().tlcSourceReference() != null) ? Need.SHOWN : Need.REQUIRED;
		return new Use(code, this.event, need,
				"neither a TLC source location nor a TLC source reference is recorded, and who assigned the "
						+ "lot code is unknown");
	}

	Cell tlcSourceReference() {
		return Cell.of(this.event.locations().tlcSourceReference());
	}

	Cell date() {
		return Cell.of(this.event.eventDate());
	}

	Refs references() {
		return new Refs(this.event.reference(), this.event.secondReference(), this.event, this.eventNeed);
	}

	// Harvesting, cooling, initial packing, first land-based receiving

	FarmKdes farm() {
		return this.event.farm();
	}

	Use harvestFarm() {
		return Use.required(farm().harvestLocation(), this.event);
	}

	Use coolingLocation() {
		return Use.of(farm().coolingLocation(), this.event, Need.OPTIONAL);
	}

	Use receivedProduct() {
		return Use.required(farm().receivedProductCode(), this.event);
	}

	Amount receivedQuantity() {
		return new Amount(farm().receivedQuantity(), this.event, Need.REQUIRED, null);
	}

	Cell required(@Nullable Object value) {
		return Cell.required(value, this.event, Use.NOT_RECORDED);
	}

	// Transformation

	Cell inputLot() {
		if (this.input == null) {
			return (this.noInput != null) ? Cell.missing(this.noInput, this.event) : Cell.BLANK;
		}
		KdeEvent first = this.input.first();
		Cell cell = this.lookup.lotCell(first);
		if (cell.gap() != null && this.input.records().size() > 1) {
			return new Cell(cell.value(),
					cell.gap() + " (records "
							+ String.join(", ", this.input.records().stream().map(KdeEvent::recordKey).toList()) + ")",
					first);
		}
		return cell;
	}

	Use inputProduct() {
		if (this.input == null) {
			return Use.NONE;
		}
		KdeEvent first = this.input.first();
		String lot = this.lookup.sortCode(first);
		return new Use(this.input.productCode(), first, Need.REQUIRED,
				(this.input.lotKey() != null) ? "no other record of lot " + lot + " in these records names its product"
						: "lot number " + lot + " resolves to no lot, so its product is unknown");
	}

	Amount inputQuantity() {
		if (this.input == null) {
			return Amount.NONE;
		}
		return new Amount(this.input.quantity(), this.input.first(), Need.REQUIRED, null);
	}

	Cell newLot() {
		if (this.output == null) {
			return (this.noOutput != null) ? Cell.missing(this.noOutput, this.event) : Cell.BLANK;
		}
		return this.lookup.lotCell(this.output);
	}

	Use outputProduct() {
		return (this.output != null) ? Use.required(this.output.productCode(), this.output) : Use.NONE;
	}

	Amount outputQuantity() {
		return (this.output != null && this.outputQuantity) ? Amount.of(this.output) : Amount.NONE;
	}

	/**
	 * The transformation's reference document; the second one lists the input's own
	 * documents (its scale tickets) on an input row.
	 */
	Refs transformationReferences() {
		if (this.input == null) {
			return references();
		}
		return new Refs(this.event.reference(), this.input.documents(this.event.reference()), this.event,
				this.eventNeed);
	}

	@SafeVarargs
	private static <T> @Nullable T first(@Nullable T... values) {
		for (T value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
