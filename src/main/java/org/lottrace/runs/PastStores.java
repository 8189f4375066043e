package org.lottrace.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.iceberg.IcebergCatalogProperties;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergTables;
import org.lottrace.store.iceberg.SnapshotFile;
import org.lottrace.store.iceberg.StoreSnapshot;
import org.lottrace.trace.IndexRefresher;
import org.lottrace.trace.LotIndex;
import org.lottrace.trace.TraceException;
import org.lottrace.trace.TraceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The store as it stood at an earlier moment, for reports "as of" a time or a snapshot:
 * the exports its Iceberg snapshots held then, with a trace index of their own built from
 * them (in {@code store/_as-of/}, deleted after the run). The same snapshot always gives
 * the same records, so a report made as of it is made again the same.
 */
@Component
public class PastStores {

	private static final Logger log = LoggerFactory.getLogger(PastStores.class);

	/** The folder under the store root where indexes of earlier snapshots are built. */
	static final String FOLDER = "_as-of";

	private final StoreLayout layout;

	private final StoreCatalog catalog;

	private final DuckDb duckDb;

	private final Clock clock;

	private final IcebergCatalogs catalogs;

	private volatile @Nullable StoreSnapshot current;

	private final SnapshotFile snapshotFile;

	public PastStores(StoreLayout layout, StoreCatalog catalog, DuckDb duckDb, Clock clock, IcebergCatalogs catalogs) {
		this.layout = layout;
		this.catalog = catalog;
		this.duckDb = duckDb;
		this.clock = clock;
		this.catalogs = catalogs;
		this.snapshotFile = new SnapshotFile(layout,
				catalogs.properties().catalog() == IcebergCatalogProperties.Kind.HADOOP);
	}

	/**
	 * The snapshot an {@code as-of} value names: a snapshot id (digits, as a report's
	 * manifest gives it), a time with its offset ({@code 2026-10-15T14:00:00Z}), a local
	 * time ({@code 2026-10-15T14:00}) or a day ({@code 2026-10-15}: as the store stood at
	 * the end of that day), local times in this machine's time zone.
	 * @throws TraceException when the value is none of these, or the store has no such
	 * snapshot
	 */
	public StoreSnapshot resolve(String asOf) {
		String value = asOf.trim();
		if (!IcebergTables.present(this.layout)) {
			throw TraceException.invalid("the store keeps no Iceberg tables yet (run `lottrace store migrate`), so it "
					+ "cannot be shown as of an earlier time");
		}
		try (IcebergTables tables = this.catalogs.open()) {
			if (value.matches("[0-9]{1,19}")) {
				return StoreSnapshot.of(tables, this.catalog.commits(), Long.parseLong(value));
			}
			Instant time = time(value);
			if (time.isAfter(this.clock.instant())) {
				throw TraceException.invalid("as of " + value + " is in the future");
			}
			return StoreSnapshot.asOf(tables, this.catalog.commits(), time);
		}
		catch (StoreSnapshot.SnapshotException ex) {
			String message = String.valueOf(ex.getMessage());
			throw ex.notFound() ? TraceException.notFound(message) : TraceException.invalid(message);
		}
		catch (NumberFormatException ex) {
			throw TraceException.invalid("as of " + value + ": not a snapshot id");
		}
	}

	/**
	 * The snapshot the store's current state is, or {@code null} for a store without
	 * Iceberg tables or snapshots.
	 */
	public @Nullable StoreSnapshot current() {
		if (!IcebergTables.present(this.layout)) {
			return null;
		}
		Set<String> committed = this.catalog.commits().committedFileIds();
		StoreSnapshot known = this.current;
		if (known != null && known.exports().equals(committed)) {
			return known;
		}
		// a one-shot command names it from the file when nothing changed since
		String version = this.snapshotFile.catalogVersion();
		StoreSnapshot saved = (version != null) ? this.snapshotFile.read(version, committed) : null;
		if (saved != null) {
			this.current = saved;
			return saved;
		}
		try (IcebergTables tables = this.catalogs.open()) {
			StoreSnapshot snapshot = StoreSnapshot.current(tables, this.catalog.commits());
			// kept while the commit log says nothing new was committed (the running
			// service reads it at every trace)
			this.current = snapshot;
			if (version != null && version.equals(this.snapshotFile.catalogVersion())
					&& snapshot.exports().equals(committed)) {
				this.snapshotFile.write(version, snapshot);
			}
			return snapshot;
		}
		catch (StoreSnapshot.SnapshotException ex) {
			return null;
		}
	}

