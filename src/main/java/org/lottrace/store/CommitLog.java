package org.lottrace.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The store's commit log: one small JSON file per ingested export in {@code _commits/}. A
 * commit is written to a temporary file and renamed, so it either exists whole or not at
 * all; it is what makes an ingestion's Parquet files visible, and what tells that an
 * export was already ingested.
 */
public final class CommitLog {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS")
		.withZone(ZoneOffset.UTC);

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final StoreLayout layout;

	/** The ingestions this log is limited to, or {@code null} for all of them. */
	private final @Nullable Set<String> only;

	public CommitLog(StoreLayout layout) {
		this(layout, null);
	}

	private CommitLog(StoreLayout layout, @Nullable Set<String> only) {
		this.layout = layout;
		this.only = (only != null) ? Set.copyOf(only) : null;
	}

	/**
	 * The log as it would read if only the given ingestions ({@code source-sha12} ids)
	 * had been committed: the store as it stood at an earlier snapshot. It cannot commit.
	 */
	public CommitLog limitedTo(Set<String> fileIds) {
		return new CommitLog(this.layout, fileIds);
	}

	/**
	 * Makes an ingestion visible. Committing the same export twice keeps the first
	 * commit.
	 */
	public void commit(StoreCommit commit) {
		if (this.only != null) {
			throw new IllegalStateException("the store as of an earlier snapshot cannot take commits");
		}
		if (find(commit.source(), commit.sha256()).isPresent()) {
			return;
		}
		Path dir = this.layout.commits();
		Path target = dir.resolve(STAMP.format(commit.ingestedAt()) + "-" + commit.fileId() + ".json");
		AtomicFiles.write(target, (out) -> JSON.writeValue(out, commit));
	}

	/** The commit of an export, if it was ingested. */
	public Optional<StoreCommit> find(String source, String sha256) {
		String suffix = "-" + StoreLayout.fileId(source, sha256) + ".json";
		return commitFiles().stream()
			.filter((p) -> p.getFileName().toString().endsWith(suffix))
			.findFirst()
			.map(CommitLog::read);
	}

	/** The commits of the given ingestions ({@code source-sha12} ids), oldest first. */
	public List<StoreCommit> withFileIds(Set<String> fileIds) {
		return commitFiles().stream().filter((p) -> fileIds.contains(fileIdOf(p))).map(CommitLog::read).toList();
	}

	/** Every commit, oldest first. */
	public List<StoreCommit> all() {
		return commitFiles().stream().map(CommitLog::read).toList();
	}

	/** The file ids ({@code source-sha12}) of every committed ingestion. */
	public Set<String> committedFileIds() {
		return commitFiles().stream().map(CommitLog::fileIdOf).collect(Collectors.toSet());
	}

	private List<Path> commitFiles() {
		Path dir = this.layout.commits();
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			Set<String> limit = this.only;
			List<Path> list = new ArrayList<>(files.filter((p) -> p.getFileName().toString().endsWith(".json")
					&& !p.getFileName().toString().startsWith(".") && (limit == null || limit.contains(fileIdOf(p))))
				.toList());
			list.sort(Comparator.comparing((Path p) -> p.getFileName().toString()));
			return list;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + dir, ex);
		}
	}

	private static String fileIdOf(Path commitFile) {
		String name = commitFile.getFileName().toString();
		return name.substring(name.indexOf('-') + 1, name.length() - ".json".length());
	}

	private static StoreCommit read(Path file) {
		return JSON.readValue(file.toFile(), StoreCommit.class);
	}

}
