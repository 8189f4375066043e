package org.lottrace.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One command run to its end, its output (and errors) written to a log as they come:
 * how long it took, and how long until its answers were on the screen, the line a trace
 * prints first ({@value #ANSWERS}) before it writes its reports. A customer's call waits
 * for the answers; the reports follow.
 *
 * @param exit the command's exit code
 * @param elapsedNanos from the start to the end of the process
 * @param answersNanos from the start until the answers' first line; -1 when none came
 */
record CommandRun(int exit, long elapsedNanos, long answersNanos) {

	/** How a trace's answers begin, on the screen as in {@code trace.txt}. */
	static final String ANSWERS = "Trace of ";

	static CommandRun run(List<String> command, Path log) throws IOException, InterruptedException {
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getOutputStream().close();
		long answers = -1;
		try (BufferedReader output = process.inputReader(StandardCharsets.UTF_8);
				BufferedWriter writer = Files.newBufferedWriter(log)) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (answers < 0 && line.startsWith(ANSWERS)) {
					answers = System.nanoTime() - started;
				}
				writer.write(line);
				writer.newLine();
			}
		}
		int exit = process.waitFor();
		return new CommandRun(exit, System.nanoTime() - started, answers);
	}

}
