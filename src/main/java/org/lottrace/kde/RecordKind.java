package org.lottrace.kde;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What the rows of one source become: events of one CTE (and role), or one kind of master
 * data.
 */
public enum RecordKind {

	RECEIVING(Cte.RECEIVING, EventRole.EVENT),

	SHIPPING(Cte.SHIPPING, EventRole.EVENT),

	TRANSFORMATION_INPUT(Cte.TRANSFORMATION, EventRole.INPUT),

	TRANSFORMATION_OUTPUT(Cte.TRANSFORMATION, EventRole.OUTPUT),

	HARVESTING(Cte.HARVESTING, EventRole.EVENT),

	COOLING(Cte.COOLING, EventRole.EVENT),

	INITIAL_PACKING(Cte.INITIAL_PACKING, EventRole.EVENT),

	FIRST_LAND_BASED_RECEIVING(Cte.FIRST_LAND_BASED_RECEIVING, EventRole.EVENT),

	LOCATION(null, null),

	PRODUCT(null, null);

	private final @Nullable Cte cte;

	private final @Nullable EventRole role;

	RecordKind(@Nullable Cte cte, @Nullable EventRole role) {
		this.cte = cte;
		this.role = role;
	}

	/** The CTE of the events this kind makes; {@code null} for master data. */
	public @Nullable Cte cte() {
		return this.cte;
	}

	/**
	 * The CTE of the events this kind makes.
	 * @throws IllegalStateException for master data, which has none
	 */
	public Cte eventCte() {
		if (this.cte == null) {
			throw new IllegalStateException(code() + " is master data, not an event");
		}
		return this.cte;
	}

	public EventRole role() {
		return (this.role != null) ? this.role : EventRole.EVENT;
	}

	public boolean isEvent() {
		return this.cte != null;
	}

	/** The fields a mapping of this kind can fill. */
	public List<? extends Field> fields() {
		return switch (this) {
			case LOCATION -> LOCATION_FIELDS;
			case PRODUCT -> PRODUCT_FIELDS;
			default -> KDE_FIELDS;
		};
	}

	private static final List<Field> KDE_FIELDS = List.of(KdeField.values());

	private static final List<Field> LOCATION_FIELDS = List.of(LocationField.values());

	private static final List<Field> PRODUCT_FIELDS = List.of(ProductField.values());

	/** The name used in mapping files: {@code transformation-input}. */
	public String code() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static RecordKind fromCode(String code) {
		return valueOf(code.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
	}

}
