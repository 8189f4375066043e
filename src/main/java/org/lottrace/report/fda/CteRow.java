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
final class CteRow {

	/**
	 * Event date, then lot code, then work order, inputs before outputs, then record key.
	 */
	static final Comparator<CteRow> ORDER = Comparator.comparing((CteRow f) -> f.sortDate)
		.thenComparing((f) -> f.sortLot)
		.thenComparing((f) -> f.group)
		.thenComparingInt((f) -> (f.input != null) ? 0 : 1)
		.thenComparing((f) -> f.sortKey);

	private final RecordLookup lookup;

	private final KdeEvent event;

	private final @Nullable KdeEvent output;

	private final @Nullable InputLot input;

	private final KdeRequirement eventNeed;

	private final boolean outputQuantity;

	private final @Nullable String noInput;

	private final @Nullable String noOutput;

	private final LocalDate sortDate;

	private final String sortLot;

	private final String group;

	private final String sortKey;

	private CteRow(RecordLookup lookup, KdeEvent event, @Nullable KdeEvent output, @Nullable InputLot input,
			KdeRequirement eventNeed, boolean outputQuantity, @Nullable String noInput, @Nullable String noOutput,
			String sortLot, String group) {
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
	static CteRow of(RecordLookup lookup, KdeEvent event) {
		return new CteRow(lookup, event, null, null, KdeRequirement.REQUIRED, false, null, null, lookup.sortCode(event),
				"");
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
	static CteRow transformation(RecordLookup lookup, KdeEvent event, @Nullable KdeEvent output,
			@Nullable InputLot input, boolean outputQuantity, @Nullable String noInput, @Nullable String noOutput,
			String sortLot, String group) {
		KdeRequirement eventNeed = (output != null || event.role() == EventRole.OUTPUT) ? KdeRequirement.REQUIRED
				: KdeRequirement.OPTIONAL;
		return new CteRow(lookup, event, output, input, eventNeed, outputQuantity, noInput, noOutput, sortLot, group);
	}

	RecordLookup lookup() {
		return this.lookup;
	}

	// Every CTE

	SheetCell lot() {
		return this.lookup.lotCell(this.event);
	}

	RowQuantity quantity() {
		return RowQuantity.of(this.event);
	}

	MasterDataCode product() {
		return MasterDataCode.required(this.event.productCode(), this.event);
	}

	/** The immediate previous source or immediate subsequent recipient. */
	MasterDataCode partner() {
		return MasterDataCode.required(this.event.locations().partner(), this.event);
	}

	/** Where the event happened: received at, shipped from, farm, cooling site. */
	MasterDataCode location() {
		return MasterDataCode.required(this.event.locations().location(), this.event);
	}

	/**
	 * Where the event happened, for the CTEs whose site is the TLC source (packing, first
	 * land-based receiving, transformation).
	 */
	MasterDataCode site() {
		String code = first(this.event.locations().location(), this.event.locations().tlcSource(),
				this.lookup.assigner(this.event));
		return MasterDataCode.of(code, this.event, this.eventNeed);
	}

	/** The TLC source: as recorded, else whoever assigned the lot code. */
	MasterDataCode tlcSource() {
		String code = first(this.event.locations().tlcSource(), this.lookup.assigner(this.event));
		KdeRequirement need = (this.event.locations().tlcSourceReference() != null) ? KdeRequirement.SHOWN
				: KdeRequirement.REQUIRED;
		return new MasterDataCode(code, this.event, need,
				"neither a TLC source location nor a TLC source reference is recorded, and who assigned the "
						+ "lot code is unknown");
	}

	SheetCell tlcSourceReference() {
		return SheetCell.of(this.event.locations().tlcSourceReference());
	}

	SheetCell date() {
		return SheetCell.of(this.event.eventDate());
	}

	RowReferences references() {
		return new RowReferences(this.event.reference(), this.event.secondReference(), this.event, this.eventNeed);
	}

	// Harvesting, cooling, initial packing, first land-based receiving

	FarmKdes farm() {
		return this.event.farm();
	}

	MasterDataCode harvestFarm() {
		return MasterDataCode.required(farm().harvestLocation(), this.event);
	}

	MasterDataCode coolingLocation() {
		return MasterDataCode.of(farm().coolingLocation(), this.event, KdeRequirement.OPTIONAL);
	}

	MasterDataCode receivedProduct() {
		return MasterDataCode.required(farm().receivedProductCode(), this.event);
	}

	RowQuantity receivedQuantity() {
		return new RowQuantity(farm().receivedQuantity(), this.event, KdeRequirement.REQUIRED, null);
	}

	SheetCell required(@Nullable Object value) {
		return SheetCell.required(value, this.event, MasterDataCode.NOT_RECORDED);
	}

	// Transformation

	SheetCell inputLot() {
		if (this.input == null) {
			return (this.noInput != null) ? SheetCell.missing(this.noInput, this.event) : SheetCell.BLANK;
		}
		KdeEvent first = this.input.first();
		SheetCell cell = this.lookup.lotCell(first);
		if (cell.gap() != null && this.input.records().size() > 1) {
			return new SheetCell(cell.value(),
					cell.gap() + " (records "
							+ String.join(", ", this.input.records().stream().map(KdeEvent::recordKey).toList()) + ")",
					first);
		}
		return cell;
	}

	MasterDataCode inputProduct() {
		if (this.input == null) {
			return MasterDataCode.NONE;
		}
		KdeEvent first = this.input.first();
		String lot = this.lookup.sortCode(first);
		return new MasterDataCode(this.input.productCode(), first, KdeRequirement.REQUIRED,
				(this.input.lotKey() != null) ? "no other record of lot " + lot + " in these records names its product"
						: "lot number " + lot + " resolves to no lot, so its product is unknown");
	}

	RowQuantity inputQuantity() {
		if (this.input == null) {
			return RowQuantity.NONE;
		}
		return new RowQuantity(this.input.quantity(), this.input.first(), KdeRequirement.REQUIRED, null);
	}

	SheetCell newLot() {
		if (this.output == null) {
			return (this.noOutput != null) ? SheetCell.missing(this.noOutput, this.event) : SheetCell.BLANK;
		}
		return this.lookup.lotCell(this.output);
	}

	MasterDataCode outputProduct() {
		return (this.output != null) ? MasterDataCode.required(this.output.productCode(), this.output)
				: MasterDataCode.NONE;
	}

	RowQuantity outputQuantity() {
		return (this.output != null && this.outputQuantity) ? RowQuantity.of(this.output) : RowQuantity.NONE;
	}

	/**
	 * The transformation's reference document; the second one lists the input's own
	 * documents (its scale tickets) on an input row.
	 */
	RowReferences transformationReferences() {
		if (this.input == null) {
			return references();
		}
		return new RowReferences(this.event.reference(), this.input.documents(this.event.reference()), this.event,
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
