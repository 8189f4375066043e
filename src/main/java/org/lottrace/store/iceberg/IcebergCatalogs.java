package org.lottrace.store.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalog;
import org.lottrace.store.AtomicFiles;
import org.lottrace.store.StoreLayout;

/**
 * Opens the store's Iceberg tables in the configured catalog
 * ({@code lottrace.store.iceberg.catalog}): every command and {@code serve} go through
 * this one bean.
 */
public final class IcebergCatalogs {

	private static final String MARKER = "CATALOG";

	/** The name of the catalog: a JDBC catalog keeps it with each table. */
	public static final String NAME = "lottrace";

	private final IcebergCatalogProperties properties;

	private final StoreLayout layout;

	public IcebergCatalogs(IcebergCatalogProperties properties, StoreLayout layout) {
		this.properties = properties;
		this.layout = layout;
	}

	/** The embedded default: the file-system catalog under {@code store/iceberg/}. */
	public static IcebergCatalogs embedded(StoreLayout layout) {
		return new IcebergCatalogs(IcebergCatalogProperties.EMBEDDED, layout);
	}

	public StoreLayout layout() {
		return this.layout;
	}

	public IcebergCatalogProperties properties() {
		return this.properties;
	}

	/**
	 * The tables, in a catalog opened for them (closed with them).
	 * @throws IcebergCatalogException when the catalog cannot be reached or refuses
	 */
	public IcebergTables open() {
		checkMarker();
		return switch (this.properties.catalog()) {
			case HADOOP -> new IcebergTables(this.layout);
			case JDBC -> new IcebergTables(this.layout, initialize(new JdbcCatalog(), jdbcProperties()), false);
			case REST -> new IcebergTables(this.layout, initialize(new RESTCatalog(), restProperties()), false);
		};
	}

	/**
	 * The file that says a shared catalog keeps the store's tables:
	 * {@code store/iceberg/CATALOG}.
	 */
	public static Path marker(StoreLayout layout) {
		return layout.iceberg().resolve(MARKER);
	}

	/**
	 * Once a shared catalog keeps the tables, the file-system catalog's pointers
	 * ({@code version-hint.text}) stay where they were: going back to it would lose the
	 * snapshots made since, so it is refused (by
	 * {@link IcebergTables#IcebergTables(StoreLayout)}, whoever calls it). A shared
	 * catalog notes itself in the store on first use.
	 */
	static void refuseFileSystemCatalogIfShared(StoreLayout layout) {
		Path marker = marker(layout);
		try {
			if (Files.isRegularFile(marker)) {
				throw new IcebergCatalogException("the Iceberg tables of " + layout.root() + " are kept by "
						+ Files.readString(marker, StandardCharsets.UTF_8).strip() + " (" + marker + "); set "
						+ "lottrace.store.iceberg.catalog to it: the file-system catalog does not have its snapshots");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read " + marker, ex);
		}
	}

	private void checkMarker() {
		Path marker = marker(this.layout);
		boolean shared = this.properties.catalog() != IcebergCatalogProperties.Kind.HADOOP;
		if (shared && Files.isDirectory(this.layout.iceberg()) && !Files.isRegularFile(marker)) {
			AtomicFiles.writeString(marker,
					this.properties.catalog().id() + " catalog " + this.properties.location() + "\n");
		}
	}

	private Map<String, String> jdbcProperties() {
		Map<String, String> catalog = common();
		String uri = this.properties.uri();
		if (uri != null && uri.startsWith("jdbc:h2:")
				&& !uri.toUpperCase(java.util.Locale.ROOT).contains("DATABASE_TO_LOWER")) {
			// Iceberg looks its tables up in lower case; H2 folds names to upper case
			uri = uri + ";DATABASE_TO_LOWER=TRUE";
		}
		put(catalog, CatalogProperties.URI, uri);
		put(catalog, "jdbc.user", this.properties.user());
		put(catalog, "jdbc.password", this.properties.password());
		// with the views table too, so that engines that keep views can share the catalog
		catalog.put("jdbc.schema-version", "V1");
		return catalog;
	}

	private Map<String, String> restProperties() {
		Map<String, String> catalog = common();
		put(catalog, CatalogProperties.URI, this.properties.uri());
		put(catalog, "credential", this.properties.credential());
		put(catalog, "token", this.properties.token());
		if (this.properties.warehouse() != null) {
			catalog.put(CatalogProperties.WAREHOUSE_LOCATION, this.properties.warehouse());
		}
		return catalog;
	}

	private Map<String, String> common() {
		Map<String, String> catalog = new HashMap<>();
		catalog.put(CatalogProperties.WAREHOUSE_LOCATION, IcebergTables.warehouse(this.layout));
		// the files are local: Hadoop's local file system, as the file-system catalog
		catalog.put(CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.hadoop.HadoopFileIO");
		return catalog;
	}

	private static void put(Map<String, String> catalog, String key, @org.jspecify.annotations.Nullable String value) {
		if (value != null) {
			catalog.put(key, value);
		}
	}

	private Catalog initialize(Catalog catalog, Map<String, String> settings) {
		if (catalog instanceof org.apache.iceberg.hadoop.Configurable<?> configurable) {
			@SuppressWarnings("unchecked")
			org.apache.iceberg.hadoop.Configurable<Object> conf = (org.apache.iceberg.hadoop.Configurable<Object>) configurable;
			conf.setConf(IcebergTables.hadoopConfiguration());
		}
		try {
			catalog.initialize(NAME, settings);
			// a catalog may connect lazily: ask it something now, so that an unreachable
			// one is told here, in one line
			if (catalog instanceof org.apache.iceberg.catalog.SupportsNamespaces namespaces) {
				namespaces.namespaceExists(org.apache.iceberg.catalog.Namespace.of(IcebergTables.NAMESPACE));
			}
			return catalog;
		}
		catch (RuntimeException ex) {
			closeQuietly(catalog);
			throw new IcebergCatalogException("the Iceberg catalog (" + this.properties.catalog().id() + ", "
					+ this.properties.location() + ") could not be opened: " + rootMessage(ex));
		}
	}

	private static void closeQuietly(Catalog catalog) {
		if (catalog instanceof java.io.Closeable closeable) {
			try {
				closeable.close();
			}
			catch (java.io.IOException | RuntimeException ex) {
				// it did not open
			}
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		String message = null;
		for (Throwable t = ex; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			cause = t;
			if (t.getMessage() != null && !t.getMessage().isBlank()) {
				message = t.getMessage();
			}
		}
		String text = (message != null) ? message : cause.getClass().getSimpleName();
		return text.replaceAll("\\s+", " ").strip();
	}

	/** The configured catalog cannot be reached, or refused the tables. */
	public static final class IcebergCatalogException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		IcebergCatalogException(String message) {
			super(message);
		}

	}

}
