package org.lottrace.kde;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.lottrace.kde.KdeRequirements.Requirement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lottrace.kde.KdeRows.complete;
import static org.lottrace.kde.KdeRows.with;
import static org.lottrace.kde.KdeRows.without;

class KdeValidatorTests {

	private final KdeValidator validator = new KdeValidator(KdeRows.masterData(), KdeRows.TODAY);

	@ParameterizedTest
	@EnumSource(RecordKind.class)
	void acceptsACompleteRecordOfEveryKind(RecordKind kind) {
		// given
		FieldValues values = complete(kind);

		// when
		List<KdeViolation> violations = this.validator.validate(kind, values);

		// then
		assertThat(violations).isEmpty();
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("requirements")
	void reportsEveryMissingRequirementWithItsCitation(RecordKind kind, Requirement requirement, String fields) {
		// given
		FieldValues values = without(complete(kind), requirement.anyOf().toArray(Field[]::new));

		// when
		List<KdeViolation> violations = this.validator.validate(kind, values);

		// then
		assertThat(violations).hasSize(1);
		KdeViolation violation = violations.get(0);
		assertThat(violation.field()).isEqualTo(requirement.anyOf().get(0).column());
		assertThat(violation.value()).isNull();
		assertThat(violation.reason()).startsWith("missing: ")
			.endsWith(" is required (" + requirement.citation() + ")");
	}

	static Stream<Arguments> requirements() {
		return Arrays.stream(RecordKind.values())
			.flatMap((kind) -> KdeRequirements.of(kind)
				.stream()
				.map((r) -> Arguments.of(kind, r,
						r.anyOf().stream().map(Field::column).collect(Collectors.joining("|")))));
	}

	@Test
	void namesTheRequiredFieldByItsLabel() {
		// given
		FieldValues values = without(complete(RecordKind.RECEIVING), KdeField.LOT_CODE);

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.RECEIVING, values);

		// then
		assertThat(violations).containsExactly(new KdeViolation("lot_code", null,
				"missing: traceability lot code (or local lot number) is required (§ 1.1345(a)(1))"));
	}

	@Test
	void namesEveryAlternativeOfARequirementThatAnyFieldSatisfies() {
		// given
		FieldValues values = without(complete(RecordKind.RECEIVING), KdeField.TLC_SOURCE_LOCATION_CODE,
				KdeField.TLC_SOURCE_REFERENCE, KdeField.LOT_ASSIGNER);

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.RECEIVING, values);

