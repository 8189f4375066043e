package org.lottrace.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks time a trace's answers apart from its reports: when the first line of
 * the answers came, measured as the command's output arrives, with the whole output in
 * the log.
 */
class CommandRunTests {

	@TempDir
	Path dir;

	@Test
	void timesTheAnswersApartFromTheEndOfTheCommand() throws Exception {
		Path log = this.dir.resolve("command.log");
		CommandRun run = CommandRun
			.run(List.of("bash", "-c", "echo starting; sleep 0.5; echo 'Trace of lot C1, both: 2 lots'; sleep 0.5; "
					+ "echo 'reports written' >&2; exit 6"), log);
		assertThat(run.exit()).isEqualTo(6);
		assertThat(run.answersNanos()).isGreaterThanOrEqualTo(500_000_000L);
		assertThat(run.elapsedNanos() - run.answersNanos()).isGreaterThanOrEqualTo(400_000_000L);
		assertThat(Files.readAllLines(log)).containsExactly("starting", "Trace of lot C1, both: 2 lots",
				"reports written");
	}

	@Test
	void saysWhenNoAnswersCame() throws Exception {
		CommandRun run = CommandRun.run(List.of("bash", "-c", "echo 'no lot C9 in the store' >&2; exit 4"),
				this.dir.resolve("command.log"));
		assertThat(run.exit()).isEqualTo(4);
		assertThat(run.answersNanos()).isEqualTo(-1);
		assertThat(run.elapsedNanos()).isPositive();
	}

}
