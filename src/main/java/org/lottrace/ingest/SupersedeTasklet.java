package org.lottrace.ingest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import org.lottrace.kde.RecordKind;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreTable;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Counts the records this ingestion superseded: earlier versions (in earlier exports, or
 * earlier in this one) of the natural keys it brought. Nothing is deleted; readers take
 * the newest version.
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
		StoreTable table = table(this.run.mapping().kind());
		List<Path> added = this.catalog.files(table, Set.of(this.run.fileId()));
		long superseded = 0;
		if (!added.isEmpty()) {
			List<Path> candidates = (table == StoreTable.KDE_EVENT) ? this.catalog.files(table)
				.stream()
				.filter((p) -> p.getFileName().toString().startsWith(this.run.source() + "-"))
				.toList() : this.catalog.files(table);
			superseded = count(table.keyColumn(), added, candidates);
		}
		chunkContext.getStepContext()
			.getStepExecution()
			.getJobExecution()
			.getExecutionContext()
			.putLong(SUPERSEDED, superseded);
		return RepeatStatus.FINISHED;
	}

	/**
	 * Keys of earlier files that this ingestion brings again (each had one current
	 * version, however many it had before), plus repeated keys within it. Within the new
	 * files a distinct count of 64-bit key hashes settles the common case (no repeats)
	 * exactly and cheaply; only when hashes repeat are the keys themselves compared.
	 */
	private long count(String key, List<Path> added, List<Path> candidates) throws Exception {
		List<Path> older = candidates.stream().filter((p) -> !added.contains(p)).toList();
		String scanAdded = "read_parquet(" + DuckDb.fileList(added) + ")";
		try (Connection connection = this.duckDb.inMemory(); Statement statement = connection.createStatement()) {
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

	private static long single(Statement statement, String sql) throws Exception {
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
