package org.lottrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

/**
 * The Mustache templates of the HTML reports, from {@code templates/report/} on the class
 * path. Every {@code {{value}}} is HTML-escaped; a variable the model lacks is an error,
 * a {@code null} value prints as nothing.
 */
public final class ReportTemplates {

	private static final String FOLDER = "templates/report/";

	private static final Mustache.Compiler COMPILER = Mustache.compiler()
		.escapeHTML(true)
		.nullValue("")
		.emptyStringIsFalse(true)
		.withLoader(ReportTemplates::reader);

	private static final Map<String, Template> TEMPLATES = new ConcurrentHashMap<>();

	private ReportTemplates() {
	}

	/** Renders {@code templates/report/<name>.mustache} with the given model. */
	public static String render(String name, Object model) {
		return TEMPLATES.computeIfAbsent(name, (n) -> compile(n)).execute(model);
	}

	private static Template compile(String name) {
		try (Reader reader = reader(name)) {
			return COMPILER.compile(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Reader reader(String name) {
		String resource = FOLDER + name + ".mustache";
		InputStream in = ReportTemplates.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Report template " + resource + " is missing from the class path");
		}
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

}
