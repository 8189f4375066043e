package org.lottrace.runs;

import java.util.UUID;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.lottrace.report.TraceFindings;
import org.lottrace.trace.RecordRequest;
import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.TraceException;
import org.lottrace.trace.TraceRequest;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Runs the report jobs and returns their outcome: the entry point for the command line,
 * the service and any other code that needs a trace with its reports.
 */
@Service
public class TraceRunner {

	private final JobOperator jobOperator;

	private final Job traceJob;

	private final Job recordsJob;

	private final TraceRuns runs;

	public TraceRunner(JobOperator jobOperator, @Qualifier(TraceJobConfiguration.TRACE_JOB) Job traceJob,
			@Qualifier(TraceJobConfiguration.RECORDS_JOB) Job recordsJob, TraceRuns runs) {
		this.jobOperator = jobOperator;
		this.traceJob = traceJob;
		this.recordsJob = recordsJob;
		this.runs = runs;
	}

	/**
	 * Traces and writes the reports, as a new run.
	 * @throws TraceException when the lot or product is not found or the request is
	 * ambiguous
	 */
	public TraceOutcome trace(TraceRequest request) {
		return trace(request, UUID.randomUUID().toString(), (findings) -> {
		});
	}

	/**
	 * Traces and writes the reports, handing the answers to {@code answers} as soon as
	 * they are known, before the reports are written (the command line prints them then).
	 * @param runId the run's identity: {@link TraceRuns#find} finds it by this id, in
	 * this process or a later one
	 * @throws TraceException when the lot or product is not found or the request is
	 * ambiguous
	 */
	public TraceOutcome trace(TraceRequest request, String runId, Consumer<TraceFindings> answers) {
		return trace(request, runId, answers, null);
	}

	/**
	 * Traces in the store as it stood at an earlier moment and writes the reports.
	 * @param asOf a snapshot id or a time ({@link PastStores#resolve}); {@code null} for
	 * the store now
	 * @throws TraceException as {@link #trace(TraceRequest, String, Consumer)}, and when
	 * the store has no snapshot of that time
	 */
	public TraceOutcome trace(TraceRequest request, String runId, Consumer<TraceFindings> answers,
			@Nullable String asOf) {
		JobParametersBuilder parameters = run(runId);
		add(parameters, TraceJobConfiguration.AS_OF, asOf);
		add(parameters, TraceJobConfiguration.LOT, request.lot());
		add(parameters, TraceJobConfiguration.ASSIGNER, request.assigner());
		add(parameters, TraceJobConfiguration.PRODUCT, request.product());
		add(parameters, TraceJobConfiguration.FROM, request.from());
		add(parameters, TraceJobConfiguration.TO, request.to());
		add(parameters, TraceJobConfiguration.DIRECTION, request.direction().name());
		add(parameters, TraceJobConfiguration.REASON, request.reason());
		this.runs.listen(runId, answers);
		try {
			return launch(this.traceJob, runId, parameters.toJobParameters());
		}
		finally {
			this.runs.forget(runId);
		}
	}

	/**
	 * Selects the records of a request for foods and dates or lot codes, and writes the
	 * FDA spreadsheet, as a new run.
	 * @throws TraceException when nothing matches or the request names nothing
	 */
	public TraceOutcome records(RecordRequest request) {
		return records(request, UUID.randomUUID().toString());
	}

	/**
	 * Selects the records of a request and writes the FDA spreadsheet.
	 * @param runId the run's identity (see
	 * {@link #trace(TraceRequest, String, Consumer)})
	 * @throws TraceException when nothing matches or the request names nothing
	 */
	public TraceOutcome records(RecordRequest request, String runId) {
		return records(request, runId, null);
	}

	/**
	 * Selects the records of a request in the store as it stood at an earlier moment.
	 * @param asOf a snapshot id or a time ({@link PastStores#resolve}); {@code null} for
	 * the store now
	 */
	public TraceOutcome records(RecordRequest request, String runId, @Nullable String asOf) {
		JobParametersBuilder parameters = run(runId);
		add(parameters, TraceJobConfiguration.AS_OF, asOf);
		add(parameters, TraceJobConfiguration.PRODUCTS, String.join(",", request.products()));
		add(parameters, TraceJobConfiguration.LOTS, String.join(",", request.lotCodes()));
		add(parameters, TraceJobConfiguration.ASSIGNER, request.assigner());
		add(parameters, TraceJobConfiguration.ALL_FOODS, request.allFoods() ? "true" : null);
		add(parameters, TraceJobConfiguration.FROM, request.from());
		add(parameters, TraceJobConfiguration.TO, request.to());
		return launch(this.recordsJob, runId, parameters.toJobParameters());
	}

	private TraceOutcome launch(Job job, String runId, JobParameters parameters) {
		JobExecution execution;
		try {
			execution = this.jobOperator.start(job, parameters);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start " + job.getName() + ": " + ex.getMessage(), ex);
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			for (Throwable failure : execution.getAllFailureExceptions()) {
				for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
					if (cause instanceof TraceException || cause instanceof IndexBusyException) {
						throw (RuntimeException) cause;
					}
				}
			}
			throw new IllegalStateException(job.getName() + " failed: " + RunFailures.message(execution));
		}
		TraceOutcome outcome = TraceRuns.outcome(runId, execution);
		if (outcome == null) {
			throw new IllegalStateException("Run " + runId + " completed without a report folder");
		}
		return outcome;
	}

	private static JobParametersBuilder run(String runId) {
		return new JobParametersBuilder().addString(TraceJobConfiguration.RUN, runId, true);
	}

	private static void add(JobParametersBuilder parameters, String name, @Nullable Object value) {
		if (value != null && !value.toString().isEmpty()) {
			parameters.addString(name, value.toString(), false);
		}
	}

}
