package org.lottrace.report.fda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lottrace.kde.Cte;
import org.lottrace.kde.Field;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.KdeRequirements;
import org.lottrace.kde.KdeRequirements.Requirement;
import org.lottrace.kde.Location;
import org.lottrace.kde.RecordKind;
import org.lottrace.report.RecordSet;
import org.lottrace.report.fda.FdaSpreadsheet.Gap;
import org.lottrace.report.fda.FdaSpreadsheet.Sheet;

/**
 * Every KDE the rule requires is there or marked MISSING and listed, with its citation.
 */
class FdaSpreadsheetGapsTests {

	private static final Set<RecordKind> EVENT_KINDS = Set.of(RecordKind.RECEIVING, RecordKind.SHIPPING,
			RecordKind.TRANSFORMATION_INPUT, RecordKind.TRANSFORMATION_OUTPUT, RecordKind.HARVESTING,
			RecordKind.COOLING, RecordKind.INITIAL_PACKING, RecordKind.FIRST_LAND_BASED_RECEIVING);

	/** A KdeEvent always has these: the record type cannot lose them. */
	private static final Set<Field> ALWAYS_PRESENT = Set.of(KdeField.QUANTITY, KdeField.EVENT_DATE);

	/** Where the sheet's site is the TLC source, it falls back to the lot's assigner. */
	private static final Set<RecordKind> SITE_IS_TLC_SOURCE = Set.of(RecordKind.TRANSFORMATION_OUTPUT,
			RecordKind.INITIAL_PACKING, RecordKind.FIRST_LAND_BASED_RECEIVING);

	static Stream<Arguments> ruleRequirements() {
		List<Arguments> arguments = new ArrayList<>();
		for (RecordKind kind : RecordKind.values()) {
			if (!EVENT_KINDS.contains(kind)) {
				continue;
			}
			for (Requirement requirement : KdeRequirements.of(kind)) {
				if (requirement.citation().startsWith("§") && !ALWAYS_PRESENT.containsAll(requirement.anyOf())) {
					arguments.add(Arguments.of(kind, requirement.anyOf(), requirement.citation()));
				}
			}
		}
		assertThat(arguments).hasSizeGreaterThan(50);
		return arguments.stream();
	}

	@Test
	void completeRecordsOfEveryCteHaveNoGap() {
		List<KdeEvent> events = new ArrayList<>();
		EVENT_KINDS.forEach((kind) -> events.add(Events.complete(kind).build()));
		FdaSpreadsheet spreadsheet = FdaSpreadsheet
			.of(Events.records(events, Map.of("R10203", new RecordSet.Lot("L2301", "V120"))));
		assertThat(spreadsheet.gaps()).isEmpty();
		assertThat(spreadsheet.cteSheets()).allSatisfy((sheet) -> assertThat(sheet.rows()).hasSize(1));
		assertThat(spreadsheet.sheet(FdaSpreadsheet.GAPS).rows()).isEmpty();
	}

	@ParameterizedTest(name = "{0} without {1}: a gap citing {2}")
	@MethodSource("ruleRequirements")
	void eachRequiredKdeRemovedInTurnIsMarkedMissingWithItsCitation(RecordKind kind, List<Field> anyOf,
			String citation) {
		Events.Builder builder = Events.complete(kind);
		anyOf.forEach((field) -> builder.without((KdeField) field));
		if (anyOf.contains(KdeField.LOCATION_CODE) && SITE_IS_TLC_SOURCE.contains(kind)) {
			builder.without(KdeField.TLC_SOURCE_LOCATION_CODE).without(KdeField.LOT_ASSIGNER);
		}
		KdeEvent record = builder.build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(withCounterpart(kind, record));
		Sheet sheet = spreadsheet.sheet(record.cte());
		List<Object> marked = new ArrayList<>(List.of(FdaSpreadsheet.MISSING));
		if (record.lot() != null) {
			marked.add(record.lot().code());
		}
		assertThat(spreadsheet.gaps()).filteredOn((gap) -> gap.citation().equals(citation))
			.isNotEmpty()
			.allSatisfy((gap) -> {
				assertThat(gap.sheet()).isEqualTo(sheet.name());
				assertThat(gap.recordKey()).isEqualTo(record.recordKey());
				assertThat(gap.sourceFile()).isEqualTo("EXPORT.csv");
				Object cell = sheet.value(gap.row() - 2, gap.column());
				assertThat(cell).as(gap.cell() + ": MISSING, or the lot number shown as recorded").isIn(marked);
			});
	}

