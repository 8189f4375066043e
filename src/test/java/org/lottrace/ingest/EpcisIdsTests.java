package org.lottrace.ingest;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lottrace.ingest.EpcisIds.Item;
import org.lottrace.ingest.EpcisIds.Place;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identifiers of EPCIS documents read into GTINs, lots and GLNs: EPC URNs (with the
 * check digits computed), GS1 Digital Links, and lottrace's own URNs.
 */
class EpcisIdsTests {

	@Test
	void readsTheGtinAndLotOfAnLgtinUrn() {
		// when
		Item lgtin = EpcisIds.item("urn:epc:class:lgtin:4012345.012345.998877", Map.of());

		// then: indicator 0, company prefix 4012345, item 12345, check digit 6
		assertThat(lgtin).isEqualTo(new Item("04012345123456", "998877", null, null, null));
	}

	@Test
	void readsDigitalLinksOnAnyDomainAndRefusesAWrongCheckDigit() {
		// then
		assertThat(EpcisIds.item("https://id.gs1.org/01/00614141200054/10/NB-1101", Map.of()))
			.isEqualTo(new Item("00614141200054", "NB-1101", null, null, null));
		assertThat(EpcisIds.item("https://example.com/products/01/00614141200054/10/A%2FB", Map.of()).lot())
			.isEqualTo("A/B");
		assertThat(EpcisIds.item("https://id.gs1.org/01/00614141200053/10/NB-1101", Map.of()).problem())
			.contains("wrong check digit");
	}

	@Test
	void readsLottraceLotsWithTheirAssignerAndProduct() {
		// when
		Item lot = EpcisIds.item("urn:lottrace:lot:V130:NB%200930",
				Map.of("urn:lottrace:lot:V130:NB%200930", "PB-CREAMY-35"));

		// then
		assertThat(lot).isEqualTo(new Item(null, "NB 0930", "V130", "PB-CREAMY-35", null));
		assertThat(EpcisIds.item("https://id.gs1.org/01/00614141200054/10/X", Map.of("gtin:00614141200054", "PB"))
			.product()).isEqualTo("PB");
	}

	@Test
	void findsNoLotInASingleItemOrAProductAlone() {
		// then
		assertThat(EpcisIds.item("urn:epc:id:sgtin:0614141.107346.2017", Map.of()))
			.isEqualTo(new Item("10614141073464", null, null, null, null));
		assertThat(EpcisIds.item("urn:epc:idpat:sgtin:4012345.066666.*", Map.of()).lot()).isNull();
		assertThat(EpcisIds.item("urn:example:thing:1", Map.of()).problem())
			.startsWith("urn:example:thing:1 is not an identifier lottrace reads");
	}

	@Test
	void readsLocationsAsGlnsOrLottraceCodes() {
		// then
		assertThat(EpcisIds.place("urn:epc:id:sgln:0614141.00777.0")).isEqualTo(new Place("0614141007776", null));
		assertThat(EpcisIds.place("https://id.gs1.org/414/0614141000012")).isEqualTo(new Place("0614141000012", null));
		assertThat(EpcisIds.place("urn:lottrace:location:BAKERY-01")).isEqualTo(new Place(null, "BAKERY-01"));
		assertThat(EpcisIds.place("urn:epc:id:pgln:4012345.00225")).isEqualTo(new Place("4012345002256", null));
		assertThat(EpcisIds.place("")).isEqualTo(Place.NONE);
	}

	@Test
	void readsBusinessTransactionsAndStepsInTheirShortForms() {
		// then
		assertThat(EpcisIds.documentNumber("http://transaction.acme.com/po/12345678")).isEqualTo("12345678");
		assertThat(EpcisIds.documentNumber("urn:epcglobal:cbv:bt:0614141073467:1152")).isEqualTo("1152");
		assertThat(EpcisIds.documentNumber("urn:lottrace:doc:Purchase%20order:PO-88128")).isEqualTo("PO-88128");
		assertThat(EpcisIds.lottraceDocumentType("urn:lottrace:doc:Purchase%20order:PO-88128"))
			.isEqualTo("Purchase order");
		assertThat(EpcisIds.shortName("urn:epcglobal:cbv:bizstep:shipping")).isEqualTo("shipping");
		assertThat(EpcisIds.shortName("https://ref.gs1.org/cbv/BizStep-shipping")).isEqualTo("shipping");
		assertThat(EpcisIds.transformation("urn:lottrace:workorder:WO-1014-P")).isEqualTo("WO-1014-P");
	}

}
