package org.lottrace.kde;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lottrace.kde.UnitConverter.ItemConversion;
import org.lottrace.kde.UnitConverter.UnitDefinition;

import static org.assertj.core.api.Assertions.assertThat;

class UnitConverterTests {

	private final UnitConverter units = new UnitConverter(
			Map.of("kg", mass("1"), "g", mass("0.001"), "lb", mass("0.45359237"), "oz", mass("0.028349523125"), "each",
					count("1"), "dozen", count("12"), "l", new UnitDefinition("volume", BigDecimal.ONE), "case",
					new UnitDefinition("package", null), "bag", new UnitDefinition("package", null)),
			Map.of("LBS", "lb", "dz", "dozen", "cs", "case"),
			Map.of("EGG-SHELL-LG", List.of(conversion("1 case = 15 dozen"), conversion("1 each = 0.05 kg")),
					"FLOUR-AP-50", List.of(conversion("1 bag = 50 lb"))));

	@Test
	void convertsWithinOneDimensionThroughTheBaseUnit() {
		// given
		Quantity twoPounds = quantity("2", "lb");

		// when
		Quantity kilograms = this.units.convert(twoPounds, "kg", null).orElseThrow();
		Quantity ounces = this.units.convert(twoPounds, "oz", null).orElseThrow();

		// then
		assertThat(kilograms).isEqualTo(quantity("0.907185", "kg"));
		assertThat(ounces).isEqualTo(quantity("32.000000", "oz"));
	}

	@Test
	void convertsAcrossDimensionsThroughTheItemsConversions() {
		// given: case -> dozen (package to count) -> each -> kg (count to mass)
		Quantity twoCases = quantity("2", "case");

		// when
		Quantity kilograms = this.units.convert(twoCases, "kg", "EGG-SHELL-LG").orElseThrow();
		Quantity eggs = this.units.convert(twoCases, "each", "EGG-SHELL-LG").orElseThrow();

		// then
		assertThat(kilograms).isEqualTo(quantity("18.000000", "kg"));
		assertThat(eggs).isEqualTo(quantity("360.000000", "each"));
	}

	@Test
	void convertsItemConversionsBackwards() {
		// given
		Quantity kilograms = quantity("45.359237", "kg");

		// when
		Quantity bags = this.units.convert(kilograms, "bag", "FLOUR-AP-50").orElseThrow();

		// then
		assertThat(bags).isEqualTo(quantity("2.000000", "bag"));
	}

	@Test
	void findsNoConversionForAPackageWithoutTheItemsConversion() {
		// given
		Quantity oneCase = quantity("1", "case");

		// when, then
		assertThat(this.units.convert(oneCase, "kg", "FLOUR-AP-50")).isEmpty();
		assertThat(this.units.convert(oneCase, "kg", null)).isEmpty();
		assertThat(this.units.convert(quantity("1", "l"), "kg", null)).isEmpty();
	}

	@Test
	void appliesItemConversionsOnlyToTheirOwnProduct() {
		// given
		Quantity oneBag = quantity("1", "bag");

		// when, then
		assertThat(this.units.convert(oneBag, "kg", "FLOUR-AP-50")).contains(quantity("22.679618", "kg"));
		assertThat(this.units.convert(oneBag, "kg", "EGG-SHELL-LG")).isEmpty();
	}

	@Test
	void roundsToSixDecimalPlacesHalfEven() {
		// given
		Quantity oneGram = quantity("1", "g");

		// when
		Quantity pounds = this.units.convert(oneGram, "lb", null).orElseThrow();
		Quantity same = this.units.convert(quantity("0.0000005", "kg"), "kg", null).orElseThrow();

		// then
		assertThat(pounds).isEqualTo(quantity("0.002205", "lb"));
		assertThat(pounds.value().scale()).isEqualTo(Quantity.SCALE);
		assertThat(same).isEqualTo(quantity("0.000000", "kg"));
	}

	@Test
	void givesTheFactorBetweenTwoUnits() {
		// when, then
		assertThat(this.units.factor("dozen", "each", null)).contains(new BigDecimal("12"));
		assertThat(this.units.factor("kg", "kg", null)).contains(BigDecimal.ONE);
		assertThat(this.units.factor("kg", "each", null)).isEmpty();
	}

	@Test
	void findsTheBaseUnitOfADimension() {
		// when, then
		assertThat(this.units.baseUnit("lb")).isEqualTo("kg");
		assertThat(this.units.baseUnit("dozen")).isEqualTo("each");
		assertThat(this.units.baseUnit("case")).isNull();
	}

	@Test
	void findsTheCanonicalUnitThroughSourceAliasesThenSharedAliases() {
		// given
		Map<String, String> sourceAliases = Map.of("BX", "case", "KG ", "lb");

		// when, then
		assertThat(this.units.canonical("BX", sourceAliases)).isEqualTo("case");
		assertThat(this.units.canonical("lbs", sourceAliases)).isEqualTo("lb");
		assertThat(this.units.canonical(" Dz ", sourceAliases)).isEqualTo("dozen");
		assertThat(this.units.canonical("KG", sourceAliases)).isEqualTo("kg");
		assertThat(this.units.canonical("KG ", sourceAliases)).isEqualTo("lb");
		assertThat(this.units.canonical("tonne", sourceAliases)).isNull();
	}

	private static UnitDefinition mass(String factor) {
		return new UnitDefinition("mass", new BigDecimal(factor));
	}

	private static UnitDefinition count(String factor) {
		return new UnitDefinition("count", new BigDecimal(factor));
	}

	private static ItemConversion conversion(String text) {
		String[] parts = text.split("[ =]+");
		return new ItemConversion(new BigDecimal(parts[0]), parts[1], new BigDecimal(parts[2]), parts[3]);
	}

	private static Quantity quantity(String value, String unit) {
		return new Quantity(new BigDecimal(value), unit);
	}

}
