package org.lottrace.serve;

import java.sql.SQLException;
import java.time.Clock;

import org.lottrace.report.ReportProperties;
import org.lottrace.store.DuckDb;
import org.lottrace.store.PrivateFiles;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreWriteLock;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergMaintenance;
import org.lottrace.store.iceberg.IcebergTables;
import org.lottrace.trace.IndexBusyException;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.TraceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * What only the service does: the report folders kept private, the scheduled ingestion
 * (cron from {@code lottrace.serve.schedule}) followed by the upkeep of the Iceberg
 * tables ({@code lottrace maintain}), and at start-up the trace index brought up to date,
 * the lot links loaded into memory, and (by default) one ingestion run, which also
 * finishes what a run cut off by a crash left in the inbox: the job repository knows the
 * interrupted execution and it is recovered and run again.
 */
@Configuration(proxyBeanMethods = false)
@Profile("serve")
@EnableScheduling
public class ServeConfiguration {

	private static final Logger log = LoggerFactory.getLogger(ServeConfiguration.class);

	private final InboxIngestion ingestion;

	private final ServeProperties properties;

	private final IndexRefresher refresher;

	private final TraceService traces;

	private final TaskScheduler scheduler;

	private final StoreLayout layout;

	private final StoreWriteLock writeLock;

	private final Clock clock;

	private final DuckDb duckDb;

	private final IcebergCatalogs icebergCatalogs;

	/**
	 * @param scheduler Spring Boot's scheduler ({@code spring.task.scheduling}: one
	 * thread, so scheduled and start-up runs never overlap, and {@link InboxIngestion}
	 * refuses overlaps too)
	 */
	public ServeConfiguration(InboxIngestion ingestion, ServeProperties properties, IndexRefresher refresher,
			TraceService traces, ReportProperties reports, TaskScheduler scheduler, StoreLayout layout,
			StoreWriteLock writeLock, Clock clock, DuckDb duckDb, IcebergCatalogs icebergCatalogs) {
		// report folders hold what the records hold: private to the service's user, as
		// the store is
		PrivateFiles.folder(reports.root());
		this.ingestion = ingestion;
		this.properties = properties;
		this.refresher = refresher;
		this.traces = traces;
		this.scheduler = scheduler;
		this.layout = layout;
		this.writeLock = writeLock;
		this.clock = clock;
		this.duckDb = duckDb;
		this.icebergCatalogs = icebergCatalogs;
	}

	@Scheduled(cron = "${lottrace.serve.schedule}")
	void scheduledIngestion() {
		this.ingestion.run("schedule");
		maintain();
	}

	/**
	 * The nightly upkeep of the Iceberg tables, after the ingestion (as
	 * {@code lottrace maintain} with the default retention); skipped when another process
	 * writes to the store.
	 */
	void maintain() {
		if (!IcebergTables.present(this.layout)) {
			return;
		}
		try (StoreWriteLock.Hold hold = this.writeLock.tryAcquire().orElse(null);
				IcebergTables tables = (hold != null) ? this.icebergCatalogs.open() : null;
				java.sql.Connection connection = (hold != null) ? this.duckDb.inMemory() : null) {
			if (tables == null || connection == null) {
				log.warn("Maintenance of the Iceberg tables skipped: {}", this.writeLock.busyMessage());
				return;
			}
			for (IcebergMaintenance.TableResult result : new IcebergMaintenance(tables).run(this.clock.instant(),
					IcebergMaintenance.MIN_RETENTION, connection)) {
				log.info(
						"Maintained Iceberg table {}: snapshots {} -> {}, {} orphan file(s) deleted, {} small "
								+ "file(s) compacted into {}",
						result.table().sqlName(), result.snapshotsBefore(), result.snapshotsAfter(),
						result.orphansDeleted().size(), result.filesCompacted(), result.filesWritten());
			}
		}
		catch (java.sql.SQLException | RuntimeException ex) {
			log.warn("Maintenance of the Iceberg tables failed: {}", ex.getMessage());
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void started() {
		try {
			this.refresher.refresh();
			this.traces.useMemoryGraph();
		}
		catch (IndexBusyException | SQLException ex) {
			log.warn("The trace index could not be prepared at start-up: {}", ex.getMessage());
		}
		if (this.properties.scanOnStart()) {
			this.scheduler.schedule(() -> this.ingestion.run("start"), java.time.Instant.now());
		}
	}

}
