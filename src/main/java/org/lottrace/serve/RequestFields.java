package org.lottrace.serve;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;
import org.jspecify.annotations.Nullable;
import org.lottrace.trace.Direction;

/**
 * The fields of request bodies and how they are checked before anything uses them (Bean
 * Validation, with {@code @Valid} on the body): codes without control characters and
 * within their length, dates written {@code yyyy-MM-dd} with a four-digit year (so that
 * {@code +99999-01-01} never reaches a database), lists of a bounded size, a direction
 * the API knows, free text of a bounded length. Each refusal names the field and what to
 * write instead; a value quoted back is shortened and stripped of control characters (it
 * is a message parameter, never part of a message template). Once valid, the values are
 * read with the static methods here.
 */
final class RequestFields {

	/** The longest a reason may be. */
	static final int MAX_TEXT = 500;

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private RequestFields() {
	}

	/**
	 * A lot, product or assigner code: at most
	 * {@code lottrace.serve.limits.max-code-length} characters, no control characters.
	 * Blank is "not given".
	 */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE })
	@Constraint(validatedBy = CodeCheck.class)
	@interface Code {

		String message() default "is not a code";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * Free text (a reason): at most {@value #MAX_TEXT} characters; tabs and line breaks
	 * pass.
	 */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Constraint(validatedBy = TextCheck.class)
	@interface Text {

		String message() default "control characters (such as NUL) are not allowed";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** A day, {@code yyyy-MM-dd}. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Constraint(validatedBy = DayCheck.class)
	@interface Day {

		String message() default "'{value}' is not a date; use yyyy-MM-dd";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** {@code backward}, {@code forward} or {@code both}, in any case. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Constraint(validatedBy = DirectionCheck.class)
	@interface DirectionName {

		String message() default "'{value}' is not one of backward, forward, both";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** A list of at most {@code lottrace.serve.limits.max-list-size} entries. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target({ ElementType.FIELD, ElementType.PARAMETER })
	@Constraint(validatedBy = ListSizeCheck.class)
	@interface Bounded {

		String message() default "too many entries";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** A code as given, trimmed; {@code null} when blank. */
	static @Nullable String code(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The codes of a list, trimmed, blank ones left out. */
	/** Free text as given, stripped; {@code null} when blank. */
	static @Nullable String text(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static List<String> codes(@Nullable List<String> values) {
		return (values == null) ? List.of()
				: values.stream().map(RequestFields::code).filter(Objects::nonNull).toList();
	}

	/** A valid day, or {@code null} when not given. */
	static @Nullable LocalDate day(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : LocalDate.parse(text.strip());
	}

	/** A valid direction; both when not given. */
	static Direction direction(@Nullable String text) {
		return (text == null || text.isBlank()) ? Direction.BOTH
				: Direction.valueOf(text.strip().toUpperCase(Locale.ROOT));
	}

	static boolean control(int c) {
		return Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
				|| Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.FORMAT;
	}

	/** A value quoted back to the caller: short, without control characters. */
	static String printable(String text) {
		String shown = text.codePoints()
			.map((c) -> control(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return (shown.length() > 40) ? shown.substring(0, 40) + "..." : shown;
	}

	/** Refuses with a message of its own, the value quoted as a parameter. */
	private static boolean refuse(ConstraintValidatorContext context, String message, @Nullable String value) {
		context.disableDefaultConstraintViolation();
		HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
		if (value != null) {
			hibernate.addMessageParameter("value", printable(value.strip()));
		}
		hibernate.buildConstraintViolationWithTemplate(message).addConstraintViolation();
		return false;
	}

	/** Checks {@link Code}, with the service's length limit. */
	static final class CodeCheck implements ConstraintValidator<Code, String> {

		private final LimitProperties limits;

		CodeCheck(LimitProperties limits) {
			this.limits = limits;
		}

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			String code = code(value);
			if (code == null) {
				return true;
			}
			if (code.length() > this.limits.maxCodeLength()) {
				return refuse(context, "at most " + this.limits.maxCodeLength() + " characters", null);
			}
			if (code.codePoints().anyMatch(RequestFields::control)) {
				return refuse(context, "control characters (such as NUL or a line break) are not allowed", null);
			}
			return true;
		}

	}

	/** Checks {@link Text}. */
	static final class TextCheck implements ConstraintValidator<Text, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String text = value.strip();
			if (text.length() > MAX_TEXT) {
				return refuse(context, "at most " + MAX_TEXT + " characters", null);
			}
			return text.codePoints().noneMatch((c) -> c != '\t' && c != '\n' && c != '\r' && Character.isISOControl(c));
		}

	}

	/** Checks {@link Day}. */
	static final class DayCheck implements ConstraintValidator<Day, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			String date = value.strip();
			try {
				if (DATE.matcher(date).matches()) {
					LocalDate.parse(date);
					return true;
				}
			}
			catch (DateTimeParseException ex) {
				// as any other text that is not a date
			}
			return refuse(context, "'{value}' is not a date; use yyyy-MM-dd", value);
		}

	}

	/** Checks {@link DirectionName}. */
	static final class DirectionCheck implements ConstraintValidator<DirectionName, String> {

		@Override
		public boolean isValid(@Nullable String value, ConstraintValidatorContext context) {
			if (value == null || value.isBlank()) {
				return true;
			}
			for (Direction direction : Direction.values()) {
				if (direction.name().equalsIgnoreCase(value.strip())) {
					return true;
				}
			}
			return refuse(context, "'{value}' is not one of backward, forward, both", value);
		}

	}

	/** Checks {@link Bounded}, with the service's list limit. */
	static final class ListSizeCheck implements ConstraintValidator<Bounded, Collection<?>> {

		private final LimitProperties limits;

		ListSizeCheck(LimitProperties limits) {
			this.limits = limits;
		}

		@Override
		public boolean isValid(@Nullable Collection<?> value, ConstraintValidatorContext context) {
			if (value == null || value.size() <= this.limits.maxListSize()) {
				return true;
			}
			return refuse(context, "at most " + this.limits.maxListSize() + " in one request", null);
		}

	}

}
