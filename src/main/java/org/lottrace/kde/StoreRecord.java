package org.lottrace.kde;

/**
 * What a row of an export becomes: a KDE event, or master data (a location or a product).
 * An ingestion step passes these from its mapper to its writer; each source writes one
 * kind of them (its mapping's {@link RecordKind}).
 */
public sealed interface StoreRecord permits KdeEvent, Location, Product {

	/** Where the record came from. */
	Provenance provenance();

}
