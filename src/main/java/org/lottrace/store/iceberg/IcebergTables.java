package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonConfigurationKeysPublic;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.util.LocationUtil;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;

/**
 * The store's Iceberg tables in a file-system catalog (Iceberg's {@code HadoopCatalog})
 * under {@code store/iceberg/}: {@code store/iceberg/lottrace/kde_event} and so on, each
 * with its {@code metadata/} folder. The data files stay where the store writes them.
 * Other engines open a table by that path, or the catalog by its warehouse folder.
 * <p>
 * By configuration ({@link IcebergCatalogs}) the tables are kept in a shared catalog
 * instead (JDBC or REST): their files stay at the same places under the store, the
 * catalog keeps the pointer to each table's current metadata. A table the file-system
 * catalog kept before is registered in the shared catalog as it is on first use.
 * <p>
 * Commits are made only under the store's write lock, so one process commits at a time;
 * Iceberg's automatic retry is off because it would re-apply an append without the
 * exactly-once check ({@link IcebergCommits}).
 */
public final class IcebergTables implements AutoCloseable {

	/** The namespace of the tables in the catalog. */
	public static final String NAMESPACE = "lottrace";

	private final StoreLayout layout;

	private final Catalog catalog;

	/** Whether the catalog is the file-system one, where a table's path is its name. */
	private final boolean pathBased;

	private final Map<StoreTable, Table> tables = new HashMap<>();

	/**
	 * The tables in the embedded file-system catalog under {@code store/iceberg/}.
	 * @throws IcebergCatalogs.IcebergCatalogException when a shared catalog keeps them
	 * ({@code store/iceberg/CATALOG}): the file-system catalog lacks their snapshots
	 * since; open them through {@link IcebergCatalogs}
	 */
	public IcebergTables(StoreLayout layout) {
		this(layout, fileSystemCatalog(refused(layout)), true);
	}

	private static StoreLayout refused(StoreLayout layout) {
		IcebergCatalogs.refuseFileSystemCatalogIfShared(layout);
		return layout;
	}

	/**
	 * The tables in a catalog already initialized (closed with them).
	 * @param pathBased whether it is the file-system catalog of {@code store/iceberg/}
	 */
	IcebergTables(StoreLayout layout, Catalog catalog, boolean pathBased) {
		this.layout = layout;
		this.catalog = catalog;
		this.pathBased = pathBased;
	}

	static HadoopCatalog fileSystemCatalog(StoreLayout layout) {
		HadoopCatalog catalog = new HadoopCatalog();
		catalog.setConf(hadoopConfiguration());
		catalog.initialize("lottrace", Map.of(CatalogProperties.WAREHOUSE_LOCATION, warehouse(layout)));
		return catalog;
	}

	/**
	 * A Hadoop configuration for a catalog, with {@code file:} paths opened by
	 * {@link NioLocalFileSystem}: a copy of one read once per process. Each
	 * {@code new Configuration()} parses Hadoop's default files again (7-11 ms each time
	 * after the first, and an ingestion opens the catalog three times); a copy takes 0.3
	 * ms.
	 */
	static Configuration hadoopConfiguration() {
		return new Configuration(DefaultConfiguration.LOADED);
	}

	/** Hadoop's defaults, read on first use. */
	private static final class DefaultConfiguration {

		static final Configuration LOADED = loaded();

		private static Configuration loaded() {
			Configuration configuration = new Configuration();
			// the defaults are parsed on first read
			configuration.get(CommonConfigurationKeysPublic.FS_DEFAULT_NAME_KEY);
			configuration.setClass("fs.file.impl", NioLocalFileSystem.class, org.apache.hadoop.fs.FileSystem.class);
			return configuration;
		}

	}

	/** The warehouse location of every catalog: the store's {@code iceberg/} folder. */
	static String warehouse(StoreLayout layout) {
		return LocationUtil.stripTrailingSlash(layout.iceberg().toUri().toString());
	}

	/**
	 * Whether the store keeps Iceberg tables: a new store does from its first ingestion
	 * on, a store from before them once it is migrated.
	 */
	public static boolean present(StoreLayout layout) {
		return Files.isDirectory(layout.iceberg());
	}

	/** Makes a store keep Iceberg tables from now on. */
	public static void prepare(StoreLayout layout) {
		try {
			Files.createDirectories(layout.iceberg());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not create " + layout.iceberg(), ex);
		}
	}

	/** A location in an Iceberg table ({@code file:/x}, {@code file:///x} or a path). */
	public static Path path(String location) {
		return location.startsWith("file:") ? Path.of(java.net.URI.create(location)) : Path.of(location);
	}

	public StoreLayout layout() {
		return this.layout;
	}

	/** Whether the table exists (a store from before the Iceberg tables has none). */
	public boolean exists(StoreTable table) {
		return this.catalog.tableExists(identifier(table)) || (!this.pathBased && fileSystemMetadata(table) != null);
	}

	/** The catalog the tables are in. */
	public Catalog catalog() {
		return this.catalog;
	}

	/**
	 * The table, created on first use; a column the store gained since is added to it
	 * (and to its name mapping).
	 */
	public Table table(StoreTable table) {
		Table loaded = this.tables.get(table);
		if (loaded == null) {
			loaded = open(table);
			this.tables.put(table, loaded);
		}
		return loaded;
	}

