package org.lottrace.store;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.sun.net.httpserver.HttpServer;
import org.apache.iceberg.Table;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.rest.RESTCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.iceberg.IcebergCatalogProperties;
import org.lottrace.store.iceberg.IcebergCatalogProperties.Kind;
import org.lottrace.store.iceberg.IcebergCatalogs;
import org.lottrace.store.iceberg.IcebergCatalogs.IcebergCatalogException;
import org.lottrace.store.iceberg.IcebergCommits;
import org.lottrace.store.iceberg.IcebergTables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The configured Iceberg catalog ({@code lottrace.store.iceberg}): its settings, a JDBC
 * catalog on an H2 database keeping the tables whose files stay in the store, a store of
 * the file-system catalog taken over by a JDBC one, and an unreachable catalog told in
 * one line.
 */
class IcebergCatalogsTests {

	@TempDir
	Path root;

	@Test
	void jdbcCatalogKeepsTheTablesAndTheirFilesStayInTheStore() throws Exception {
		// given
		StoreLayout layout = new StoreLayout(this.root.resolve("store"));
		StoreCommit commit = IcebergTablesTests.export(layout, "a1",
				StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)));
		IcebergCatalogs catalogs = new IcebergCatalogs(jdbc(this.root.resolve("catalog")), layout);

		// when
		IcebergTables.prepare(layout);
		try (IcebergTables tables = catalogs.open()) {
			assertThat(new IcebergCommits(tables).commit(commit)).isOne();
		}

		// then: the catalog's database names the table, whose metadata is in the store
		try (JdbcCatalog catalog = openJdbc(this.root.resolve("catalog"))) {
			Table events = catalog.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("lottrace", "kde_event"));
			assertThat(events.currentSnapshot().summary()).containsEntry("lottrace.sha256", commit.sha256());
			assertThat(events.location())
				.isEqualTo(layout.iceberg().resolve("lottrace/kde_event").toUri().toString().replaceAll("/$", ""));
		}
		Path metadata = layout.iceberg().resolve("lottrace/kde_event/metadata");
		assertThat(metadata.resolve("version-hint.text")).as("no file-system catalog pointer").doesNotExist();
		try (var files = Files.list(metadata)) {
			assertThat(files.map((f) -> f.getFileName().toString())).anyMatch((n) -> n.endsWith(".metadata.json"));
		}
	}

	@Test
	void jdbcCatalogTakesOverTheTablesOfTheFileSystemCatalogAsTheyAre() throws Exception {
		// given: two exports in the embedded catalog
		StoreLayout layout = new StoreLayout(this.root.resolve("store"));
		IcebergTablesTests.export(layout, "a1", StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)));
		IcebergTables.prepare(layout);
		long snapshot;
		try (IcebergTables tables = IcebergCatalogs.embedded(layout).open()) {
			new IcebergCommits(tables).rollForward(new CommitLog(layout));
			snapshot = tables.table(StoreTable.KDE_EVENT).currentSnapshot().snapshotId();
		}
		StoreCommit later = IcebergTablesTests.export(layout, "b2",
				StoreRecords.receipt("RC-3", "L3", LocalDate.of(2026, 10, 7)));

		// when: the JDBC catalog is configured and the next export committed
		try (IcebergTables tables = new IcebergCatalogs(jdbc(this.root.resolve("catalog")), layout).open()) {
			assertThat(tables.exists(StoreTable.KDE_EVENT)).isTrue();
			assertThat(new IcebergCommits(tables).commit(later)).isOne();
			assertThat(new IcebergCommits(tables).rollForward(new CommitLog(layout))).isZero();

			// then: the earlier snapshot is there, with the new one on top
			Table events = tables.table(StoreTable.KDE_EVENT);
			assertThat(StreamSupport.stream(events.snapshots().spliterator(), false).map((s) -> s.snapshotId()))
				.hasSize(2)
				.contains(snapshot);
			assertThat(events.currentSnapshot().parentId()).isEqualTo(snapshot);
		}
		// and going back to the file-system catalog, which has not the new snapshot, is
		// refused
		assertThat(IcebergCatalogs.marker(layout)).content().startsWith("jdbc catalog jdbc:h2:file:");
		assertThatExceptionOfType(IcebergCatalogException.class)
			.isThrownBy(() -> IcebergCatalogs.embedded(layout).open())
			.withMessageContaining("are kept by jdbc catalog jdbc:h2:file:")
			.withMessageContaining("set lottrace.store.iceberg.catalog to it");
		// also for code that opens the file-system catalog directly
		assertThatExceptionOfType(IcebergCatalogException.class).isThrownBy(() -> new IcebergTables(layout))
			.withMessageContaining("are kept by jdbc catalog");
	}

	@Test
	void aMovedStoreIsToldInOneLineAndWorksWithTheOldPathLinked() throws Exception {
		// given: tables made at one place, the store folder then moved
		StoreLayout before = new StoreLayout(this.root.resolve("a"));
		IcebergTablesTests.export(before, "a1", StoreRecords.receipt("RC-1", "L1", LocalDate.of(2026, 10, 5)));
		IcebergTables.prepare(before);
		try (IcebergTables tables = IcebergCatalogs.embedded(before).open()) {
			new IcebergCommits(tables).rollForward(new CommitLog(before));
		}
		Files.move(this.root.resolve("a"), this.root.resolve("b"));
		StoreLayout moved = new StoreLayout(this.root.resolve("b"));

		// when, then
		try (IcebergTables tables = IcebergCatalogs.embedded(moved).open()) {
			assertThatExceptionOfType(IcebergCatalogException.class)
				.isThrownBy(() -> new IcebergCommits(tables).rollForward(new CommitLog(moved)))
				.withMessage("the Iceberg table lottrace.kde_event names its files under "
						+ this.root.resolve("a/iceberg/lottrace/kde_event") + ", not under the store "
						+ this.root.resolve("b") + " (was the store moved, or does the catalog keep another store's "
						+ "tables?): move it back, or link the old path to it, or rebuild the tables (README, "
						+ "\"Moving a store\")");
		}
		Files.createSymbolicLink(this.root.resolve("a"), this.root.resolve("b"));
		try (IcebergTables tables = IcebergCatalogs.embedded(moved).open()) {
			assertThat(new IcebergCommits(tables).rollForward(new CommitLog(moved))).isZero();
		}
	}

	@Test
	void unreachableCatalogIsToldInOneLineWithoutItsSecrets() throws Exception {
		StoreLayout layout = new StoreLayout(this.root);
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		IcebergCatalogProperties rest = new IcebergCatalogProperties(Kind.REST, "http://127.0.0.1:" + port + "/api",
				null, null, null, null, null, null, "s3cr3t-token", null);
		IcebergCatalogProperties jdbc = new IcebergCatalogProperties(Kind.JDBC,
				"jdbc:postgresql://127.0.0.1:" + port + "/lottrace", "lottrace", "s3cr3t", null, null, null, null, null,
				null);

		assertThatExceptionOfType(IcebergCatalogException.class)
			.isThrownBy(() -> new IcebergCatalogs(rest, layout).open())
			.withMessageStartingWith(
					"the Iceberg catalog (rest, http://127.0.0.1:" + port + "/api) could not be opened: ")
			.withMessageContaining("Connection refused")
			.withMessageNotContaining("s3cr3t")
			.withMessageNotContaining("\n");
		assertThatExceptionOfType(IcebergCatalogException.class)
			.isThrownBy(() -> new IcebergCatalogs(jdbc, layout).open())
			.withMessage("the Iceberg catalog (jdbc, jdbc:postgresql://127.0.0.1:" + port
					+ "/lottrace) could not be opened: Connection refused");
		assertThat(rest.toString()).doesNotContain("s3cr3t").contains("token=(given)");
		assertThat(jdbc.toString()).doesNotContain("s3cr3t").contains("password=(given)");
	}

	@Test
	void restCatalogIsAskedWithTheWarehouseAndTheToken() throws Exception {
		// given: an HTTP server that answers as a REST catalog with no namespace yet
		List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
					+ exchange.getRequestHeaders().getFirst("Authorization"));
			boolean config = exchange.getRequestURI().getPath().endsWith("/v1/config");
			byte[] body = (config ? "{\"defaults\":{},\"overrides\":{}}"
					: "{\"error\":{\"message\":\"no namespace\",\"type\":\"NoSuchNamespaceException\",\"code\":404}}")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			boolean head = "HEAD".equals(exchange.getRequestMethod());
			exchange.sendResponseHeaders(config ? 200 : 404, head ? -1 : body.length);
			if (!head) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
		server.start();
		try {
			IcebergCatalogProperties rest = new IcebergCatalogProperties(Kind.REST,
					"http://127.0.0.1:" + server.getAddress().getPort() + "/api", null, null, null, "lottrace-wh", null,
					null, null, writeSecret("tok-1"));

			// when
			try (IcebergTables tables = new IcebergCatalogs(rest, new StoreLayout(this.root)).open()) {

				// then: the client asked for its configuration with the warehouse and the
				// token, and the tables were opened in it
				assertThat(tables.catalog()).isInstanceOf(RESTCatalog.class);
			}
			assertThat(requests).first()
				.asString()
				.startsWith("GET /api/v1/config?warehouse=lottrace-wh ")
				.endsWith("Bearer tok-1");
			assertThat(requests).anyMatch((r) -> r.contains("/api/v1/namespaces/lottrace"));
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void settingsLottraceCannotUseAreRefusedWithWhatToGive() {
		assertThat(new IcebergCatalogProperties(null, null, null, null, null, null, null, null, null, null).catalog())
			.isEqualTo(Kind.HADOOP);
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new IcebergCatalogProperties(Kind.JDBC, null, null, null, null, null, null, null, null, null))
			.withMessageContaining("the jdbc catalog needs uri");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IcebergCatalogProperties(Kind.JDBC, "jdbc:mysql://db/x", null, null, null, null, null,
					null, null, null))
			.withMessageContaining("not jdbc:mysql");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IcebergCatalogProperties(Kind.REST, "thrift://metastore:9083", null, null, null, null,
					null, null, null, null))
			.withMessageContaining("the rest catalog needs uri");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IcebergCatalogProperties(Kind.HADOOP, "jdbc:h2:x", null, null, null, null, null, null,
					null, null))
			.withMessageContaining("uri is for the jdbc and rest catalogs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IcebergCatalogProperties(Kind.JDBC, "jdbc:h2:x", "sa", "pw", writeSecret("other"),
					null, null, null, null, null))
			.withMessage("give password or password-file, not both");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new IcebergCatalogProperties(Kind.JDBC, "jdbc:h2:x", "sa", null,
					this.root.resolve("missing"), null, null, null, null, null))
			.withMessageContaining("password-file")
			.withMessageContaining("cannot be read");
	}

	private Path writeSecret(String secret) {
		try {
			Path file = Files.createTempFile(this.root, "secret", "");
			Files.writeString(file, secret + "\n");
			return file;
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private IcebergCatalogProperties jdbc(Path database) {
		return new IcebergCatalogProperties(Kind.JDBC, "jdbc:h2:file:" + database, "sa", null,
				writeSecret("catalog-pw"), null, null, null, null, null);
	}

	private static JdbcCatalog openJdbc(Path database) {
		JdbcCatalog catalog = new JdbcCatalog();
		catalog.setConf(new org.apache.hadoop.conf.Configuration());
		catalog.initialize("lottrace",
				Map.of("uri", "jdbc:h2:file:" + database + ";DATABASE_TO_LOWER=TRUE", "jdbc.user", "sa",
						"jdbc.password", "catalog-pw", "warehouse", database.getParent().toUri().toString()));
		return catalog;
	}

}
