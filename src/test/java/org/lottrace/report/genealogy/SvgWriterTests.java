package org.lottrace.report.genealogy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import static org.assertj.core.api.Assertions.assertThat;

/** SVG markup stays well-formed XML whatever a lot code or a name holds. */
class SvgWriterTests {

	@Test
	void showsControlCharactersAsTheirCodesSoThatTheDrawingStaysWellFormed() throws Exception {
		// given: a lot code and a supplier name as a store ingested before input limits
		// may hold them
		String svg = new SvgWriter().start("svg", "xmlns", "http://www.w3.org/2000/svg")
			.element("text", "C261016\u0000A \u001b[2J", "data-lot", "L\u0007<1>")
			.element("text", "Smith & Sons \"Best\"\tBakery")
			.end("svg")
			.toString();

		// when
		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));

		// then
		var texts = document.getElementsByTagName("text");
		assertThat(texts.item(0).getTextContent()).isEqualTo("C261016\\u0000A \\u001B[2J");
		assertThat(texts.item(0).getAttributes().getNamedItem("data-lot").getNodeValue()).isEqualTo("L\\u0007<1>");
		assertThat(texts.item(1).getTextContent()).isEqualTo("Smith & Sons \"Best\"\tBakery");
	}

}
