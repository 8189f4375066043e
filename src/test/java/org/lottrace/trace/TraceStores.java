package org.lottrace.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestResult;
import org.lottrace.ingest.IngestService;
import org.lottrace.ingest.UnitsProvider;
import org.lottrace.kde.UnitConverter;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds real stores for the trace tests: exports in the sample data's layouts go through
 * the real ingestion (the Spring Batch job, Parquet files, the commit log), and each
 * store is traced through its own DuckDB index. The application context ingests into one
 * scratch store; a test's store is moved there for the ingestion and back after it, so
 * the tests share one context and each keeps its own store.
 */
public class TraceStores {

	/** The trace tests' exports, in the layouts {@code jobs/} reads. */
	public static final Path FIXTURES = Path.of("src/test/resources/trace").toAbsolutePath();

	static final Path JOBS = Path.of("jobs").toAbsolutePath();

	private static final Path SCRATCH = scratchFolder();

	private final IngestService ingestService;

	private final UnitsProvider units;

	private final LotIndex scratchIndex;

	private final IndexRefresher scratchRefresher;

	private final TraceService scratchTraces;

	private @Nullable Path masterData;

	private boolean scratchInUse;

	TraceStores(IngestService ingestService, UnitsProvider units, LotIndex lotIndex, IndexRefresher indexRefresher,
			TraceService traceService) {
		this.ingestService = ingestService;
		this.units = units;
		this.scratchIndex = lotIndex;
		this.scratchRefresher = indexRefresher;
		this.scratchTraces = traceService;
	}

	/** Sets the application's store, jobs and reports folders. */
	public static class Scratch implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			TestPropertyValues
				.of("lottrace.store.root=" + scratchRoot(), "lottrace.ingest.jobs=" + JOBS,
						"lottrace.reports.root=" + SCRATCH.resolve("reports"))
				.applyTo(context);
		}

	}

	/** The application's store: where ingestion writes. */
	public static Path scratchRoot() {
		return SCRATCH.resolve("store");
	}

	/** The application's reports folder. */
	public static Path reportsRoot() {
		return SCRATCH.resolve("reports");
	}

	/**
	 * A store in {@code folder} (an empty folder) holding the master data of
	 * {@code trace/master} (the sample bakery's, with a premix item added).
	 */
	public TraceStore withMasterData(Path folder) {
		if (this.masterData == null) {
			Path template = SCRATCH.resolve("master-data");
			ingest(template, List.of(FIXTURES.resolve("master/ITEMS.csv"), FIXTURES.resolve("master/SITES.csv"),
					FIXTURES.resolve("master/VENDORS.csv"), FIXTURES.resolve("master/CUSTOMERS.txt")));
			this.masterData = template;
		}
		try {
			FileSystemUtils.copyRecursively(this.masterData, folder);
			// a store of its own: the job repository tells stores apart by this id
			Files.deleteIfExists(folder.resolve(".store-id"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return open(folder);
	}

	/** An empty store in {@code folder}. */
	public TraceStore empty(Path folder) {
		return open(folder);
	}

	/**
	 * The application's own (empty) store, traced by the application's index and trace
	 * service, as the report jobs do. Close it to empty it again.
	 */
	public TraceStore scratch() {
		assertThat(this.scratchInUse).as("the scratch store is in use").isFalse();
		clearScratch();
		this.scratchInUse = true;
		return new TraceStore(this, scratchRoot(), this.scratchIndex, this.scratchRefresher, this.scratchTraces, () -> {
			this.scratchIndex.delete();
			clearScratch();
			this.scratchInUse = false;
		});
	}

	/** The units of {@code jobs/units.yml}. */
	public UnitConverter units() {
		return this.units.units();
	}

	private TraceStore open(Path folder) {
		StoreLayout layout = new StoreLayout(folder);
		LotIndex index = new LotIndex(layout, new DuckDb(new DuckDb.Settings("256MB", 1, folder.resolve("_tmp"))));
		IndexRefresher refresher = new IndexRefresher(index, new StoreCatalog(layout));
		return new TraceStore(this, folder, index, refresher, new TraceService(index, refresher, Clock.systemUTC()),
				index::close);
	}

	/**
	 * Ingests exports one after another, in the given order, into a store. The store's
	 * index is closed first; the next trace or refresh opens it again.
	 */
	synchronized List<IngestResult> ingest(TraceStore store, List<Path> exports) {
		store.index().close();
		return ingest(store.root(), exports);
	}

	private List<IngestResult> ingest(Path root, List<Path> exports) {
		boolean elsewhere = !root.equals(scratchRoot());
		assertThat(elsewhere && this.scratchInUse).as("the scratch store is in use").isFalse();
		List<IngestResult> results = new ArrayList<>();
		try {
			if (elsewhere) {
				clearScratch();
				if (Files.exists(root)) {
					Files.move(root, scratchRoot());
				}
			}
			try {
				for (Path export : exports) {
					results.addAll(this.ingestService.ingest(this.ingestService.plan(List.of(export), null)));
				}
			}
			finally {
				if (elsewhere) {
					Files.move(scratchRoot(), root);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(results).as("ingested %s", exports)
			.allSatisfy((r) -> assertThat(r.status()).as(r.file() + ": " + r.error())
				.isNotEqualTo(IngestResult.Status.FAILED));
		return results;
	}

	private static void clearScratch() {
		try {
			FileSystemUtils.deleteRecursively(scratchRoot());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path scratchFolder() {
		try {
			Path folder = Files.createTempDirectory("lottrace-trace-tests");
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					FileSystemUtils.deleteRecursively(folder);
				}
				catch (IOException ex) {
					// left for the system to clean
				}
			}));
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
