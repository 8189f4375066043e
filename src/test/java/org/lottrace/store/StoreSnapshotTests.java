package org.lottrace.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergMaintenance;
import org.lottrace.store.iceberg.IcebergTables;
import org.lottrace.store.iceberg.StoreSnapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The store as its Iceberg snapshots held it at a moment: the exports committed by then,
 * named by the snapshot of the newest, and found again from that id.
 */
class StoreSnapshotTests {

	@TempDir
	Path root;

	@Test
	void findsTheExportsCommittedByATimeAndAgainFromTheSnapshotThatNamesThem() throws Exception {
		// given: three exports committed one after the other
		StoreLayout layout = new StoreLayout(this.root);
		IcebergTables.prepare(layout);
		StoreCommit a = IcebergTablesTests.export(layout, "a1",
				StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)));
		StoreCommit b = IcebergTablesTests.export(layout, "b2",
				StoreRecords.receipt("RC-2", "L2", LocalDate.of(2026, 10, 6)));
		StoreCommit c = IcebergTablesTests.export(layout, "c3",
				StoreRecords.receipt("RC-3", "L3", LocalDate.of(2026, 10, 7)));
		CommitLog log = new CommitLog(layout);
		try (IcebergTables tables = new IcebergTables(layout)) {
			IcebergCommits commits = new IcebergCommits(tables);
			Instant beforeAll = Instant.now();
			Thread.sleep(5);
			commits.commit(a);
			Thread.sleep(5);
			Instant afterFirst = Instant.now();
			Thread.sleep(5);
			commits.commit(b);
			commits.commit(c);
			Table events = tables.table(StoreTable.KDE_EVENT);
			Snapshot second = IcebergCommits.find(events, "erp-receiving", b.sha256());

			// when
			StoreSnapshot thenOne = StoreSnapshot.asOf(tables, log, afterFirst);
			StoreSnapshot bySecond = StoreSnapshot.of(tables, log, second.snapshotId());
			StoreSnapshot now = StoreSnapshot.current(tables, log);

			// then
			assertThat(thenOne.exports()).containsExactly(a.fileId());
			assertThat(thenOne.snapshotId())
				.isEqualTo(IcebergCommits.find(events, "erp-receiving", a.sha256()).snapshotId());
			assertThat(StoreSnapshot.of(tables, log, thenOne.snapshotId())).isEqualTo(thenOne);
			assertThat(bySecond.exports()).containsExactlyInAnyOrder(a.fileId(), b.fileId());
			assertThat(bySecond.tables()).containsEntry("kde_event", second.snapshotId());
			assertThat(now.exports()).containsExactlyInAnyOrder(a.fileId(), b.fileId(), c.fileId());
			assertThat(now.snapshotId()).isEqualTo(events.currentSnapshot().snapshotId());
			assertThat(StoreSnapshot.asOf(tables, log, now.committedAt())).isEqualTo(now);
			assertThatThrownBy(() -> StoreSnapshot.asOf(tables, log, beforeAll))
				.isInstanceOfSatisfying(StoreSnapshot.SnapshotException.class, (ex) -> {
					assertThat(ex.notFound()).isTrue();
					assertThat(ex).hasMessageContaining("its first export was committed at");
				});
			assertThatThrownBy(() -> StoreSnapshot.of(tables, log, 42L)).isInstanceOfSatisfying(
					StoreSnapshot.SnapshotException.class, (ex) -> assertThat(ex.notFound()).isTrue());
		}
	}

	@Test
	void keepsTheExportsOfExpiredSnapshotsAndRefusesMomentsBeforeTheOldestKept() throws Exception {
		// given: two exports, and the upkeep of three years later, which expires the
		// older snapshot
		StoreLayout layout = new StoreLayout(this.root);
		IcebergTables.prepare(layout);
		StoreCommit a = IcebergTablesTests.export(layout, "a1",
				StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)));
		StoreCommit b = IcebergTablesTests.export(layout, "b2",
				StoreRecords.receipt("RC-2", "L2", LocalDate.of(2026, 10, 6)));
		CommitLog log = new CommitLog(layout);
		try (IcebergTables tables = new IcebergTables(layout)) {
			IcebergCommits commits = new IcebergCommits(tables);
			commits.commit(a);
			Thread.sleep(5);
			Instant between = Instant.now();
			Thread.sleep(5);
			commits.commit(b);
			List<IcebergMaintenance.TableResult> results = new IcebergMaintenance(tables)
				.run(Instant.now().plus(java.time.Duration.ofDays(3 * 366)), IcebergMaintenance.MIN_RETENTION);
			assertThat(results).singleElement().satisfies((r) -> assertThat(r.snapshotsAfter()).isOne());

			// when
			StoreSnapshot now = StoreSnapshot.current(tables, log);

			// then: the expired export's records are still there; its moment is not
			assertThat(now.exports()).containsExactlyInAnyOrder(a.fileId(), b.fileId());
			assertThatThrownBy(() -> StoreSnapshot.asOf(tables, log, between))
				.isInstanceOfSatisfying(StoreSnapshot.SnapshotException.class, (ex) -> {
					assertThat(ex.notFound()).isFalse();
					assertThat(ex).hasMessageContaining("have expired");
				});
		}
	}

}
