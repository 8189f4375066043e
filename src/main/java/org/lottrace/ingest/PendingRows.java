package org.lottrace.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.DuckDb;
import org.lottrace.store.HeldRow;
import org.lottrace.store.HeldRows;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreTable;

/**
 * The pending rows of the store that have not become records yet. A pending row becomes a
 * record only through a resolution commit ({@link StoreCommit#resolves()}), whose records
 * keep the export line they were read from: a row is outstanding while no such record
 * names its line.
 */
final class PendingRows {

	private PendingRows() {
	}

	/**
	 * @param export the SHA-256 of one export, or {@code null} for every export
	 * @return the outstanding rows, by source, export and line
	 */
	static List<HeldRow> outstanding(StoreCatalog catalog, DuckDb duckDb, @Nullable String export) {
		List<Path> held = catalog.files(StoreTable.HELD_ROW);
		if (held.isEmpty()) {
			return List.of();
		}
		Set<String> resolutions = catalog.commits()
			.all()
			.stream()
			.filter((c) -> c.resolves() != null && (export == null || export.equals(c.resolves())))
			.map(StoreCommit::fileId)
			.collect(Collectors.toSet());
		String resolved = resolvedLines(catalog, resolutions);
		String sql = "SELECT h.* FROM (" + DuckDb.scan(StoreTable.HELD_ROW, held) + ") h WHERE h.status = 'pending'"
				+ ((export != null) ? " AND h.source_sha256 = ?" : "")
				+ ((resolved != null) ? " AND NOT EXISTS (SELECT 1 FROM (" + resolved + ") r WHERE r.source = h.source "
						+ "AND r.source_sha256 = h.source_sha256 AND r.source_line = h.source_line)" : "")
				+ " ORDER BY h.source, h.ingested_at, h.source_sha256, h.source_line";
		List<HeldRow> rows = new ArrayList<>();
		try (Connection connection = duckDb.inMemory();
				PreparedStatement statement = connection.prepareStatement(sql)) {
			if (export != null) {
				statement.setString(1, export);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					rows.add(HeldRows.read(rs));
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the pending rows of the store: " + ex.getMessage(), ex);
		}
		return rows;
	}

	/** The export lines that resolution commits made records of, or null when none. */
	private static @Nullable String resolvedLines(StoreCatalog catalog, Set<String> resolutions) {
		List<String> parts = new ArrayList<>();
		for (StoreTable table : List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION, StoreTable.PRODUCT)) {
			List<Path> files = catalog.files(table, resolutions);
			if (!files.isEmpty()) {
				parts.add("SELECT source, source_sha256, source_line FROM read_parquet(" + DuckDb.fileList(files)
						+ ", union_by_name = true, hive_partitioning = false)");
			}
		}
		return parts.isEmpty() ? null : String.join(" UNION ALL ", parts);
	}

}
