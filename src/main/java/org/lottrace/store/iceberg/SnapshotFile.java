package org.lottrace.store.iceberg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.AtomicFiles;
import org.lottrace.store.StoreLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's current snapshot as last found, kept in {@code store/_index/snapshot.json}
 * with what it was found from: the version of each table's metadata in the file-system
 * catalog ({@code version-hint.text}) and the exports of the commit log. A one-shot
 * command that finds both unchanged names the snapshot from the file instead of opening
 * the catalog (Hadoop's start and the metadata's reading took 0.13-0.3 s of a one-shot
 * trace of two seconds). Any commit, expiry or compaction writes a new metadata version,
 * which no longer matches; the file is then found again and written again. Shared
 * catalogs (JDBC, REST) keep their pointers elsewhere and are always asked.
 */
public final class SnapshotFile {

	private static final Logger log = LoggerFactory.getLogger(SnapshotFile.class);

	private static final String NAME = "snapshot.json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StoreLayout layout;

	private final boolean fileSystemCatalog;

	/**
	 * @param fileSystemCatalog whether the store's tables are in its file-system catalog
	 * (the embedded default); the file is used for no other
	 */
	public SnapshotFile(StoreLayout layout, boolean fileSystemCatalog) {
		this.layout = layout;
		this.fileSystemCatalog = fileSystemCatalog;
	}

	/** What the file keeps. */
	record Saved(String catalog, StoreSnapshot snapshot) {

	}

	/**
	 * The versions of the tables' metadata now, e.g. {@code kde_event=42,product=7}; null
	 * when they cannot be told without the catalog: a shared catalog, a table without its
	 * pointer, or a metadata version newer than its pointer (a commit in progress).
	 */
	public @Nullable String catalogVersion() {
		if (!this.fileSystemCatalog || Files.isRegularFile(IcebergCatalogs.marker(this.layout))) {
			return null;
		}
		Path namespace = this.layout.iceberg().resolve(IcebergTables.NAMESPACE);
		List<String> versions = new ArrayList<>();
		try (Stream<Path> tables = Files.list(namespace)) {
			for (Path table : tables.sorted().toList()) {
				Path metadata = table.resolve("metadata");
				String hint = Files.readString(metadata.resolve("version-hint.text"), StandardCharsets.UTF_8).strip();
				int version = Integer.parseInt(hint);
				for (String next : List.of("v%d.metadata.json", "v%d.gz.metadata.json", "v%d.metadata.json.gz")) {
					if (Files.exists(metadata.resolve(next.formatted(version + 1)))) {
						return null;
					}
				}
				versions.add(table.getFileName() + "=" + version);
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		return versions.isEmpty() ? null : String.join(",", versions);
	}

	/**
	 * The snapshot the file keeps, when it was found from these catalog versions and
	 * these exports; null otherwise (or when there is no file, or it cannot be read).
	 */
	public @Nullable StoreSnapshot read(String catalogVersion, Set<String> exports) {
		Path file = file();
		try {
			Saved saved = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Saved.class);
			if (saved.catalog().equals(catalogVersion) && saved.snapshot().exports().equals(exports)) {
				return saved.snapshot();
			}
		}
		catch (NoSuchFileException ex) {
			// none yet
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Could not read {}; the catalog is asked", file, ex);
		}
		return null;
	}

	/**
	 * Keeps the snapshot found from these catalog versions, when the index folder is
	 * there.
	 */
	public void write(String catalogVersion, StoreSnapshot snapshot) {
		Path file = file();
		if (!Files.isDirectory(this.layout.index())) {
			return;
		}
		try {
			AtomicFiles.writeString(file, JSON.writeValueAsString(new Saved(catalogVersion, snapshot)));
		}
		catch (RuntimeException ex) {
			// only a shortcut: the next command asks the catalog again
			log.debug("Could not write {}", file, ex);
		}
	}

	private Path file() {
		return this.layout.index().resolve(NAME);
	}

}
