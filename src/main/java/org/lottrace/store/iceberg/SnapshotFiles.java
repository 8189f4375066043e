package org.lottrace.store.iceberg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;
import org.lottrace.store.StoreTable;

/**
 * The data files each export's snapshot added to the Iceberg tables: what the trace index
 * reads of the exports it has not applied yet. Only those snapshots' manifests are read,
 * not the tables' whole file lists.
 */
public final class SnapshotFiles {

	private SnapshotFiles() {
	}

	/**
	 * The files the snapshots of the given exports ({@code source-sha12} ids) added, by
	 * table and export. An export without a snapshot in a table (it brought nothing to
	 * it, its snapshot expired, or a crash cut its Iceberg commit off) is not in that
	 * table's map.
	 */
	public static Map<StoreTable, Map<String, List<Path>>> added(IcebergTables tables, Set<String> exports) {
		Map<StoreTable, Map<String, List<Path>>> added = new EnumMap<>(StoreTable.class);
		for (StoreTable name : IcebergSchemas.TABLES) {
			if (!tables.exists(name)) {
				continue;
			}
			Table table = tables.table(name);
			table.refresh();
			Map<String, List<Path>> byExport = new HashMap<>();
			for (Snapshot snapshot : SnapshotUtil.currentAncestors(table)) {
				String export = snapshot.summary().get(IcebergCommits.COMMIT);
				if (export != null && exports.contains(export)) {
					List<Path> files = byExport.computeIfAbsent(export, (e) -> new ArrayList<>());
					for (DataFile file : snapshot.addedDataFiles(table.io())) {
						files.add(IcebergTables.path(file.location()));
					}
				}
			}
			added.put(name, byExport);
		}
		return added;
	}

}
