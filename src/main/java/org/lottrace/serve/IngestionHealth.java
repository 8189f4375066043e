package org.lottrace.serve;

import org.lottrace.ingest.IngestResult;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Healthy until a scheduled (or requested) ingestion run fails; the next good run makes
 * it healthy again.
 */
@Component
public class IngestionHealth implements HealthIndicator {

	private final InboxIngestion ingestion;

	public IngestionHealth(InboxIngestion ingestion) {
		this.ingestion = ingestion;
	}

	@Override
	public Health health() {
		InboxRun last = this.ingestion.last();
		if (last == null) {
			return Health.up().withDetail("lastRun", "none yet").build();
		}
		Health.Builder health = last.succeeded() ? Health.up() : Health.down();
		health.withDetail("lastRun", last.started().toString())
			.withDetail("trigger", last.trigger())
			.withDetail("files", last.results().size())
			.withDetail("failed",
					last.results()
						.stream()
						.filter((r) -> r.status() == IngestResult.Status.FAILED)
						.map((r) -> r.file().getFileName() + ": " + r.error())
						.toList());
		if (last.error() != null) {
			health.withDetail("error", last.error());
		}
		return health.build();
	}

}
