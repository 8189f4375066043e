package org.lottrace.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.lottrace.kde.RecordKind;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreTable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Reports the records this ingestion superseded: earlier versions (in earlier exports, or
 * earlier in this one) of the natural keys it brought, as its commit counted them
 * ({@link #count}). Nothing is deleted; readers take the newest version.
 */
public class SupersedeTasklet implements Tasklet {

	/** Job execution context key of the count. */
	public static final String SUPERSEDED = "superseded";

	private final IngestRun run;

	private final StoreCatalog catalog;

	private final DuckDb duckDb;

	public SupersedeTasklet(IngestRun run, StoreCatalog catalog, DuckDb duckDb) {
		this.run = run;
		this.catalog = catalog;
		this.duckDb = duckDb;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		// counted before the commit and kept in it (a commit of an older version: here)
		Long counted = this.catalog.commits()
			.find(this.run.source(), this.run.sha256())
			.map(StoreCommit::superseded)
			.orElse(null);
		long superseded = (counted != null) ? counted : count(this.run, this.catalog, this.duckDb);
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putLong(SUPERSEDED, superseded);
		return RepeatStatus.FINISHED;
	}

	/**
	 * The records of earlier commits of the run's source that its files replace, plus the
	 * keys repeated within them. Its files are found on disk by the run's file id, before
	 * or after its commit; the earlier ones are the committed files of the source (the
	 * files of its resolutions of pending rows included: they carry the source's name).
	 */
	static long count(IngestRun run, StoreCatalog catalog, DuckDb duckDb) throws SQLException {
		StoreTable table = table(run.mapping().kind());
		List<Path> added = catalog.files(table, Set.of(run.fileId()));
		if (added.isEmpty()) {
			return 0;
		}
		List<Path> candidates = (table == StoreTable.KDE_EVENT) ? catalog.files(table)
			.stream()
			.filter((p) -> p.getFileName().toString().startsWith(run.source() + "-"))
			.toList() : catalog.files(table);
		return count(duckDb, table.keyColumn(), added, candidates);
	}

	/**
	 * Keys of earlier files that this ingestion brings again (each had one current
	 * version, however many it had before), plus repeated keys within it. Within the new
	 * files a distinct count of 64-bit key hashes settles the common case (no repeats)
	 * exactly and cheaply; only when hashes repeat are the keys themselves compared.
	 */
	private static long count(DuckDb duckDb, String key, List<Path> added, List<Path> candidates) throws SQLException {
		List<Path> older = candidates.stream().filter((p) -> !added.contains(p)).toList();
		String scanAdded = "read_parquet(" + DuckDb.fileList(added) + ")";
		try (Connection connection = duckDb.inMemory(); Statement statement = connection.createStatement()) {
			long repeated = single(statement, "SELECT count(*) - count(DISTINCT hash(" + key + ")) FROM " + scanAdded);
			if (repeated > 0) {
				repeated = single(statement, "SELECT count(*) - count(DISTINCT " + key + ") FROM " + scanAdded);
			}
			if (older.isEmpty()) {
				return repeated;
			}
			return repeated + single(statement,
					"SELECT count(DISTINCT o." + key + ") FROM read_parquet(" + DuckDb.fileList(older) + ") o WHERE o."
							+ key + " IN (SELECT " + key + " FROM " + scanAdded + ")");
		}
	}

	private static long single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	static StoreTable table(RecordKind kind) {
		return switch (kind) {
			case LOCATION -> StoreTable.LOCATION;
			case PRODUCT -> StoreTable.PRODUCT;
			default -> StoreTable.KDE_EVENT;
		};
	}

}
