package org.lottrace.store;

import java.nio.file.Path;

/**
 * Where everything lives under the store root.
 *
 * <pre>
 * store/
 *   kde/cte=receiving/month=2026-10/erp-receiving-3f2a9c1b7d4e.parquet   events, one file per ingested export and month
 *   master/table=location/erp-suppliers-0a1b2c3d4e5f.parquet            master data
 *   held/erp-receiving-3f2a9c1b7d4e.parquet                              rows rejected or pending, as data
 *   rejects/erp-receiving/erp-receiving-3f2a9c1b7d4e.rejects.csv         rows rejected, with file, line, field, reason
 *   rejects/erp-receiving/erp-receiving-3f2a9c1b7d4e.pending.csv         rows pending, with what they wait for
 *   _commits/20261023T020001123-erp-receiving-3f2a9c1b7d4e.json          one per ingested export: what became visible
 *   iceberg/lottrace/kde_event/metadata/...                              the same files as Iceberg tables (also location, product)
 *   iceberg/CATALOG                                                      the shared catalog (jdbc, rest) that keeps them, once one does
 *   _staging/erp-receiving-3f2a9c1b7d4e/...                               files of a run not yet committed
 *   _index/                                                               derived: deletable, rebuilt by a command
 *   _as-of/                                                               indexes of earlier snapshots, while a report as of one runs
 *   _batch/                                                               the Spring Batch job repository (H2)
 * </pre>
 */
public record StoreLayout(Path root) {

	public StoreLayout {
		root = root.toAbsolutePath().normalize();
	}

	public Path tableRoot(StoreTable table) {
		return this.root.resolve(table.directory());
	}

	public Path commits() {
		return this.root.resolve("_commits");
	}

	/**
	 * The warehouse of the Iceberg tables ({@code iceberg/lottrace/kde_event} and so on).
	 */
	public Path iceberg() {
		return this.root.resolve("iceberg");
	}

	public Path staging() {
		return this.root.resolve("_staging");
	}

	/** The staging folder of one ingestion: every file it writes before the commit. */
	public Path staging(String fileId) {
		return staging().resolve(fileId);
	}

	/** The rejects report of one ingestion, kept with the data it was set aside from. */
	public Path rejects(String source, String fileId) {
		return this.root.resolve("rejects").resolve(source).resolve(fileId + ".rejects.csv");
	}

	/**
	 * The report of the rows of one ingestion held as pending (as they were when it ran).
	 */
	public Path pending(String source, String fileId) {
		return this.root.resolve("rejects").resolve(source).resolve(fileId + ".pending.csv");
	}

	/**
	 * Where master data written in mapping files ({@code rows:}) is written out as the
	 * exports it is ingested from.
	 */
	public Path inline() {
		return this.root.resolve("_inline");
	}

	public Path index() {
		return this.root.resolve("_index");
	}

	public Path lockFile() {
		return this.root.resolve(".lock");
	}

	/**
	 * The identity of an ingested export in file names: source name and the first 12 hex
	 * digits of its SHA-256.
	 */
	public static String fileId(String source, String sha256) {
		return source + "-" + sha256.substring(0, 12);
	}

}
