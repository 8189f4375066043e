package org.lottrace.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergTables;
import org.lottrace.store.iceberg.SnapshotFile;
import org.lottrace.store.iceberg.StoreSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's current snapshot kept in a file for one-shot commands: used while the
 * catalog's tables and the exports are those it was found from, never after a commit.
 */
class SnapshotFileTests {

	@TempDir
	Path root;

	@Test
	void namesTheSnapshotFromTheFileUntilTheCatalogChanges() throws Exception {
		// given: two exports committed, the snapshot found and kept
		StoreLayout layout = store(true);
		StoreCommit a = commit(layout, "a1", 5);
		commit(layout, "b2", 6);
		SnapshotFile file = new SnapshotFile(layout, true);
		StoreSnapshot found = current(layout);
		String version = file.catalogVersion();
		assertThat(version).contains("kde_event=");
		file.write(version, found);

		// then: the same catalog and exports give it back; other exports do not
		assertThat(file.read(version, found.exports())).isEqualTo(found);
		assertThat(file.read(version, Set.of(a.fileId()))).isNull();

		// when: a third export is committed
		commit(layout, "c3", 7);

		// then: the catalog's version moved on, and the kept snapshot is not that of now
		String now = file.catalogVersion();
		assertThat(now).isNotNull().isNotEqualTo(version);
		assertThat(file.read(now, current(layout).exports())).isNull();
		assertThat(file.read(now, found.exports())).isNull();
	}

	@Test
	void asksTheCatalogWhenTheFileOrTheCatalogCannotBeTrusted() throws Exception {
		// given: a snapshot kept
		StoreLayout layout = store(true);
		commit(layout, "a1", 5);
		SnapshotFile file = new SnapshotFile(layout, true);
		StoreSnapshot found = current(layout);
		String version = file.catalogVersion();
		assertThat(version).isNotNull();
		file.write(version, found);
		assertThat(file.read(version, found.exports())).isEqualTo(found);

		// a file damaged: not read
		Path kept = layout.index().resolve("snapshot.json");
		Files.writeString(kept, "{\"catalog\": ", StandardCharsets.UTF_8);
		assertThat(file.read(version, found.exports())).isNull();

		// a metadata version newer than its table's pointer (a commit under way): no
		// version
		Path metadata = layout.iceberg().resolve("lottrace/kde_event/metadata");
		int hint = Integer.parseInt(Files.readString(metadata.resolve("version-hint.text")).strip());
		Path next = metadata.resolve("v" + (hint + 1) + ".metadata.json");
		Files.copy(metadata.resolve("v" + hint + ".metadata.json"), next);
		assertThat(file.catalogVersion()).isNull();
		Files.delete(next);
		assertThat(file.catalogVersion()).isEqualTo(version);

		// a shared catalog keeps its pointers elsewhere: never the file
		assertThat(new SnapshotFile(layout, false).catalogVersion()).isNull();
		Files.writeString(IcebergCatalogs.marker(layout), "jdbc catalog jdbc:postgresql://db/lottrace\n");
		assertThat(file.catalogVersion()).isNull();
	}

	@Test
	void writesNothingWithoutTheIndexFolder() throws Exception {
		StoreLayout layout = store(false);
		commit(layout, "a1", 5);
		SnapshotFile file = new SnapshotFile(layout, true);
		String version = file.catalogVersion();
		assertThat(version).isNotNull();
		file.write(version, current(layout));
		assertThat(layout.index()).doesNotExist();
	}

	private StoreLayout store(boolean withIndexFolder) throws Exception {
		StoreLayout layout = new StoreLayout(this.root);
		IcebergTables.prepare(layout);
		if (withIndexFolder) {
			Files.createDirectories(layout.index());
		}
		return layout;
	}

	/** An export of one receipt made on a day of October 2026, committed to Iceberg. */
	private static StoreCommit commit(StoreLayout layout, String sha, int day) {
		StoreCommit export = IcebergTablesTests.export(layout, sha,
				StoreRecords.receipt("RC-" + day, "L" + day, LocalDate.of(2026, 10, day)));
		try (IcebergTables tables = new IcebergTables(layout)) {
			new IcebergCommits(tables).commit(export);
		}
		return export;
	}

	private static StoreSnapshot current(StoreLayout layout) {
		try (IcebergTables tables = new IcebergTables(layout)) {
			return StoreSnapshot.current(tables, new CommitLog(layout));
		}
	}

}