	/** A transformation input shows on a row with its output, and the other way round. */
	private static RecordSet withCounterpart(RecordKind kind, KdeEvent record) {
		Map<String, RecordSet.Lot> aliases = Map.of("R10203", new RecordSet.Lot("L2301", "V120"));
		return switch (kind) {
			case TRANSFORMATION_INPUT ->
				Events.records(List.of(record, Events.complete(RecordKind.TRANSFORMATION_OUTPUT).build(),
						Events.complete(RecordKind.RECEIVING).build()), aliases);
			case TRANSFORMATION_OUTPUT ->
				Events.records(List.of(record, Events.complete(RecordKind.TRANSFORMATION_INPUT).build(),
						Events.complete(RecordKind.RECEIVING).build()), aliases);
			default -> Events.records(List.of(record), aliases);
		};
	}

	@Test
	void everyPartOfALocationDescriptionCounts() {
		Map<String, Location> locations = new HashMap<>(Events.LOCATIONS);
		locations.put("V120", Events.location("V120", "Dairy Gold Creamery", null, "9 Creamery Lane", "Eau Claire",
				"WI", null, "US"));
		FdaSpreadsheet spreadsheet = FdaSpreadsheet
			.of(withLocations(locations, Events.complete(RecordKind.RECEIVING).build()));
		assertThat(spreadsheet.gaps()).extracting(Gap::cell, Gap::column, Gap::citation)
			.containsExactly(tuple("K2", "Immediate Previous Source Phone Number", "§ 1.1345(a)(4)"),
					tuple("O2", "Immediate Previous Source ZIP Code", "§ 1.1345(a)(4)"),
					tuple("Z2", "TLC Source Phone Number", "§ 1.1345(a)(7)"),
					tuple("AD2", "TLC Source ZIP Code", "§ 1.1345(a)(7)"));
		assertThat(spreadsheet.gaps().get(0).reason())
			.isEqualTo("the master data of location V120 (Dairy Gold Creamery) has no phone number");
		assertThat(spreadsheet.sheet(Cte.RECEIVING).value(0, "Immediate Previous Source Phone Number"))
			.isEqualTo(FdaSpreadsheet.MISSING);
	}

	@Test
	void stateAndZipAreRequiredForUnitedStatesAddressesAndWhenTheCountryIsUnknown() {
		Map<String, Location> locations = new HashMap<>(Events.LOCATIONS);
		locations.put("V120", Events.location("V120", "Laiterie du Lac", "+33 4 50 00 00 00", "1 rue du Lac", "Annecy",
				null, null, "FR"));
		locations.put("BAKERY-01", Events.location("BAKERY-01", "Sunrise Bakery", "+1 217-555-0100", "100 Mill Street",
				"Springfield", null, null, null));
		FdaSpreadsheet spreadsheet = FdaSpreadsheet
			.of(withLocations(locations, Events.complete(RecordKind.RECEIVING).build()));
		assertThat(spreadsheet.gaps()).extracting(Gap::column)
			.containsExactly("Receiving Location State", "Receiving Location ZIP Code", "Receiving Location Country");
	}

