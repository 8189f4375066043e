package org.lottrace.kde;

import java.util.Optional;

/** The master data a row's references are checked against and translated through. */
public interface MasterData {

	Optional<Location> location(String code);

	Optional<Product> product(String code);

	default boolean hasLocation(String code) {
		return location(code).isPresent();
	}

	default boolean hasProduct(String code) {
		return product(code).isPresent();
	}

	/** The location with this GLN, if exactly one has it. */
	Optional<Location> locationByGln(String gln);

	/** The one location of a trading partner, if the partner has exactly one. */
	Optional<Location> locationByPartner(String partnerCode);

	/** The product with this GTIN, if exactly one has it. */
	Optional<Product> productByGtin(String gtin);

}
