package org.lottrace.runs;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Why a job execution failed, in words a caller can act on. The job repository keeps no
 * exceptions, only exit descriptions holding their stack traces: this is the message of
 * the deepest cause there, without its class name, and nothing of the stack.
 */
public final class RunFailures {

	private RunFailures() {
	}

	/** The reason, or {@code null} when the execution did not fail. */
	public static @Nullable String message(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return null;
		}
		if (!execution.getAllFailureExceptions().isEmpty()) {
			return execution.getAllFailureExceptions().get(0).getMessage();
		}
		String stored = stored(execution);
		return (stored != null) ? stored : "failed";
	}

	/**
	 * Why a run read back from the job repository failed: the repository keeps no
	 * exceptions, only exit descriptions holding their stack traces, so this is the
	 * message of the deepest cause there (without its class name); {@code null} when the
	 * execution did not fail or says nothing.
	 */
	public static @Nullable String stored(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return null;
		}
		List<String> descriptions = new ArrayList<>();
		execution.getStepExecutions().forEach((step) -> descriptions.add(step.getExitStatus().getExitDescription()));
		descriptions.add(execution.getExitStatus().getExitDescription());
		for (String description : descriptions) {
			List<String> lines = description.lines().filter((line) -> !line.isBlank()).toList();
			if (lines.isEmpty()) {
				continue;
			}
			String cause = lines.get(0);
			for (String line : lines) {
				if (line.startsWith("Caused by: ")) {
					cause = line.substring("Caused by: ".length());
				}
			}
			return cause.replaceFirst("^[\\w.$]+(Exception|Error)(: )?", "").trim();
		}
		return null;
	}

}