	private Table open(StoreTable table) {
		Schema schema = IcebergSchemas.schema(table);
		TableIdentifier id = identifier(table);
		if (!this.catalog.tableExists(id)) {
			if (!this.pathBased) {
				createNamespace();
				String metadata = fileSystemMetadata(table);
				if (metadata != null) {
					// kept by the file-system catalog until now: the shared catalog takes
					// it over as it is, snapshots and all
					this.catalog.registerTable(id, metadata);
					return open(table);
				}
			}
			Catalog.TableBuilder builder = this.catalog.buildTable(id, schema)
				.withPartitionSpec(IcebergSchemas.spec(table, schema))
				.withProperties(properties(schema));
			if (!this.pathBased) {
				builder = builder.withLocation(location(table));
			}
			return builder.create();
		}
		Table existing = this.catalog.loadTable(id);
		checkLocation(table, existing);
		if (!existing.schema().sameSchema(schema)
				&& schema.columns().stream().anyMatch((c) -> existing.schema().findField(c.name()) == null)) {
			existing.updateSchema().unionByNameWith(schema).commit();
			existing.updateProperties()
				.set(TableProperties.DEFAULT_NAME_MAPPING,
						NameMappingParser.toJson(MappingUtil.create(existing.schema())))
				.commit();
		}
		return existing;
	}

	/**
	 * A table's metadata names its files by absolute path: a store folder moved since
	 * still names the old place, and every commit would fail on a file that is not there.
	 * Said in one line instead (README, "Moving a store"); the old path kept reachable (a
	 * symbolic link to the new folder) is fine.
	 */
	private void checkLocation(StoreTable table, Table existing) {
		Path expected = this.layout.iceberg().resolve(NAMESPACE).resolve(table.sqlName());
		Path named = path(existing.location()).toAbsolutePath().normalize();
		try {
			if (named.equals(expected) || (Files.exists(named) && Files.isSameFile(named, expected))) {
				return;
			}
		}
		catch (IOException ex) {
			// not the same file: told below
		}
		throw new IcebergCatalogs.IcebergCatalogException("the Iceberg table " + NAMESPACE + "." + table.sqlName()
				+ " names its files under " + named + ", not under the store " + this.layout.root()
				+ " (was the store moved, or does the catalog keep another store's tables?): move it back, or link the "
				+ "old path to it, or rebuild the tables (README, " + "\"Moving a store\")");
	}

	private void createNamespace() {
		if (this.catalog instanceof SupportsNamespaces namespaces
				&& !namespaces.namespaceExists(Namespace.of(NAMESPACE))) {
			try {
				namespaces.createNamespace(Namespace.of(NAMESPACE));
			}
			catch (org.apache.iceberg.exceptions.AlreadyExistsException ex) {
				// made by another process meanwhile
			}
		}
	}

	/** Where a table's files are: {@code store/iceberg/lottrace/kde_event} and so on. */
	private String location(StoreTable table) {
		return warehouse(this.layout) + "/" + NAMESPACE + "/" + table.sqlName();
	}

	/**
	 * The current metadata file of a table the file-system catalog keeps (its
	 * {@code version-hint.text} names it), or {@code null}.
	 */
	private @Nullable String fileSystemMetadata(StoreTable table) {
		Path metadata = this.layout.iceberg().resolve(NAMESPACE).resolve(table.sqlName()).resolve("metadata");
		try {
			Path hint = metadata.resolve("version-hint.text");
			if (!Files.isRegularFile(hint)) {
				return null;
			}
			String version = Files.readString(hint).strip();
			Path file = metadata.resolve("v" + version + ".metadata.json");
			return Files.isRegularFile(file) ? file.toUri().toString() : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + metadata, ex);
		}
	}

	static TableIdentifier identifier(StoreTable table) {
		return TableIdentifier.of(Namespace.of(NAMESPACE), table.sqlName());
	}

	private static Map<String, String> properties(Schema schema) {
		Map<String, String> properties = new HashMap<>();
		properties.put(TableProperties.FORMAT_VERSION, "2");
		// lottrace's files carry no field ids: readers map their columns by name
		properties.put(TableProperties.DEFAULT_NAME_MAPPING, NameMappingParser.toJson(MappingUtil.create(schema)));
		// each commit writes a metadata file holding every snapshot: keep the last few
		// only
		properties.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
		properties.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20");
		properties.put(TableProperties.COMMIT_NUM_RETRIES, "0");
		properties.put(TableProperties.PARQUET_COMPRESSION, "zstd");
		// records are kept unaltered for two years (21 CFR 1.1455(d)): maintenance
		// refuses less
		properties.put(TableProperties.MAX_SNAPSHOT_AGE_MS, Long.toString(IcebergMaintenance.MIN_RETENTION_MILLIS));
		return properties;
	}

	@Override
	public void close() {
		if (this.catalog instanceof java.io.Closeable closeable) {
			try {
				closeable.close();
			}
			catch (IOException ex) {
				// nothing held open that matters once the commits are made
			}
		}
	}

}
