package org.lottrace.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.report.TraceAnswers;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The completeness of a trace as the command line reads it, from the head of
 * {@code trace.json} only, against the answers read whole.
 */
class TraceOutcomeTests {

	/** As {@code ReportWriter} writes {@code trace.json}. */
	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@TempDir
	Path folder;

	@Test
	void readsAnIncompleteAnswerAsIncompleteWithoutReadingTheLists() throws Exception {
		// given
		Path trace = write(answers(false));

		// when
		boolean complete = TraceOutcome.completeFlag(trace);

		// then
		assertThat(complete).isFalse().isEqualTo(JSON.readValue(trace.toFile(), TraceAnswers.class).complete());
	}

	@Test
	void readsACompleteAnswerAsComplete() throws Exception {
		// given
		Path trace = write(answers(true));

		// when
		boolean complete = TraceOutcome.completeFlag(trace);

		// then
		assertThat(complete).isTrue();
	}

	@Test
	void refusesAFileWithoutTheFlagRatherThanCallingItComplete() throws Exception {
		// given
		Path trace = this.folder.resolve("trace.json");
		Files.writeString(trace, "{\"subject\": \"lot X\", \"gaps\": [{\"kind\": \"pending row\"}]}");

		// when, then
		assertThatIllegalStateException().isThrownBy(() -> TraceOutcome.completeFlag(trace))
			.withMessageContaining("has no complete");
	}

	@Test
	void findsTheFlagAfterNestedValuesOfTheSameName() throws Exception {
		// given
		Path trace = this.folder.resolve("trace.json");
		Files.writeString(trace, "{\"gaps\": [{\"complete\": true, \"x\": [1, {\"complete\": true}]}], "
				+ "\"batches\": {\"complete\": true}, \"complete\": false}");

		// when, then
		assertThat(TraceOutcome.completeFlag(trace)).isFalse();
	}

	private Path write(TraceAnswers answers) throws Exception {
		Path trace = this.folder.resolve("trace.json");
		JSON.writeValue(trace.toFile(), answers);
		return trace;
	}

	private static TraceAnswers answers(boolean complete) {
		List<TraceAnswers.GapEntry> gaps = complete ? List.of() : List
			.of(new TraceAnswers.GapEntry("pending row", "L1", "waits for product X", "erp-receiving", "RCV.csv", 10L));
		return new TraceAnswers("lot L1", "BOTH", null, Instant.parse("2026-10-14T08:00:00Z"), 12, 3, complete,
				complete ? "complete" : "incomplete: 1 gap", gaps, List.of(), List.of(), List.of(), List.of());
	}

}
