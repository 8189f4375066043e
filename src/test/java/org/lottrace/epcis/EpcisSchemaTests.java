package org.lottrace.epcis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema the export is checked against accepts GS1's own examples and refuses a
 * broken document: a check that validation really runs, offline.
 */
class EpcisSchemaTests {

	@Test
	void gs1ExampleDocumentsAreValid() throws IOException {
		List<Path> examples;
		try (Stream<Path> files = Files.list(EpcisSchema.folder().resolve("examples"))) {
			examples = files.filter((f) -> f.toString().endsWith(".jsonld")).sorted().toList();
		}

		assertThat(examples).hasSize(7);
		for (Path example : examples) {
			assertThat(EpcisSchema.problems(EpcisSchema.read(example))).as(example.getFileName().toString()).isEmpty();
		}
	}

	@Test
	void anEventWithoutTimeOrWithAnUnknownUnitCodeIsInvalid() {
		ObjectNode document = (ObjectNode) EpcisSchema
			.read(EpcisSchema.folder().resolve("examples/Example_9.6.1-ObjectEvent.jsonld"));
		ObjectNode event = (ObjectNode) document.get("epcisBody").get("eventList").get(0);
		event.remove("eventTime");
		event.putArray("quantityList").addObject().put("epcClass", "urn:lottrace:lot:V1:L1").put("uom", "kg");

		assertThat(EpcisSchema.problems(document)).anySatisfy((p) -> assertThat(p).contains("eventTime"))
			.anySatisfy((p) -> assertThat(p).contains("uom"));
	}

}
