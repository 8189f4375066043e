package org.lottrace.ingest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.UnitConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading {@code jobs/units.yml}: units, aliases and per-item conversions. */
class UnitsFileTests {

	@TempDir
	Path dir;

	@Test
	void readsUnitsAliasesAndItemConversions() {
		// given
		Path file = MappingFiles.write(this.dir, "units.yml", """
				units:
				  KG: {dimension: mass, factor: 1}
				  lb: {dimension: mass, factor: 0.45359237}
				  each: {dimension: count, factor: 1}
				  dozen: {dimension: count, factor: 12}
				  case: {dimension: package}
				aliases:
				  LBS: lb
				items:
				  EGG-SHELL-LG: ["1 case = 15 dozen", "1 Each = 0.05 kg"]
				""");

		// when
		UnitConverter units = MappingReader.readUnits(file);

		// then
		assertThat(units.isUnit("kg")).isTrue();
		assertThat(units.canonical("Lbs", Map.of())).isEqualTo("lb");
		assertThat(units.convert(new Quantity(BigDecimal.ONE, "case"), "kg", "EGG-SHELL-LG"))
			.contains(new Quantity(new BigDecimal("9.000000"), "kg"));
	}

	@Test
	void readsTheProjectsUnits() {
		// when
		UnitConverter units = MappingReader.readUnits(MappingFiles.JOBS.resolve("units.yml"));

		// then
		assertThat(units.canonical("#", Map.of())).isEqualTo("lb");
		assertThat(units.convert(new Quantity(new BigDecimal("4"), "case"), "each", "EGG-SHELL-LG"))
			.contains(new Quantity(new BigDecimal("720.000000"), "each"));
	}

	@Test
	void reportsEveryProblemOfTheUnitsFile() {
		// given
		Path file = MappingFiles.write(this.dir, "units.yml", """
				units:
				  kg: {dimension: mass, factor: 1}
				  lb: {factor: 0.45359237}
				  dozen: {dimension: count}
				  case: {dimension: package}
				aliases:
				  box: bx
				items:
				  EGG-SHELL-LG: ["1 case = 15 dozen", "a case of eggs"]
				  FLOUR-AP-50: ["1 bag = 50 lb"]
				""");

		// when
		MappingException ex = catchThrowableOfType(MappingException.class, () -> MappingReader.readUnits(file));

		// then
		assertThat(ex.problems()).containsExactly("units.lb: dimension is missing (mass, count, volume or package)",
				"units.dozen: factor to the count base unit is missing", "aliases.box: 'bx' is not one of the units",
				"items.EGG-SHELL-LG: 'dozen' is not one of the units",
				"items.EGG-SHELL-LG: 'a case of eggs' is not of the form '1 case = 15 dozen'",
				"items.FLOUR-AP-50: 'bag' is not one of the units", "items.FLOUR-AP-50: 'lb' is not one of the units");
	}

	@Test
	void reportsAUnitsFileWithoutUnits() {
		// given
		Path file = MappingFiles.write(this.dir, "units.yml", "aliases: {}\n");

		// when
		MappingException ex = catchThrowableOfType(MappingException.class, () -> MappingReader.readUnits(file));

		// then
		assertThat(ex.problems()).containsExactly("units: none defined");
	}

	@Test
	void reportsAnItemWithoutConversions() {
		// given
		Path file = MappingFiles.write(this.dir, "units.yml", """
				units:
				  kg: {dimension: mass, factor: 1}
				items:
				  FLOUR-AP-50:
				""");

		// when
		MappingException ex = catchThrowableOfType(MappingException.class, () -> MappingReader.readUnits(file));

		// then
		assertThat(ex.problems()).containsExactly("items.FLOUR-AP-50: no conversions; give e.g. ['1 bag = 50 lb']");
	}

}