		// then
		assertThat(violations).containsExactly(new KdeViolation("tlc_source_location_code", null,
				"missing: one of tlc_source_location_code, tlc_source_reference, lot_assigner is required "
						+ "(§ 1.1345(a)(7))"));
	}

	@Test
	void acceptsAnyOneAlternativeOfARequirement() {
		// given
		FieldValues values = without(complete(RecordKind.RECEIVING), KdeField.TLC_SOURCE_LOCATION_CODE,
				KdeField.LOT_ASSIGNER);

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.RECEIVING, values);

		// then
		assertThat(violations).isEmpty();
	}

	@Test
	void rejectsQuantitiesThatAreNotPositive() {
		// given
		FieldValues zero = with(complete(RecordKind.SHIPPING), KdeField.QUANTITY, BigDecimal.ZERO);
		FieldValues negative = with(complete(RecordKind.INITIAL_PACKING), KdeField.RECEIVED_QUANTITY,
				new BigDecimal("-3"));

		// when
		List<KdeViolation> zeroViolations = this.validator.validate(RecordKind.SHIPPING, zero);
		List<KdeViolation> negativeViolations = this.validator.validate(RecordKind.INITIAL_PACKING, negative);

		// then
		assertThat(zeroViolations).containsExactly(new KdeViolation("quantity", "0", "must be greater than zero"));
		assertThat(negativeViolations)
			.containsExactly(new KdeViolation("received_quantity", "-3", "must be greater than zero"));
	}

	@Test
	void rejectsDatesAfterTomorrow() {
		// given
		FieldValues tomorrow = with(complete(RecordKind.SHIPPING), KdeField.EVENT_DATE, KdeRows.TODAY.plusDays(1));
		FieldValues later = with(complete(RecordKind.SHIPPING), KdeField.EVENT_DATE, KdeRows.TODAY.plusDays(2));
		FieldValues laterTime = with(complete(RecordKind.TRANSFORMATION_INPUT), KdeField.EVENT_TIME,
				LocalDateTime.of(2026, 11, 25, 0, 1));

		// when, then
		assertThat(this.validator.validate(RecordKind.SHIPPING, tomorrow)).isEmpty();
		assertThat(this.validator.validate(RecordKind.SHIPPING, later))
			.containsExactly(new KdeViolation("event_date", "2026-11-25", "date is in the future"));
		assertThat(this.validator.validate(RecordKind.TRANSFORMATION_INPUT, laterTime))
			.containsExactly(new KdeViolation("event_time", "2026-11-25T00:01", "date is in the future"));
	}

	@Test
	void rejectsDatesBeforeTheEarliestPlausibleOne() {
		// given: year 1 and 1900, the placeholders of exports that had no date
		FieldValues yearOne = with(complete(RecordKind.SHIPPING), KdeField.EVENT_DATE, LocalDate.of(1, 1, 1));
		FieldValues nineteenHundred = with(complete(RecordKind.TRANSFORMATION_INPUT), KdeField.EVENT_TIME,
				LocalDateTime.of(1900, 1, 1, 0, 0));
		FieldValues first = with(complete(RecordKind.SHIPPING), KdeField.EVENT_DATE, LocalDate.of(2000, 1, 1));
		KdeValidator since1990 = new KdeValidator(KdeRows.masterData(), LocalDate.of(1990, 1, 1),
				KdeRows.TODAY.plusDays(1));

		// when, then
		assertThat(this.validator.validate(RecordKind.SHIPPING, yearOne))
			.containsExactly(new KdeViolation("event_date", "0001-01-01",
					"date is before 2000-01-01, the earliest plausible date (limits.earliest-date in the mapping)"));
		assertThat(this.validator.validate(RecordKind.TRANSFORMATION_INPUT, nineteenHundred))
			.extracting(KdeViolation::field)
			.containsExactly("event_time");
		assertThat(this.validator.validate(RecordKind.SHIPPING, first)).isEmpty();
		assertThat(since1990.validate(RecordKind.TRANSFORMATION_INPUT, nineteenHundred)).singleElement()
			.extracting(KdeViolation::reason)
			.asString()
			.startsWith("date is before 1990-01-01");
	}

	@Test
	void rejectsAHarvestRangeThatEndsBeforeItStarts() {
		// given
		FieldValues values = with(complete(RecordKind.FIRST_LAND_BASED_RECEIVING), KdeField.HARVEST_END_DATE,
				LocalDate.of(2026, 9, 30));

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.FIRST_LAND_BASED_RECEIVING, values);

		// then
		assertThat(violations)
			.containsExactly(new KdeViolation("harvest_end_date", "2026-09-30", "is before harvest_date (2026-10-01)"));
	}

	@Test
	void rejectsInitialPackingDatesOutOfOrder() {
		// given: received before harvested, packed before received
		FieldValues receivedEarly = with(complete(RecordKind.INITIAL_PACKING), KdeField.RECEIVED_DATE,
				LocalDate.of(2026, 9, 28));
		FieldValues packedEarly = with(complete(RecordKind.INITIAL_PACKING), KdeField.EVENT_DATE,
				LocalDate.of(2026, 10, 2));

		// when, then
		assertThat(this.validator.validate(RecordKind.INITIAL_PACKING, receivedEarly))
			.containsExactly(new KdeViolation("received_date", "2026-09-28", "is before harvest_date (2026-10-01)"));
		assertThat(this.validator.validate(RecordKind.INITIAL_PACKING, packedEarly))
			.containsExactly(new KdeViolation("event_date", "2026-10-02", "is before received_date (2026-10-03)"));
	}

	@Test
	void requiresCoolingDateAndCoolingLocationTogetherForInitialPacking() {
		// given
		FieldValues noLocation = without(complete(RecordKind.INITIAL_PACKING), KdeField.COOLING_LOCATION_CODE);
		FieldValues noDate = without(complete(RecordKind.INITIAL_PACKING), KdeField.COOLING_DATE);
		FieldValues neither = without(complete(RecordKind.INITIAL_PACKING), KdeField.COOLING_DATE,
				KdeField.COOLING_LOCATION_CODE);

		// when, then
		String reason = "missing: cooling_date and cooling_location_code go together when the food was cooled "
				+ "(§ 1.1330(a)(9)-(10))";
		assertThat(this.validator.validate(RecordKind.INITIAL_PACKING, noLocation))
			.containsExactly(new KdeViolation("cooling_location_code", null, reason));
		assertThat(this.validator.validate(RecordKind.INITIAL_PACKING, noDate))
			.containsExactly(new KdeViolation("cooling_date", null, reason));
		assertThat(this.validator.validate(RecordKind.INITIAL_PACKING, neither)).isEmpty();
	}

	@Test
	void holdsLocationsAndProductsThatMasterDataDoesNotKnowUntilItDoes() {
		// given
		FieldValues values = complete(RecordKind.RECEIVING);
		with(values, KdeField.PARTNER_LOCATION_CODE, "V999");
		with(values, KdeField.PRODUCT_CODE, "FLOUR-WW-50");

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.RECEIVING, values);

		// then
		assertThat(violations).containsExactly(
				new KdeViolation("product_code", "FLOUR-WW-50",
						"unknown product 'FLOUR-WW-50': not in the master data's products",
						"product FLOUR-WW-50 in master data"),
				new KdeViolation("partner_location_code", "V999",
						"unknown location 'V999': not in the master data's locations", "location V999 in master data"));
		assertThat(violations).allMatch(KdeViolation::pending);
	}

	@Test
	void doesNotCheckValuesThatWereDerivedRatherThanRead() {
		// given: a lot assigner set without source text, as KdeRecords.complete does
		FieldValues values = without(complete(RecordKind.RECEIVING), KdeField.LOT_ASSIGNER);
		values.set(KdeField.LOT_ASSIGNER, "V999");

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.RECEIVING, values);

		// then
		assertThat(violations).isEmpty();
	}

	@Test
	void reportsEveryViolationOfARowAtOnce() {
		// given
		FieldValues values = without(complete(RecordKind.SHIPPING), KdeField.LOT_CODE,
				KdeField.REFERENCE_DOCUMENT_TYPE);
		with(values, KdeField.QUANTITY, new BigDecimal("-1"));
		with(values, KdeField.LOCATION_CODE, "NOWHERE");

		// when
		List<KdeViolation> violations = this.validator.validate(RecordKind.SHIPPING, values);

		// then
		assertThat(violations).extracting(KdeViolation::field)
			.containsExactly("lot_code", "reference_document_type", "quantity", "location_code");
	}

}
