package org.lottrace.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;

/**
 * The plan as documents: Markdown (readable as text, kept with the content's SHA-256) and
 * HTML (to open, print or send), from the templates in {@code templates/plan/}. Values
 * are escaped for each: HTML entities in the one, Markdown's punctuation in the other.
 * The content's hash is taken over the Markdown without its version block, so that the
 * same configuration always gives the same hash.
 */
final class PlanDocument {

	private static final Template MARKDOWN = compile("plan.md",
			Mustache.compiler()
				.withEscaper(Escapers
					.simple(new String[][] { { "\\", "\\\\" }, { "*", "\\*" }, { "_", "\\_" }, { "|", "\\|" },
							{ "<", "&lt;" }, { ">", "&gt;" }, { "[", "\\[" }, { "]", "\\]" }, { "`", "\\`" } })));

	private static final Template HTML = compile("plan.html", Mustache.compiler().escapeHTML(true));

	private PlanDocument() {
	}

	/**
	 * How a version presents itself.
	 *
	 * @param supersedes the date of the version it supersedes, or {@code null}
	 * @param keepUntil until when that version is kept at least
	 */
	record VersionBlock(String date, @Nullable String supersedes, @Nullable String keepUntil, String writtenAt,
			String lottrace) {

		static VersionBlock of(LocalDate date, PlanVersions.@Nullable Version superseded, String writtenAt) {
			String version = PlanDocument.class.getPackage().getImplementationVersion();
			return new VersionBlock(date.toString(), (superseded != null) ? superseded.date().toString() : null,
					(superseded != null) ? date.plusYears(2).toString() : null, writtenAt,
					(version != null) ? version : "development build");
		}

	}

	/** The model of the templates. */
	record Page(PlanContent content, @Nullable VersionBlock version) {

	}

	static String markdown(PlanContent content, @Nullable VersionBlock version) {
		return MARKDOWN.execute(new Page(content, version));
	}

	static String html(PlanContent content, @Nullable VersionBlock version) {
		return HTML.execute(new Page(content, version));
	}

	/** The SHA-256 of what the plan says, whatever its version. */
	static String contentSha256(PlanContent content) {
		return DigestUtils.sha256Hex(markdown(content, null).getBytes(StandardCharsets.UTF_8));
	}

	private static Template compile(String name, Mustache.Compiler compiler) {
		String resource = "templates/plan/" + name + ".mustache";
		InputStream in = PlanDocument.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("Plan template " + resource + " is missing from the class path");
		}
		try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
			return compiler.nullValue("").emptyStringIsFalse(true).compile(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
