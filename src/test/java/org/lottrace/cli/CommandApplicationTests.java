package org.lottrace.cli;

import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.lottrace.LottraceApplication;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CommandApplication} lists its components instead of scanning for them: these
 * tests scan the application's classes as {@code @ComponentScan} and
 * {@code @ConfigurationPropertiesScan} would, and fail when the lists differ.
 */
class CommandApplicationTests {

	private static final String BASE = LottraceApplication.class.getPackageName();

	@Test
	void importsEveryComponentOutsideTheService() throws IOException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
		Set<String> scanned = mainClasses(scanner.findCandidateComponents(BASE));
		scanned.removeIf((name) -> name.startsWith(BASE + ".serve.") || name.equals(LottraceApplication.class.getName())
				|| name.equals(CommandApplication.class.getName()));
		assertThat(scanned).hasSizeGreaterThan(10);
		assertThat(names(CommandApplication.class.getAnnotation(Import.class).value())).isEqualTo(scanned);
	}

	@Test
	void enablesEveryConfigurationPropertiesClass() throws IOException {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		Set<String> scanned = mainClasses(scanner.findCandidateComponents(BASE));
		assertThat(scanned).hasSizeGreaterThan(5);
		assertThat(names(CommandApplication.class.getAnnotation(EnableConfigurationProperties.class).value()))
			.isEqualTo(scanned);
	}

	/** The classes of the product, not the tests' own configurations. */
	private static Set<String> mainClasses(Set<BeanDefinition> candidates) throws IOException {
		Set<String> names = new TreeSet<>();
		for (BeanDefinition candidate : candidates) {
			var resource = ((AbstractBeanDefinition) candidate).getResource();
			if (resource != null && !resource.getURL().toString().contains("/test-classes/")) {
				names.add(candidate.getBeanClassName());
			}
		}
		return names;
	}

	private static Set<String> names(Class<?>[] classes) {
		return new TreeSet<>(Arrays.stream(classes).map(Class::getName).toList());
	}

}
