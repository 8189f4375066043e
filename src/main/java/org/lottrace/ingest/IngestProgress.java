package org.lottrace.ingest;

import java.time.Duration;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where progress of long ingestions goes: the log by default; the command line prints it
 * to the terminal.
 */
public class IngestProgress {

	private static final Logger log = LoggerFactory.getLogger(IngestProgress.class);

	/**
	 * How far an ingestion has come.
	 *
	 * @param rows data rows read
	 * @param bytes bytes of the file read
	 * @param totalBytes the file's size
	 */
	public record Update(String source, String file, long rows, long bytes, long totalBytes, Duration elapsed) {

		public double fraction() {
			return (this.totalBytes > 0) ? Math.min(1.0, (double) this.bytes / this.totalBytes) : 1.0;
		}

		public double rowsPerSecond() {
			double seconds = this.elapsed.toNanos() / 1e9;
			return (seconds > 0) ? this.rows / seconds : 0;
		}

	}

	private volatile Consumer<Update> listener = (u) -> log.info("{} {}: {} rows, {}%, {} rows/s", u.source(), u.file(),
			u.rows(), Math.round(u.fraction() * 100), Math.round(u.rowsPerSecond()));

	public void listen(Consumer<Update> listener) {
		this.listener = listener;
	}

	void report(Update update) {
		this.listener.accept(update);
	}

}
