package org.lottrace.ingest;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.ReferenceDocument;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.ingest.RowMappers.accepted;
import static org.lottrace.ingest.RowMappers.pending;
import static org.lottrace.ingest.RowMappers.rejected;
import static org.lottrace.ingest.RowMappers.row;

/** The field options of a mapping, and master-data look-ups, applied to rows. */
class RowMapperOptionsTests {

	private static final String SHIPPING = """
			source: shipping
			kind: shipping
			files: ["BOL_*.txt"]
			csv: {delimiter: "|", quote: ""}
			key: [BOL, Line]
			units: {CAS: case}
			fields:
			  lot_code: Lot
			  product_code: {column: GTIN, lookup: gtin}
			  quantity: Qty
			  unit: {column: UoM, values: {"?": "", CT: case}, default: cs}
			  event_date: Ship Date
			  location_code: {column: Ship From GLN, lookup: gln}
			  partner_location_code: {column: Customer, lookup: partner}
			  reference_document_type: {constant: Bill of lading}
			  reference_document_number: {columns: [BOL, Line], separator: "/"}
			  reference_document_type_2: {constant: Carrier}
			  reference_document_number_2: {columns: [Carrier, Trailer]}
			""";

	private static final String SHIPPING_HEADER = "BOL|Line|Ship Date|Ship From GLN|Customer|GTIN|Lot|Qty|UoM|Carrier|Trailer";

	@TempDir
	Path dir;

