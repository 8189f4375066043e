package org.lottrace.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Provenance;
import org.lottrace.store.PartitionedParquetWriter.WrittenFile;

import static org.assertj.core.api.Assertions.assertThat;

/** What readers see of the store: committed files only, newest version of each key. */
class StoreCatalogTests {

	private static final String SHA_1 = "11".repeat(32);

	private static final String SHA_2 = "22".repeat(32);

	private final DuckDb duckDb = new DuckDb(new DuckDb.Settings("512MB", 1, null));

	@TempDir
	Path root;

	@Test
	void listsOnlyTheFilesOfCommittedIngestions() throws IOException {
		// given: one export committed, one moved in by a run that crashed before its
		// commit
		StoreLayout layout = new StoreLayout(this.root);
		StoreCommit committed = write(layout, SHA_1, List.of(receipt("RC-1", "L1", 2, StoreRecords.INGESTED_AT)));
		write(layout, SHA_2, List.of(receipt("RC-2", "L2", 2, StoreRecords.INGESTED_AT)));
		new CommitLog(layout).commit(committed);
		StoreCatalog catalog = new StoreCatalog(layout);

		// when
		List<Path> files = catalog.files(StoreTable.KDE_EVENT);
		List<Path> orphans = catalog.orphans();

		// then
		assertThat(files).containsExactly(layout.root().resolve(committed.files().get(0).path()));
		assertThat(orphans).singleElement()
			.extracting((p) -> p.getFileName().toString())
			.isEqualTo("erp-receiving-222222222222.parquet");
		assertThat(catalog.files(StoreTable.LOCATION)).isEmpty();
	}

	@Test
	void keepsTheFirstCommitOfAnExport() throws IOException {
		// given
		StoreLayout layout = new StoreLayout(this.root);
		CommitLog log = new CommitLog(layout);
		StoreCommit first = write(layout, SHA_1, List.of(receipt("RC-1", "L1", 2, StoreRecords.INGESTED_AT)));
		StoreCommit again = new StoreCommit(first.source(), first.file(), first.sha256(), first.mapping(),
				first.mappingSha256(), Instant.parse("2026-11-24T00:00:00Z"), 99, 5, 5, 0, 0, first.files(), List.of(),
				null, null, null, null);

		// when
		log.commit(first);
		log.commit(again);

		// then
		assertThat(log.all()).containsExactly(first);
		assertThat(log.find("erp-receiving", SHA_1)).contains(first);
		assertThat(log.find("erp-receiving", SHA_2)).isEmpty();
		assertThat(log.committedFileIds()).containsExactly("erp-receiving-111111111111");
		try (var files = Files.list(layout.commits())) {
			assertThat(files.map((p) -> p.getFileName().toString()))
				.containsExactly("20261123T020001123-erp-receiving-111111111111.json");
		}
	}

	@Test
	void ignoresACommitThatWasNotCompletelyWritten() throws IOException {
		// given: the temporary file of a commit that was cut off before its rename
		StoreLayout layout = new StoreLayout(this.root);
		StoreCommit commit = write(layout, SHA_1, List.of(receipt("RC-1", "L1", 2, StoreRecords.INGESTED_AT)));
		Files.createDirectories(layout.commits());
		Files.writeString(layout.commits().resolve(".20261123T020001123-erp-receiving-111111111111.json.tmp"), "{\"so");

		// when
		StoreCatalog catalog = new StoreCatalog(layout);

		// then
		assertThat(catalog.commits().find(commit.source(), commit.sha256())).isEmpty();
		assertThat(catalog.files(StoreTable.KDE_EVENT)).isEmpty();
	}

	@Test
	void showsTheNewestVersionOfEachRecordAndKeepsEveryVersion() throws Exception {
		// given: RC-1 in two exports; RC-2 twice in the second export
		StoreLayout layout = new StoreLayout(this.root);
		Instant monday = Instant.parse("2026-10-05T02:00:00Z");
		Instant tuesday = Instant.parse("2026-10-06T02:00:00Z");
		CommitLog log = new CommitLog(layout);
		log.commit(write(layout, SHA_1, List.of(receipt("RC-1", "L-old", 2, monday))));
		log.commit(write(layout, SHA_2, List.of(receipt("RC-1", "L-new", 2, tuesday),
				receipt("RC-2", "L-first", 3, tuesday), receipt("RC-2", "L-last", 4, tuesday))));

		// when
		List<List<String>> all;
		List<List<String>> current;
		try (Connection connection = this.duckDb.inMemory()) {
			DuckDb.createViews(connection, new StoreCatalog(layout));
			all = PartitionedParquetWriterTests.rows(connection,
					"SELECT record_key, lot_code FROM kde_event_all ORDER BY 1, 2");
			current = PartitionedParquetWriterTests.rows(connection,
					"SELECT record_key, lot_code FROM kde_event ORDER BY 1");
		}

		// then
		assertThat(all).containsExactly(List.of("erp-receiving|RC-1|1", "L-new"),
				List.of("erp-receiving|RC-1|1", "L-old"), List.of("erp-receiving|RC-2|1", "L-first"),
				List.of("erp-receiving|RC-2|1", "L-last"));
		assertThat(current).containsExactly(List.of("erp-receiving|RC-1|1", "L-new"),
				List.of("erp-receiving|RC-2|1", "L-last"));
	}

	@Test
	void givesEmptyViewsOfAnEmptyStore() throws Exception {
		// given
		StoreCatalog catalog = new StoreCatalog(new StoreLayout(this.root));

		// when
		List<List<String>> counts;
		try (Connection connection = this.duckDb.inMemory()) {
			DuckDb.createViews(connection, catalog);
			counts = PartitionedParquetWriterTests.rows(connection,
					"SELECT (SELECT count(*) FROM kde_event), (SELECT count(*) FROM location_all), "
							+ "(SELECT count(*) FROM product), (SELECT typeof(quantity) FROM kde_event_all LIMIT 1)");
		}

		// then
		assertThat(counts).containsExactly(Arrays.asList("0", "0", "0", null));
		assertThat(catalog.orphans()).isEmpty();
	}

	/** Writes an export's files into the store as the commit step moves them there. */
	private static StoreCommit write(StoreLayout layout, String sha256, List<KdeEvent> events) {
		String fileId = StoreLayout.fileId("erp-receiving", sha256);
		PartitionedParquetWriter<KdeEvent> writer = new PartitionedParquetWriter<>(StoreSchemas.KDE_EVENT,
				layout.root(), fileId + ".parquet", StoreRecords.ZSTD, Map.of());
		events.forEach(writer::write);
		List<WrittenFile> files = writer.finish();
		return new StoreCommit("erp-receiving", "RCV_" + sha256.substring(0, 2) + ".csv", sha256,
				"jobs/erp-receiving.yml", "ee".repeat(32), events.get(0).provenance().ingestedAt(), 1, events.size(),
				events.size(), 0, 0, files, List.of(), null, null, null, null);
	}

	private static KdeEvent receipt(String receipt, String lot, long line, Instant ingestedAt) {
		KdeEvent event = StoreRecords.receipt(receipt, lot, LocalDate.of(2026, 10, 5));
		Provenance provenance = new Provenance("erp-receiving", "RCV.csv", "ff".repeat(32), line, ingestedAt);
		return new KdeEvent(event.recordKey(), event.cte(), event.role(), event.lot(), event.productCode(),
				event.quantity(), event.normalizedQuantity(), event.eventDate(), event.eventTime(), event.locations(),
				event.reference(), event.secondReference(), event.workOrder(), event.farm(), provenance);
	}

}
