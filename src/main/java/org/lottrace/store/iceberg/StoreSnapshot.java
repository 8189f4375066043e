package org.lottrace.store.iceberg;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.CommitLog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreTable;

/**
 * The store as its Iceberg tables held it at one moment: the exports committed by then
 * and the snapshot of each table that holds them. Exports are committed one after the
 * other (under the store's write lock), each as one snapshot per table it has files in,
 * so the store at any moment is the exports up to one of them; it is named by the newest
 * snapshot of that export ({@link #snapshotId}), and {@link #of} finds the same exports
 * again from that id.
 *
 * @param snapshotId the snapshot that names this state of the store: the last one made
 * for its newest export
 * @param committedAt when that snapshot was made
 * @param tables the snapshot read of each table, by table name
 * @param exports the exports ({@code source-sha12} ids) the store held
 */
public record StoreSnapshot(long snapshotId, Instant committedAt, Map<String, Long> tables, Set<String> exports) {

	public StoreSnapshot {
		tables = Map.copyOf(tables);
		exports = Set.copyOf(exports);
	}

	/** The store now: every export its Iceberg tables hold. */
	public static StoreSnapshot current(IcebergTables tables, CommitLog log) {
		History history = History.read(tables, log);
		if (history.exports.isEmpty()) {
			throw new SnapshotException("the store's Iceberg tables hold no snapshot yet", true);
		}
		return history.upTo(history.exports.size() - 1);
	}

	/**
	 * The store as it stood at {@code time}: the exports whose snapshots were all made by
	 * then.
	 * @throws SnapshotException when nothing had been committed by then, or the snapshots
	 * of that time have expired
	 */
	public static StoreSnapshot asOf(IcebergTables tables, CommitLog log, Instant time) {
		History history = History.read(tables, log);
		int last = -1;
		for (int i = 0; i < history.exports.size(); i++) {
			if (!history.exports.get(i).committedAt.isAfter(time)) {
				last = i;
			}
		}
		if (history.expiredBefore != null && time.isBefore(history.expiredBefore)) {
			throw new SnapshotException("the snapshots before " + history.expiredBefore
					+ " have expired (lottrace maintain keeps them for the retention period); the store as of " + time
					+ " cannot be shown", false);
		}
		if (last < 0) {
			String first = history.exports.isEmpty() ? "nothing has been committed yet"
					: "its first export was committed at " + history.exports.get(0).committedAt;
			throw new SnapshotException("the store held nothing at " + time + ": " + first, true);
		}
		return history.upTo(last);
	}

	/**
	 * The store as the given snapshot (of any of its tables) found it: the exports up to
	 * and including the one that snapshot committed.
	 * @throws SnapshotException when no table has that snapshot
	 */
	public static StoreSnapshot of(IcebergTables tables, CommitLog log, long snapshotId) {
		History history = History.read(tables, log);
		for (int i = 0; i < history.exports.size(); i++) {
			if (history.exports.get(i).snapshots.contains(snapshotId)) {
				return history.upTo(i);
			}
		}
		throw new SnapshotException("no table of the store has a snapshot " + snapshotId
				+ " (lottrace store snapshots lists them; expired ones are gone)", true);
	}

	/** A request for the store at a moment that cannot be met. */
	public static final class SnapshotException extends RuntimeException {

		private final boolean notFound;

		SnapshotException(String message, boolean notFound) {
			super(message);
			this.notFound = notFound;
		}

		/** Whether nothing matches (rather than a time that cannot be shown). */
		public boolean notFound() {
			return this.notFound;
		}

	}

	/** One export's snapshots: when its last one was made, and their ids. */
	private static final class Export {

		final String fileId;

		Instant committedAt = Instant.MIN;

		long lastSnapshot;

		final Set<Long> snapshots = new HashSet<>();

		final int logPosition;

		Export(String fileId, int logPosition) {
			this.fileId = fileId;
			this.logPosition = logPosition;
		}

		void add(Snapshot snapshot) {
			Instant at = Instant.ofEpochMilli(snapshot.timestampMillis());
			this.snapshots.add(snapshot.snapshotId());
			if (!at.isBefore(this.committedAt)) {
				this.committedAt = at;
				this.lastSnapshot = snapshot.snapshotId();
			}
		}

	}

	/** Every export the tables know, in the order they were committed. */
	private static final class History {

		/** Exports with snapshots, oldest first. */
		final List<Export> exports = new ArrayList<>();

		/** Exports whose snapshots expired: in every state of the store still shown. */
		final Set<String> expired = new LinkedHashSet<>();

		/** The oldest snapshot kept, when older ones have expired. */
		@Nullable Instant expiredBefore;

		/** Each table's snapshots, newest first. */
		final Map<String, List<Snapshot>> tables = new LinkedHashMap<>();

		static History read(IcebergTables tables, CommitLog log) {
			History history = new History();
			List<StoreCommit> commits = log.all();
			Map<String, Integer> position = new HashMap<>();
			for (int i = 0; i < commits.size(); i++) {
				position.put(commits.get(i).fileId(), i);
			}
			Map<String, Export> byId = new HashMap<>();
			Instant oldest = null;
			boolean truncated = false;
			for (StoreTable storeTable : IcebergSchemas.TABLES) {
				if (!tables.exists(storeTable)) {
					continue;
				}
				Table table = tables.table(storeTable);
				table.refresh();
				List<Snapshot> snapshots = new ArrayList<>();
				for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
					snapshots.add(snapshot);
					Instant at = Instant.ofEpochMilli(snapshot.timestampMillis());
					oldest = (oldest == null || at.isBefore(oldest)) ? at : oldest;
					String fileId = snapshot.summary().get(IcebergCommits.COMMIT);
					if (fileId != null) {
						byId.computeIfAbsent(fileId,
								(id) -> new Export(id, position.getOrDefault(id, Integer.MAX_VALUE)))
							.add(snapshot);
					}
				}
				if (!snapshots.isEmpty() && snapshots.get(snapshots.size() - 1).parentId() != null) {
					truncated = true;
				}
				history.tables.put(storeTable.sqlName(), snapshots);
			}
			history.exports.addAll(byId.values());
			history.exports.sort(Comparator.comparing((Export e) -> e.committedAt)
				.thenComparingInt((e) -> e.logPosition)
				.thenComparing((e) -> e.fileId));
			if (truncated && oldest != null) {
				history.expiredBefore = oldest;
				for (StoreCommit commit : commits) {
					if (!byId.containsKey(commit.fileId()) && commit.ingestedAt().isBefore(oldest)) {
						history.expired.add(commit.fileId());
					}
				}
			}
			return history;
		}

		/** The store with the exports up to and including the one at {@code last}. */
		StoreSnapshot upTo(int last) {
			Set<String> included = new LinkedHashSet<>(this.expired);
			for (int i = 0; i <= last; i++) {
				included.add(this.exports.get(i).fileId);
			}
			Export newest = this.exports.get(last);
			Map<String, Long> read = new LinkedHashMap<>();
			long cut = newest.committedAt.toEpochMilli();
			this.tables.forEach((name, snapshots) -> snapshots.stream().filter((s) -> {
				String export = s.summary().get(IcebergCommits.COMMIT);
				return s.timestampMillis() <= cut && (export == null || included.contains(export));
			}).findFirst().ifPresent((s) -> read.put(name, s.snapshotId())));
			return new StoreSnapshot(newest.lastSnapshot, newest.committedAt, read, included);
		}

	}

}
