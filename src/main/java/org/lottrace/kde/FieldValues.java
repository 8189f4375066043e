package org.lottrace.kde;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The typed values one source row gave for the fields of its {@link RecordKind}, with the
 * text each was read from (for reject reports). Absent values are {@code null}.
 */
public final class FieldValues {

	private final @Nullable Object[] values;

	private final @Nullable String[] texts;

	public FieldValues(int size) {
		this.values = new Object[size];
		this.texts = new String[size];
	}

	public void set(Field field, @Nullable Object value, @Nullable String text) {
		this.values[field.ordinal()] = value;
		this.texts[field.ordinal()] = text;
	}

	public void set(Field field, @Nullable Object value) {
		this.values[field.ordinal()] = value;
	}

	public boolean has(Field field) {
		return this.values[field.ordinal()] != null;
	}

	public @Nullable Object get(Field field) {
		return this.values[field.ordinal()];
	}

	/**
	 * The text the value was read from, or {@code null} when the field was empty or not
	 * mapped.
	 */
	public @Nullable String text(Field field) {
		return this.texts[field.ordinal()];
	}

	public @Nullable String string(Field field) {
		return (String) this.values[field.ordinal()];
	}

	public @Nullable LocalDate date(Field field) {
		return (LocalDate) this.values[field.ordinal()];
	}

	public @Nullable LocalDateTime dateTime(Field field) {
		return (LocalDateTime) this.values[field.ordinal()];
	}

	public @Nullable BigDecimal decimal(Field field) {
		return (BigDecimal) this.values[field.ordinal()];
	}

	public @Nullable Boolean bool(Field field) {
		return (Boolean) this.values[field.ordinal()];
	}

}
