package org.lottrace.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.KdeEvent;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergMaintenance;
import org.lottrace.store.iceberg.IcebergTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The Iceberg tables over files the store's writer wrote: exactly-once commits, the roll
 * forward to the commit log, and the upkeep that expires snapshots but keeps every
 * record.
 */
class IcebergTablesTests {

	@TempDir
	Path root;

	@Test
	void commitsEachExportOnceAndRollsForwardToTheCommitLog() throws Exception {
		// given: two exports committed to the store, the first also to Iceberg
		StoreLayout layout = new StoreLayout(this.root);
		StoreCommit first = export(layout, "a1", StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)),
				StoreRecords.receipt("RC-2", "L2", LocalDate.of(2026, 11, 2)));
		StoreCommit second = export(layout, "b2", StoreRecords.receipt("RC-3", "L3", LocalDate.of(2026, 10, 7)));
		IcebergTables.prepare(layout);
		try (IcebergTables tables = new IcebergTables(layout)) {
			IcebergCommits commits = new IcebergCommits(tables);

			// when
			int firstTime = commits.commit(first);
			int again = commits.commit(first);
			int rolled = commits.rollForward(new CommitLog(layout));

			// then
			assertThat(firstTime).isOne();
			assertThat(again).isZero();
			assertThat(rolled).isOne();
			Table events = tables.table(StoreTable.KDE_EVENT);
			assertThat(snapshots(events)).isEqualTo(2);
			assertThat(IcebergCommits.find(events, "erp-receiving", second.sha256()).summary())
				.containsEntry("lottrace.file", "RCV_b2.csv")
				.containsEntry("lottrace.written", "1")
				.containsEntry("added-data-files", "1");
			assertThat(rows(events)).isEqualTo(3);
		}
	}

	@Test
	void expiresSnapshotsOlderThanTheRetentionKeepingEveryRecordAndNeverCommitsAnExportTwice() throws Exception {
		// given: two exports in the tables, and a stray file in a table's metadata folder
		StoreLayout layout = new StoreLayout(this.root);
		export(layout, "a1", StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)));
		export(layout, "b2", StoreRecords.receipt("RC-3", "L3", LocalDate.of(2026, 10, 7)));
		IcebergTables.prepare(layout);
		try (IcebergTables tables = new IcebergTables(layout)) {
			new IcebergCommits(tables).rollForward(new CommitLog(layout));
			Table events = tables.table(StoreTable.KDE_EVENT);
			Path stray = Path.of(java.net.URI.create(events.location())).resolve("metadata/stray-m0.avro");
			Files.writeString(stray, "left by a commit a crash cut off");
			IcebergMaintenance maintenance = new IcebergMaintenance(tables);

			// when: three years later
			List<IcebergMaintenance.TableResult> results = maintenance
				.run(Instant.now().plus(java.time.Duration.ofDays(3 * 366)), IcebergMaintenance.MIN_RETENTION);

			// then: one snapshot left, every record in it, the stray file gone
			assertThat(results).singleElement().satisfies((r) -> {
				assertThat(r.snapshotsBefore()).isEqualTo(2);
				assertThat(r.snapshotsAfter()).isOne();
				assertThat(r.orphansDeleted()).containsExactly(stray);
			});
			events.refresh();
			assertThat(rows(events)).isEqualTo(2);
			assertThat(stray).doesNotExist();
			// and the exports whose snapshots expired are known by their files
			assertThat(new IcebergCommits(tables).rollForward(new CommitLog(layout))).isZero();
			assertThat(rows(events)).isEqualTo(2);
		}
	}

	@Test
	void compactsSmallFilesIntoOneCopyKeepingEveryRecordAndNeverDeletesTheStoresOwnFiles() throws Exception {
		// given: nine exports, each one small file in the same partition
		StoreLayout layout = new StoreLayout(this.root);
		List<StoreCommit> exports = new java.util.ArrayList<>();
		for (int i = 0; i < 9; i++) {
			exports.add(export(layout, "e" + i, StoreRecords.receipt("RC-" + i, "L" + i, LocalDate.of(2026, 10, 5 + i)),
					StoreRecords.receipt("RC-X" + i, "M" + i, LocalDate.of(2026, 10, 5 + i))));
		}
		IcebergTables.prepare(layout);
		try (IcebergTables tables = new IcebergTables(layout);
				java.sql.Connection duckDb = java.sql.DriverManager.getConnection("jdbc:duckdb:")) {
			new IcebergCommits(tables).rollForward(new CommitLog(layout));
			Table events = tables.table(StoreTable.KDE_EVENT);
			List<String> before = contents(events);
			List<Path> storeFiles = new StoreCatalog(layout).files(StoreTable.KDE_EVENT);
			assertThat(storeFiles).hasSize(9);

			// when: upkeep now, and again three years later
			List<IcebergMaintenance.TableResult> now = new IcebergMaintenance(tables).run(Instant.now(),
					IcebergMaintenance.MIN_RETENTION, duckDb);
			events.refresh();
			List<String> compacted = contents(events);
			List<String> files = dataFiles(events);
			List<IcebergMaintenance.TableResult> later = new IcebergMaintenance(tables)
				.run(Instant.now().plus(java.time.Duration.ofDays(3 * 366)), IcebergMaintenance.MIN_RETENTION, duckDb);
			events.refresh();

			// then: one file in the table, in its own folder, with the same 18 records
			assertThat(now).singleElement().satisfies((r) -> {
				assertThat(r.filesCompacted()).isEqualTo(9);
				assertThat(r.filesWritten()).isOne();
			});
			assertThat(files).singleElement()
				.satisfies((f) -> assertThat(f)
					.contains("/iceberg/lottrace/kde_event/data/cte=receiving/month=2026-10/compacted-"));
			assertThat(compacted).hasSize(18).containsExactlyInAnyOrderElementsOf(before);
			// and expiring the snapshots that named the store's files deleted none of
			// them
			assertThat(later).singleElement().satisfies((r) -> assertThat(r.snapshotsAfter()).isOne());
			assertThat(storeFiles).allSatisfy((f) -> assertThat(f).exists());
			assertThat(dataFiles(events)).isEqualTo(files);
			assertThat(contents(events)).containsExactlyInAnyOrderElementsOf(before);
			// and no export is committed again
			assertThat(new IcebergCommits(tables).rollForward(new CommitLog(layout))).isZero();
			assertThat(contents(events)).hasSize(18);
		}
	}

	@Test
	void refusesARetentionShorterThanTwoYearsAndADay() {
		StoreLayout layout = new StoreLayout(this.root);
		IcebergTables.prepare(layout);
		try (IcebergTables tables = new IcebergTables(layout)) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> new IcebergMaintenance(tables).run(Instant.now(), Period.ofYears(2)))
				.withMessageContaining("shorter than two years and a day");
		}
	}

	/** Writes an export's events into the store and commits them to the commit log. */
	static StoreCommit export(StoreLayout layout, String sha, KdeEvent... events) {
		String sha256 = sha.repeat(32);
		String fileId = StoreLayout.fileId("erp-receiving", sha256);
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(StoreSchemas.KDE_EVENT,
				layout.root(), fileId + ".parquet", StoreRecords.ZSTD, Map.of());
		for (KdeEvent event : events) {
			writer.write(event);
		}
		List<WrittenFile> files = writer.finish();
		StoreCommit commit = new StoreCommit("erp-receiving", "RCV_" + sha + ".csv", sha256, "jobs/erp.yml", "00",
				StoreRecords.INGESTED_AT, 1, events.length, events.length, 0, 0, files, List.of(), null, null, null,
				null);
		new CommitLog(layout).commit(commit);
		return commit;
	}

	/** Every record of the table's current snapshot, as text. */
	private static List<String> contents(Table table) throws Exception {
		try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
			return StreamSupport.stream(records.spliterator(), false).map(Object::toString).toList();
		}
	}

	private static List<String> dataFiles(Table table) throws Exception {
		try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks = table.newScan().planFiles()) {
			return StreamSupport.stream(tasks.spliterator(), false).map((t) -> t.file().location()).toList();
		}
	}

	private static long snapshots(Table table) {
		return StreamSupport.stream(table.snapshots().spliterator(), false).count();
	}

	private static long rows(Table table) throws Exception {
		try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
			return StreamSupport.stream(records.spliterator(), false).count();
		}
	}

}
