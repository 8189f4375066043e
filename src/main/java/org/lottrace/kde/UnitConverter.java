package org.lottrace.kde;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Converts quantities between units for mass balance. Units of one dimension (mass,
 * count, volume) convert through their factor to the dimension's base unit; packaging
 * units (case, pail, bag) and conversions across dimensions (one egg weighs 57 g) come
 * from per-item conversions such as {@code 1 case = 15 dozen}. All of it is configuration
 * ({@code jobs/units.yml}).
 */
public final class UnitConverter {

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	private final Map<String, UnitDefinition> units;

	private final Map<String, String> aliases;

	private final Map<String, List<ItemConversion>> itemConversions;

	private final Map<String, Optional<BigDecimal>> factors = new ConcurrentHashMap<>();

	private final Map<String, String> baseUnits = new HashMap<>();

	/**
	 * @param units the canonical units, by lower-case code
	 * @param aliases spellings seen in exports (any case) to canonical codes
	 * @param itemConversions per product code, conversions that hold for that product
	 * only
	 */
	public UnitConverter(Map<String, UnitDefinition> units, Map<String, String> aliases,
			Map<String, List<ItemConversion>> itemConversions) {
		this.units = Map.copyOf(units);
		Map<String, String> folded = new HashMap<>();
		aliases.forEach((alias, unit) -> folded.put(alias.trim().toLowerCase(Locale.ROOT), unit));
		this.aliases = folded;
		this.itemConversions = Map.copyOf(itemConversions);
		this.units.forEach((code, definition) -> {
			String base = findBaseUnit(definition);
			if (base != null) {
				this.baseUnits.put(code, base);
			}
		});
	}

	/**
	 * A canonical unit: its dimension and, except for packaging units, its factor to the
	 * dimension's base unit.
	 */
	public record UnitDefinition(String dimension, @Nullable BigDecimal factor) {

	}

	/** {@code fromAmount fromUnit = toAmount toUnit}, for one product. */
	public record ItemConversion(BigDecimal fromAmount, String fromUnit, BigDecimal toAmount, String toUnit) {

	}

	/**
	 * The canonical code of a unit as an export spells it, trying the source's own
	 * aliases first.
	 * @return the canonical code, or {@code null} when the unit is unknown
	 */
	public @Nullable String canonical(String text, Map<String, String> sourceAliases) {
		String alias = sourceAliases.get(text);
		String folded = ((alias != null) ? alias : text).trim().toLowerCase(Locale.ROOT);
		if (this.units.containsKey(folded)) {
			return folded;
		}
		String global = this.aliases.get(folded);
		return (global != null && this.units.containsKey(global)) ? global : null;
	}

	public boolean isUnit(String code) {
		return this.units.containsKey(code);
	}

	/**
	 * The base unit of a unit's dimension ({@code kg} for {@code lb}), or {@code null}
	 * for a packaging unit.
	 */
	public @Nullable String baseUnit(String unit) {
		return this.baseUnits.get(unit);
	}

	private @Nullable String findBaseUnit(UnitDefinition definition) {
		if (definition.factor() == null) {
			return null;
		}
		return this.units.entrySet()
			.stream()
			.filter((e) -> e.getValue().dimension().equals(definition.dimension()) && e.getValue().factor() != null
					&& e.getValue().factor().compareTo(BigDecimal.ONE) == 0)
			.map(Map.Entry::getKey)
			.sorted()
			.findFirst()
			.orElse(null);
	}

	/**
	 * Converts a quantity to another unit, using the conversions of {@code productCode}
	 * where needed.
	 * @return the converted quantity rounded to {@link Quantity#SCALE} places, or empty
	 * when no conversion connects the two units
	 */
	public Optional<Quantity> convert(Quantity quantity, String toUnit, @Nullable String productCode) {
		if (quantity.unit().equals(toUnit)) {
			return Optional.of(new Quantity(quantity.value().setScale(Quantity.SCALE, RoundingMode.HALF_EVEN), toUnit));
		}
		return factor(quantity.unit(), toUnit, productCode)
			.map((f) -> new Quantity(quantity.value().multiply(f).setScale(Quantity.SCALE, RoundingMode.HALF_EVEN),
					toUnit));
	}

	/** The factor that turns an amount in {@code from} into an amount in {@code to}. */
	public Optional<BigDecimal> factor(String from, String to, @Nullable String productCode) {
		if (from.equals(to)) {
			return Optional.of(BigDecimal.ONE);
		}
		String cacheKey = from + '\u001f' + to + '\u001f' + ((productCode != null) ? productCode : "");
		return this.factors.computeIfAbsent(cacheKey, (k) -> search(from, to, productCode));
	}

	/** Breadth-first search over the conversions that apply to the product. */
	private Optional<BigDecimal> search(String from, String to, @Nullable String productCode) {
		Map<String, BigDecimal> reached = new HashMap<>();
		ArrayDeque<String> queue = new ArrayDeque<>();
		reached.put(from, BigDecimal.ONE);
		queue.add(from);
		while (!queue.isEmpty()) {
			String unit = queue.poll();
			BigDecimal soFar = java.util.Objects.requireNonNull(reached.get(unit), "reached before queued");
			for (Map.Entry<String, BigDecimal> edge : edges(unit, productCode).entrySet()) {
				if (!reached.containsKey(edge.getKey())) {
					BigDecimal factor = soFar.multiply(edge.getValue(), PRECISION);
					if (edge.getKey().equals(to)) {
						return Optional.of(factor);
					}
					reached.put(edge.getKey(), factor);
					queue.add(edge.getKey());
				}
			}
		}
		return Optional.empty();
	}

	private Map<String, BigDecimal> edges(String unit, @Nullable String productCode) {
		Map<String, BigDecimal> edges = new HashMap<>();
		UnitDefinition definition = this.units.get(unit);
		if (definition != null && definition.factor() != null) {
			this.units.forEach((other, def) -> {
				if (!other.equals(unit) && def.factor() != null && def.dimension().equals(definition.dimension())) {
					edges.put(other, definition.factor().divide(def.factor(), PRECISION));
				}
			});
		}
		if (productCode != null) {
			for (ItemConversion c : this.itemConversions.getOrDefault(productCode, List.of())) {
				if (c.fromUnit().equals(unit)) {
					edges.put(c.toUnit(), c.toAmount().divide(c.fromAmount(), PRECISION));
				}
				else if (c.toUnit().equals(unit)) {
					edges.put(c.fromUnit(), c.fromAmount().divide(c.toAmount(), PRECISION));
				}
			}
		}
		return edges;
	}

}