	@Test
	void looksUpProductsByGtinAndLocationsByGlnAndPartner() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, SHIPPING, SHIPPING_HEADER);

		// when
		KdeEvent event = accepted(
				mapper.map(row('|',
						"BOL-50001|1|2026-10-06|0614141000012|C210|00614141100012|C261005A|8|CS|Midwest Freight|TR-7")),
				KdeEvent.class);

		// then
		assertThat(event.productCode()).isEqualTo("COOKIE-PB-12");
		assertThat(event.locations().location()).isEqualTo("BAKERY-01");
		assertThat(event.locations().partner()).isEqualTo("C210-01");
		assertThat(event.reference()).isEqualTo(new ReferenceDocument("Bill of lading", "BOL-50001/1"));
		assertThat(event.secondReference()).isEqualTo(new ReferenceDocument("Carrier", "Midwest Freight TR-7"));
	}

	@Test
	void holdsLookUpsThatFindNoneOrSeveralUntilMasterDataSettlesThem() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, SHIPPING, SHIPPING_HEADER);

		// when
		MappedRow notFound = mapper
			.map(row('|', "BOL-59001|1|2026-10-21|0614141000999|C999|00614141999999|K261020A|2|CS|Customer pickup|"));
		MappedRow ambiguous = mapper
			.map(row('|', "BOL-59002|1|2026-10-21|0614141000777|C200|00000000000001|K261020A|2|CS|Midwest Freight|"));

		// then
		assertThat(pending(notFound)).containsExactly(
				new KdeViolation("product_code", "00614141999999", "no single product has GTIN 00614141999999",
						"one product with GTIN 00614141999999 in master data"),
				new KdeViolation("location_code", "0614141000999", "no single location has GLN 0614141000999",
						"one location with GLN 0614141000999 in master data"),
				new KdeViolation("partner_location_code", "C999", "no single location belongs to partner C999",
						"one location of partner C999 in master data"));
		assertThat(pending(ambiguous)).extracting(KdeViolation::reason)
			.containsExactly("no single product has GTIN 00000000000001", "no single location has GLN 0614141000777",
					"no single location belongs to partner C200");
	}

	@Test
	void translatesValuesThenFallsBackToTheDefaultThenAppliesUnitAliases() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, SHIPPING, SHIPPING_HEADER);
		String line = "BOL-1|1|2026-10-06|0614141000012|C210|00614141100012|C261005A|8|%s|Midwest Freight|";

		// when
		KdeEvent translated = accepted(mapper.map(row('|', line.formatted("CT"))), KdeEvent.class);
		KdeEvent translatedToEmpty = accepted(mapper.map(row('|', line.formatted("?"))), KdeEvent.class);
		KdeEvent empty = accepted(mapper.map(row('|', line.formatted(""))), KdeEvent.class);
		KdeEvent sourceAlias = accepted(mapper.map(row('|', line.formatted("CAS"))), KdeEvent.class);
		KdeEvent sharedAlias = accepted(mapper.map(row('|', line.formatted("Cases"))), KdeEvent.class);

		// then
		assertThat(translated.quantity().unit()).isEqualTo("case");
		assertThat(translatedToEmpty.quantity().unit()).isEqualTo("case");
		assertThat(empty.quantity().unit()).isEqualTo("case");
		assertThat(sourceAlias.quantity().unit()).isEqualTo("case");
		assertThat(sharedAlias.quantity().unit()).isEqualTo("case");
	}

	@Test
	void joinsColumnsSkippingEmptyOnes() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, SHIPPING, SHIPPING_HEADER);

		// when
		KdeEvent noTrailer = accepted(
				mapper.map(row('|',
						"BOL-1|1|2026-10-06|0614141000012|C210|00614141100012|C261005A|8|CS|Midwest Freight|")),
				KdeEvent.class);
		KdeEvent noCarrier = accepted(
				mapper.map(row('|', "BOL-1|1|2026-10-06|0614141000012|C210|00614141100012|C261005A|8|CS||")),
				KdeEvent.class);

		// then
		assertThat(noTrailer.secondReference()).isEqualTo(new ReferenceDocument("Carrier", "Midwest Freight"));
		assertThat(noCarrier.secondReference()).isEqualTo(new ReferenceDocument("Carrier", ""));
	}

	@Test
	void treatsTheDialectsNullValuesAsEmpty() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir,
				RowMappers.RECEIVING.replace("key:", "csv: {null-values: ['', 'NULL', 'n/a']}\nkey:"),
				RowMappers.RECEIVING_HEADER);

		// when
		MappedRow nullLot = mapper
			.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50,NULL,R10201,30,BAG,PO-88100,BAKERY-01"));
		MappedRow naInternalLot = mapper
			.map(row("RC-5001,1,10/5/2026,V100,FLOUR-AP-50,HM-2609-114, n/a ,30,BAG,PO-88100,BAKERY-01"));

		// then
		assertThat(rejected(nullLot)).extracting(KdeViolation::field).containsExactly("lot_code");
		assertThat(accepted(naInternalLot, KdeEvent.class).lot().internalLot()).isNull();
	}

	@Test
	void keepsSpacesAroundValuesWhenTrimIsOff() {
		// given
		RowMapper trimming = RowMappers.mapper(this.dir, RowMappers.RECEIVING, RowMappers.RECEIVING_HEADER);
		RowMapper keeping = RowMappers.mapper(this.dir.resolve("keep"),
				RowMappers.RECEIVING.replace("key:", "csv: {trim: false}\nkey:"), RowMappers.RECEIVING_HEADER);
		String line = "RC-5001,1,10/5/2026,V100,FLOUR-AP-50, HM-2609-114 ,R10201,30,BAG,PO-88100,BAKERY-01";

		// when
		KdeEvent trimmed = accepted(trimming.map(row(line)), KdeEvent.class);
		KdeEvent kept = accepted(keeping.map(row(line)), KdeEvent.class);

		// then
		assertThat(trimmed.lot().code()).isEqualTo("HM-2609-114");
		assertThat(kept.lot().code()).isEqualTo(" HM-2609-114 ");
	}

	@Test
	void readsAHeaderlessExportByPosition() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, """
				source: legacy-sites
				kind: location
				files: ["SITES.DAT"]
				csv: {header: false, delimiter: ";"}
				key: [1]
				fields:
				  location_code: {position: 1}
				  business_name: {position: 3}
				  location_type: {constant: site}
				""", "");

		// when
		Location site = accepted(mapper.map(row(';', "BAKERY-01;ignored;Sunrise Bakery")), Location.class);
		MappedRow tooShort = mapper.map(row(';', "BAKERY-02;ignored"));

		// then
		assertThat(site.code()).isEqualTo("BAKERY-01");
		assertThat(site.businessName()).isEqualTo("Sunrise Bakery");
		assertThat(site.type()).isEqualTo("site");
		assertThat(rejected(tooShort))
			.containsExactly(new KdeViolation("(row)", null, "the row has 2 columns; the mapping reads column 3"));
	}

	@Test
	void readsAHeaderlessExportWhoseLastColumnsAreNotMapped() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, """
				source: legacy-sites
				kind: location
				files: ["SITES.DAT"]
				csv: {header: false, delimiter: ";"}
				key: [1]
				fields:
				  location_code: {position: 1}
				  business_name: {position: 2}
				""", "");

		// when
		MappedRow mapped = mapper.map(row(';', "BAKERY-01;Sunrise Bakery;+1 217-555-0100;Springfield"));

		// then
		assertThat(accepted(mapped, Location.class).businessName()).isEqualTo("Sunrise Bakery");
	}

	@Test
	void mapsProductsWithYesNoFlagsAndUnits() {
		// given
		RowMapper mapper = RowMappers.mapper(this.dir, """
				source: erp-items
				kind: product
				files: ["ITEMS*.csv"]
				key: [Item No]
				fields:
				  product_code: Item No
				  product_name: Description
				  gtin: GTIN
				  kill_step: Kill Step
				  base_unit: Stock UoM
				""", "Item No,Description,GTIN,Kill Step,Stock UoM");

		// when
		Product eggs = accepted(mapper.map(row("EGG-SHELL-LG,\"Shell eggs, large\",00614141200046,Y,EA")),
				Product.class);
		Product flour = accepted(mapper.map(row("FLOUR-AP-50,All-purpose wheat flour,,no,KGS")), Product.class);
		MappedRow maybe = mapper.map(row("SUGAR-GR-50,Sugar,,maybe,kg"));

		// then
		assertThat(eggs.killStep()).isTrue();
		assertThat(eggs.baseUnit()).isEqualTo("each");
		assertThat(eggs.name()).isEqualTo("Shell eggs, large");
		assertThat(flour.killStep()).isFalse();
		assertThat(flour.gtin()).isNull();
		assertThat(flour.baseUnit()).isEqualTo("kg");
		assertThat(rejected(maybe)).containsExactly(new KdeViolation("kill_step", "maybe", "not yes or no: 'maybe'"));
	}

}
