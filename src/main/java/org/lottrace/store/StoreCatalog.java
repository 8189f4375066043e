package org.lottrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The committed Parquet files of each table: what readers see. A file that no commit
 * names (left by a crash between moving files into place and committing) is not listed.
 */
public final class StoreCatalog {

	private final StoreLayout layout;

	private final CommitLog commits;

	public StoreCatalog(StoreLayout layout) {
		this(layout, new CommitLog(layout));
	}

	private StoreCatalog(StoreLayout layout, CommitLog commits) {
		this.layout = layout;
		this.commits = commits;
	}

	/**
	 * The store as it stood when only the given ingestions ({@code source-sha12} ids)
	 * were committed: what an earlier snapshot holds.
	 */
	public StoreCatalog limitedTo(Set<String> fileIds) {
		return new StoreCatalog(this.layout, this.commits.limitedTo(fileIds));
	}

	public StoreLayout layout() {
		return this.layout;
	}

	public CommitLog commits() {
		return this.commits;
	}

	/** The committed files of a table, sorted by path. */
	public List<Path> files(StoreTable table) {
		return files(table, this.commits.committedFileIds());
	}

	/** The files of a table that belong to the given ingestions. */
	public List<Path> files(StoreTable table, Set<String> fileIds) {
		Path root = this.layout.tableRoot(table);
		if (!Files.isDirectory(root) || fileIds.isEmpty()) {
			return List.of();
		}
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter((p) -> isDataFile(p) && fileIds.contains(fileId(p))).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + root, ex);
		}
	}

	/**
	 * Data files no commit names: left by a crash, invisible to readers, safe to delete.
	 */
	public List<Path> orphans() {
		Set<String> committed = this.commits.committedFileIds();
		return Stream.of(StoreTable.values()).flatMap((table) -> {
			Path root = this.layout.tableRoot(table);
			if (!Files.isDirectory(root)) {
				return Stream.empty();
			}
			try (Stream<Path> walk = Files.walk(root)) {
				return walk.filter((p) -> Files.isRegularFile(p) && !committed.contains(fileId(p))).toList().stream();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not list " + root, ex);
			}
		}).toList();
	}

	private static boolean isDataFile(Path path) {
		return path.getFileName().toString().endsWith(".parquet") && Files.isRegularFile(path);
	}

	private static String fileId(Path path) {
		String name = path.getFileName().toString();
		int dot = name.indexOf('.');
		return (dot < 0) ? name : name.substring(0, dot);
	}

}