	@Test
	void aLocationCodeMissingFromMasterDataMarksEveryPartMissing() {
		KdeEvent received = Events.complete(RecordKind.RECEIVING).partner("V999").build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(received));
		assertThat(spreadsheet.gaps()).hasSize(7)
			.allSatisfy((gap) -> assertThat(gap.reason()).isEqualTo("location code V999 is not in the master data"))
			.extracting(Gap::cell)
			.containsExactly("J2", "K2", "L2", "M2", "N2", "O2", "P2");
	}

	@Test
	void aTlcSourceReferenceStandsInForTheTlcSourceLocation() {
		KdeEvent received = Events.complete(RecordKind.RECEIVING)
			.without(KdeField.TLC_SOURCE_LOCATION_CODE)
			.set(KdeField.TLC_SOURCE_REFERENCE, "urn:gln:0614141000135")
			.lot("L2301", null)
			.build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(received));
		Sheet receiving = spreadsheet.sheet(Cte.RECEIVING);
		assertThat(receiving.value(0, "TLC Source Reference")).isEqualTo("urn:gln:0614141000135");
		assertThat(receiving.value(0, "TLC Source Business Name")).isNull();
		assertThat(spreadsheet.gaps()).extracting(Gap::citation).containsExactly("§ 1.1345(a)(1)");
		assertThat(spreadsheet.gaps().get(0).reason()).contains("resolves to no traceability lot");
	}

	@Test
	void aQuantityIsShownAsRecordedWhetherOrNotItConvertsToTheBaseUnit() {
		// the KDE is the quantity and unit as recorded; a conversion for the mass balance
		// is
		// the trace's concern (it converts through the lot's product when it traces)
		KdeEvent received = Events.complete(RecordKind.RECEIVING).quantity("3", "drum").normalized(null).build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(received));
		assertThat(spreadsheet.sheet(Cte.RECEIVING).value(0, "Quantity")).isEqualTo(new BigDecimal("3"));
		assertThat(spreadsheet.sheet(Cte.RECEIVING).value(0, "Unit of Measure")).isEqualTo("drum");
		assertThat(spreadsheet.gaps()).isEmpty();
	}

	@Test
	void theGapsSheetListsTheGapsOfTheRequestsScopeBeforeTheCells() {
		KdeEvent received = Events.complete(RecordKind.RECEIVING).build();
		RecordSet records = Events.records(received);
		RecordSet withScope = new RecordSet(records.title(), records.scope(), records.events(), records.lots(),
				records.locations(), records.products(), records.generatedAt(),
				List.of(new org.lottrace.trace.Gap(org.lottrace.trace.Gap.Kind.PENDING_ROW, "L2301",
						"a receiving row of lot L2301 is pending: it waits for product X in master data",
						"erp-receiving", "RCV_1.csv", 9L)));
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(withScope);
		Sheet gaps = spreadsheet.sheet(FdaSpreadsheet.GAPS);
		assertThat(gaps.rows()).hasSize(1);
		assertThat(gaps.rows().get(0)).containsExactly("Pending row", "L2301", null, null, null, null, null, null, null,
				"RCV_1.csv", 9L, "a receiving row of lot L2301 is pending: it waits for product X in master data");
		assertThat(spreadsheet.sheet(FdaSpreadsheet.REQUEST).rows())
			.anySatisfy((row) -> assertThat(row).containsExactly(FdaSpreadsheet.GAPS, 1));
	}

	@Test
	void aProductWithoutPackagingSizeIsAGapButAMissingVarietyIsNot() {
		KdeEvent output = Events.complete(RecordKind.TRANSFORMATION_OUTPUT).product("COD-FILLET").build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(output));
		assertThat(spreadsheet.gaps()).extracting(Gap::column)
			.containsExactly("Input Traceability Lot Code", "Output Packaging Size", "Output Packaging Style");
		assertThat(spreadsheet.sheet(Cte.TRANSFORMATION).value(0, "Output Variety")).isNull();
	}

	@Test
	void gapRowsAreTheRowsOfTheFileAfterSorting() {
		KdeEvent late = Events.complete(RecordKind.SHIPPING).key("shipping|BOL-2|1").date("2026-10-20").build();
		KdeEvent early = Events.complete(RecordKind.SHIPPING)
			.key("shipping|BOL-1|1")
			.date("2026-10-10")
			.partner("C999")
			.source("BOL_20261012.txt", 7)
			.build();
		FdaSpreadsheet spreadsheet = FdaSpreadsheet.of(Events.records(late, early));
		assertThat(spreadsheet.gaps()).hasSize(7).allSatisfy((gap) -> {
			assertThat(gap.row()).isEqualTo(2);
			assertThat(gap.recordKey()).isEqualTo("shipping|BOL-1|1");
			assertThat(gap.sourceLine()).isEqualTo(7);
			assertThat(gap.kde())
				.isEqualTo("Location description of the immediate subsequent recipient (not a transporter)");
		});
		Sheet gaps = spreadsheet.sheet(FdaSpreadsheet.GAPS);
		assertThat(gaps.rows()).hasSize(7);
		assertThat(gaps.rows().get(0)).containsExactly("Missing KDE", null, "Shipping", 2, "J2",
				"Immediate Subsequent Recipient Business Name",
				"Location description of the immediate subsequent recipient (not a transporter)", "§ 1.1340(a)(4)",
				"shipping|BOL-1|1", "BOL_20261012.txt", 7L, "location code C999 is not in the master data");
	}

	private static RecordSet withLocations(Map<String, Location> locations, KdeEvent... events) {
		RecordSet records = Events.records(events);
		return new RecordSet(records.title(), records.scope(), records.events(), records.lots(), locations,
				records.products(), records.generatedAt(), List.of());
	}

}
