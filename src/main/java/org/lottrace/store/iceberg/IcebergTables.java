package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;

/**
 * The store's Iceberg tables in a file-system catalog (Iceberg's {@code HadoopCatalog})
 * under {@code store/iceberg/}: {@code store/iceberg/lottrace/kde_event} and so on, each
 * with its {@code metadata/} folder. The data files stay where the store writes them.
 * Other engines open a table by that path, or the catalog by its warehouse folder.
 * <p>
 * Commits are made only under the store's write lock, so one process commits at a time;
 * Iceberg's automatic retry is off because it would re-apply an append without the
 * exactly-once check ({@link IcebergCommits}).
 */
public final class IcebergTables implements AutoCloseable {

	/** The namespace of the tables in the catalog. */
	public static final String NAMESPACE = "lottrace";

	private final StoreLayout layout;

	private final HadoopCatalog catalog;

	private final Map<StoreTable, Table> tables = new HashMap<>();

	public IcebergTables(StoreLayout layout) {
		this.layout = layout;
		this.catalog = new HadoopCatalog();
		this.catalog.setConf(new Configuration());
		this.catalog.initialize("lottrace",
				Map.of(CatalogProperties.WAREHOUSE_LOCATION, layout.iceberg().toUri().toString()));
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
		return this.catalog.tableExists(identifier(table));
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
			return this.catalog.buildTable(id, schema)
				.withPartitionSpec(IcebergSchemas.spec(table, schema))
				.withProperties(properties(schema))
				.create();
		}
		Table existing = this.catalog.loadTable(id);
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
		try {
			this.catalog.close();
		}
		catch (java.io.IOException ex) {
			// nothing held open that matters: the catalog only caches file systems
		}
	}

}