	static Instant time(String value) {
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value)
					.plusDays(1)
					.atStartOfDay(ZoneId.systemDefault())
					.toInstant()
					.minusMillis(1);
			}
			if (value.endsWith("Z") || value.matches(".*[+-][0-9]{2}:[0-9]{2}$")) {
				return OffsetDateTime.parse(value).toInstant();
			}
			return LocalDateTime.parse(value).atZone(ZoneId.systemDefault()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw TraceException.invalid("as of " + value + ": give a snapshot id, a day (2026-10-15), a local time "
					+ "(2026-10-15T14:00) or a time with its offset (2026-10-15T14:00:00Z)");
		}
	}

	/**
	 * Opens the store as it stood at a snapshot: builds its trace index (a full build
	 * over that snapshot's files: seconds for the sample store, minutes for tens of
	 * millions of events).
	 */
	public Past open(StoreSnapshot snapshot) {
		Path root = this.layout.root().resolve(FOLDER);
		deleteLeftovers(root);
		Path folder = root.resolve(this.clock.millis() + "-" + snapshot.snapshotId() + "-" + UUID.randomUUID());
		StoreCatalog past = this.catalog.limitedTo(snapshot.exports());
		LotIndex index = new LotIndex(folder, this.duckDb);
		IndexRefresher refresher = new IndexRefresher(index, past, this.catalogs);
		return new Past(snapshot, past, index, new TraceService(index, refresher, this.clock), folder);
	}

	/**
	 * Deletes the indexes of runs a crash or a kill cut off: those begun more than a day
	 * ago (a run in another process may still be building a younger one).
	 */
	private void deleteLeftovers(Path root) {
		if (!Files.isDirectory(root)) {
			return;
		}
		long dayAgo = this.clock.millis() - Duration.ofDays(1).toMillis();
		try (Stream<Path> folders = Files.list(root)) {
			for (Path folder : folders.toList()) {
				String name = folder.getFileName().toString();
				int dash = name.indexOf('-');
				if (dash > 0 && name.substring(0, dash).matches("[0-9]+")
						&& Long.parseLong(name.substring(0, dash)) < dayAgo) {
					FileSystemUtils.deleteRecursively(folder);
				}
			}
		}
		catch (IOException ex) {
			log.warn("Could not delete the leftovers in {}: {}", root, ex.getMessage());
		}
	}

	/**
	 * The store at a snapshot, with the service that traces in it. Close it to delete its
	 * index.
	 */
	public static final class Past implements AutoCloseable {

		private final StoreSnapshot snapshot;

		private final StoreCatalog catalog;

		private final LotIndex index;

		private final TraceService service;

		private final Path folder;

		Past(StoreSnapshot snapshot, StoreCatalog catalog, LotIndex index, TraceService service, Path folder) {
			this.snapshot = snapshot;
			this.catalog = catalog;
			this.index = index;
			this.service = service;
			this.folder = folder;
		}

		public StoreSnapshot snapshot() {
			return this.snapshot;
		}

		public StoreCatalog catalog() {
			return this.catalog;
		}

		public TraceService service() {
			return this.service;
		}

		@Override
		public void close() {
			this.index.close();
			try {
				FileSystemUtils.deleteRecursively(this.folder);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not delete " + this.folder, ex);
			}
		}

	}

}
