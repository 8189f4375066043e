package org.lottrace.ingest;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.StoreRecord;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Reports an ingestion's progress every couple of seconds, and once at the end. */
public class IngestProgressListener
		implements StepExecutionListener, ChunkListener<List<SourceRow>, List<StoreRecord>> {

	private static final long INTERVAL_NANOS = 2_000_000_000L;

	private final IngestProgress progress;

	private final IngestRun run;

	private final RowBlockReader reader;

	private final long totalBytes;

	private @Nullable StepExecution stepExecution;

	private long started;

	private long lastReport;

	public IngestProgressListener(IngestProgress progress, IngestRun run, RowBlockReader reader, long totalBytes) {
		this.progress = progress;
		this.run = run;
		this.reader = reader;
		this.totalBytes = totalBytes;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.started = System.nanoTime();
		this.lastReport = this.started;
	}

	@Override
	public void afterChunk(Chunk<List<StoreRecord>> chunk) {
		long now = System.nanoTime();
		if (now - this.lastReport >= INTERVAL_NANOS) {
			this.lastReport = now;
			report(now);
		}
	}

	@Override
	public @Nullable ExitStatus afterStep(StepExecution stepExecution) {
		report(System.nanoTime());
		return null;
	}

	private void report(long now) {
		long rows = this.reader.rowsRead();
		this.progress.report(new IngestProgress.Update(this.run.source(), this.run.fileName(), rows,
				this.reader.bytesRead(), this.totalBytes, Duration.ofNanos(now - this.started)));
	}

}
