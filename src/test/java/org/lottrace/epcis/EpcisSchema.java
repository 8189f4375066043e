package org.lottrace.epcis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GS1's EPCIS 2.0 JSON Schema (draft 7) from {@code shared/epcis/}, loaded without
 * network access: its {@code $id} ({@code https://gs1.github.io/EPCIS/...}) is mapped to
 * the local file's content. The folder is found by walking up from the project directory,
 * since CI clones the project beside {@code shared/}.
 */
public final class EpcisSchema {

	private static final String ID = "https://gs1.github.io/EPCIS/EPCIS-JSON-Schema.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Schema schema;

	private EpcisSchema() {
	}

	/** {@code shared/epcis}, the nearest one above the working directory. */
	public static Path folder() {
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("shared/epcis");
			if (Files.isRegularFile(candidate.resolve("EPCIS-JSON-Schema.json"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("no shared/epcis/EPCIS-JSON-Schema.json above " + Path.of("").toAbsolutePath());
	}

	/** Every way the document breaks the schema; empty when it is valid. */
	public static List<String> problems(JsonNode document) {
		return schema().validate(document).stream().map(Error::toString).toList();
	}

	public static JsonNode read(Path file) {
		return JSON.readTree(file.toFile());
	}

	private static String readString(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static synchronized Schema schema() {
		if (schema == null) {
			String text = readString(folder().resolve("EPCIS-JSON-Schema.json"));
			SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
					(builder) -> builder.schemas(Map.of(ID, text)));
			schema = registry.getSchema(SchemaLocation.of(ID));
		}
		return schema;
	}

}
