package org.lottrace.kde;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Checks one row's values against what the rule requires for its CTE, against master
 * data, and for plain sense (positive quantities, no dates in the future, date ranges in
 * order, dates within a plausible range). Returns every violation, not only the first, so
 * that one look at the rejects file shows everything to fix in a row. A code that master
 * data does not have (yet) is a violation that {@link KdeViolation#waitsFor() waits for}
 * that data: the row is held as pending until it arrives.
 */
public final class KdeValidator {

	private final MasterData masterData;

	/** The earliest date of the default range: no export of today has older events. */
	public static final LocalDate EARLIEST_DATE = LocalDate.of(2000, 1, 1);

	private final LocalDate earliestAllowedDate;

	private final LocalDate latestAllowedDate;

	/**
	 * With the default range: from {@link #EARLIEST_DATE} to the day after today.
	 * @param masterData what location and product codes must exist in
	 * @param today the current date at the site; dates after the next day are rejected as
	 * in the future
	 */
	public KdeValidator(MasterData masterData, LocalDate today) {
		this(masterData, EARLIEST_DATE, today.plusDays(1));
	}

	/**
	 * @param masterData what location and product codes must exist in
	 * @param earliest the earliest plausible date: a date before it is a typo or a
	 * placeholder (0001-01-01, 1900-01-01) and would file the record under a month no
	 * request asks for
	 * @param latest the latest plausible date; later dates are rejected as in the future
	 */
	public KdeValidator(MasterData masterData, LocalDate earliest, LocalDate latest) {
		this.masterData = masterData;
		this.earliestAllowedDate = earliest;
		this.latestAllowedDate = latest;
	}

	public List<KdeViolation> validate(RecordKind kind, FieldValues values) {
		List<KdeViolation> violations = new ArrayList<>();
		validate(kind, values, violations);
		return violations;
	}

	/** Validates, adding the violations found to {@code violations}. */
	public void validate(RecordKind kind, FieldValues values, List<KdeViolation> violations) {
		checkRequired(kind, values, violations);
		List<? extends Field> fields = kind.fields();
		for (int i = 0; i < fields.size(); i++) {
			Field field = fields.get(i);
			Object value = values.get(field);
			boolean derived = values.text(field) == null;
			if (value != null && !derived) {
				checkValue(field, value, values.text(field), violations);
			}
		}
		if (kind.isEvent()) {
			checkDateOrder(values, KdeField.HARVEST_DATE, KdeField.HARVEST_END_DATE, violations);
		}
		if (kind == RecordKind.INITIAL_PACKING) {
			checkDateOrder(values, KdeField.HARVEST_DATE, KdeField.RECEIVED_DATE, violations);
			checkDateOrder(values, KdeField.RECEIVED_DATE, KdeField.EVENT_DATE, violations);
			checkBothOrNeither(values, KdeField.COOLING_DATE, KdeField.COOLING_LOCATION_CODE, "§ 1.1330(a)(9)-(10)",
					violations);
		}
	}

	private void checkRequired(RecordKind kind, FieldValues values, List<KdeViolation> violations) {
		for (KdeRequirements.Requirement requirement : KdeRequirements.of(kind)) {
			if (!anyPresent(requirement.anyOf(), values)) {
				Field first = requirement.anyOf().get(0);
				String what = (requirement.anyOf().size() == 1) ? first.label().toLowerCase(java.util.Locale.ROOT)
						: "one of " + requirement.anyOf().stream().map(Field::column).collect(Collectors.joining(", "));
				violations.add(KdeViolation.of(first, values.text(first),
						"missing: " + what + " is required (" + requirement.citation() + ")"));
			}
		}
	}

	private static boolean anyPresent(List<Field> fields, FieldValues values) {
		for (int i = 0; i < fields.size(); i++) {
			if (values.has(fields.get(i))) {
				return true;
			}
		}
		return false;
	}

	private void checkValue(Field field, Object value, @Nullable String text, List<KdeViolation> violations) {
		switch (field.type()) {
			case DECIMAL -> {
				if (((BigDecimal) value).signum() <= 0) {
					violations.add(KdeViolation.of(field, text, "must be greater than zero"));
				}
			}
			case DATE -> checkDate(field, (LocalDate) value, text, violations);
			case DATE_TIME -> checkDate(field, ((java.time.LocalDateTime) value).toLocalDate(), text, violations);
			case LOCATION -> {
				if (!this.masterData.hasLocation((String) value)) {
					violations.add(KdeViolation.waiting(field, text,
							"unknown location '" + value + "': not in the master data's locations",
							"location " + value + " in master data"));
				}
			}
			case PRODUCT -> {
				if (!this.masterData.hasProduct((String) value)) {
					violations.add(KdeViolation.waiting(field, text,
							"unknown product '" + value + "': not in the master data's products",
							"product " + value + " in master data"));
				}
			}
			default -> {
			}
		}
	}

	private void checkDate(Field field, LocalDate date, @Nullable String text, List<KdeViolation> violations) {
		if (date.isAfter(this.latestAllowedDate)) {
			violations.add(KdeViolation.of(field, text, "date is in the future"));
		}
		else if (date.isBefore(this.earliestAllowedDate)) {
			violations.add(KdeViolation.of(field, text, "date is before " + this.earliestAllowedDate
					+ ", the earliest plausible date (limits.earliest-date in the mapping)"));
		}
	}

	private static void checkDateOrder(FieldValues values, KdeField earlier, KdeField later,
			List<KdeViolation> violations) {
		LocalDate first = values.date(earlier);
		LocalDate second = values.date(later);
		if (first != null && second != null && second.isBefore(first)) {
			violations
				.add(KdeViolation.of(later, values.text(later), "is before " + earlier.column() + " (" + first + ")"));
		}
	}

	private static void checkBothOrNeither(FieldValues values, KdeField a, KdeField b, String citation,
			List<KdeViolation> violations) {
		if (values.has(a) != values.has(b)) {
			KdeField missing = values.has(a) ? b : a;
			violations.add(KdeViolation.of(missing, null, "missing: " + a.column() + " and " + b.column()
					+ " go together when the food was cooled (" + citation + ")"));
		}
	}

}
