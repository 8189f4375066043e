package org.lottrace.store.iceberg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which Iceberg catalog keeps the store's tables. The data and metadata files stay under
 * the store ({@code store/iceberg/lottrace/...}) with every catalog; only where the
 * pointer to each table's current metadata is kept changes.
 * <ul>
 * <li>{@code hadoop} (the default): Iceberg's file-system catalog in
 * {@code store/iceberg/}, no server, opened by path;</li>
 * <li>{@code jdbc}: Iceberg's JDBC catalog in a database, e.g. the job repository's
 * PostgreSQL database ({@code uri}, {@code user}, and the password from the environment
 * variable {@code LOTTRACE_STORE_ICEBERG_PASSWORD} or {@code password-file});</li>
 * <li>{@code rest}: an Iceberg REST catalog ({@code uri}, optional {@code warehouse}, an
 * OAuth2 {@code credential} or a bearer {@code token}, each from the environment or a
 * file).</li>
 * </ul>
 * Secrets are read once, here, and never printed: {@link #toString()} leaves them out.
 *
 * @param catalog hadoop, jdbc or rest
 * @param uri the JDBC URL ({@code jdbc}) or the HTTP(S) address ({@code rest})
 * @param user the database user ({@code jdbc})
 * @param password the database password ({@code jdbc}); meant to come from the
 * environment ({@code LOTTRACE_STORE_ICEBERG_PASSWORD})
 * @param passwordFile a file holding the database password ({@code jdbc})
 * @param warehouse the warehouse the REST catalog is asked for ({@code rest})
 * @param credential an OAuth2 client credential {@code id:secret} ({@code rest})
 * @param credentialFile a file holding it ({@code rest})
 * @param token a bearer token ({@code rest})
 * @param tokenFile a file holding it ({@code rest})
 */
@ConfigurationProperties("lottrace.store.iceberg")
public record IcebergCatalogProperties(@DefaultValue("hadoop") Kind catalog, @Nullable String uri,
		@Nullable String user, @Nullable String password, @Nullable Path passwordFile, @Nullable String warehouse,
		@Nullable String credential, @Nullable Path credentialFile, @Nullable String token, @Nullable Path tokenFile) {

	/** The embedded default: the file-system catalog under {@code store/iceberg/}. */
	public static final IcebergCatalogProperties EMBEDDED = new IcebergCatalogProperties(Kind.HADOOP, null, null, null,
			null, null, null, null, null, null);

	/** The catalogs lottrace can keep its tables in. */
	public enum Kind {

		HADOOP, JDBC, REST;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	public IcebergCatalogProperties {
		uri = blankToNull(uri);
		user = blankToNull(user);
		warehouse = blankToNull(warehouse);
		password = secret("password", blankToNull(password), passwordFile);
		credential = secret("credential", blankToNull(credential), credentialFile);
		token = secret("token", blankToNull(token), tokenFile);
		if (catalog == null) {
			catalog = Kind.HADOOP;
		}
		switch (catalog) {
			case HADOOP -> {
				if (uri != null) {
					throw new IllegalArgumentException("uri is for the jdbc and rest catalogs; the hadoop catalog "
							+ "(the default) is the folder iceberg/ in the store: set catalog: jdbc or rest, or "
							+ "remove uri");
				}
			}
			case JDBC -> {
				if (uri == null || !uri.startsWith("jdbc:")) {
					throw new IllegalArgumentException("the jdbc catalog needs uri: a JDBC URL such as "
							+ "jdbc:postgresql://db:5432/lottrace" + ((uri != null) ? " (not " + uri + ")" : ""));
				}
				if (!uri.startsWith("jdbc:postgresql:") && !uri.startsWith("jdbc:h2:")) {
					throw new IllegalArgumentException("the jdbc catalog works with PostgreSQL (jdbc:postgresql:...) "
							+ "or H2 (jdbc:h2:...), the drivers lottrace has; not " + scheme(uri));
				}
			}
			case REST -> {
				if (uri == null || !(uri.startsWith("http://") || uri.startsWith("https://"))) {
					throw new IllegalArgumentException("the rest catalog needs uri: the catalog's address, such as "
							+ "https://catalog.example.com/api/catalog" + ((uri != null) ? " (not " + uri + ")" : ""));
				}
				if (credential != null && token != null) {
					throw new IllegalArgumentException("give the rest catalog a credential or a token, not both");
				}
			}
		}
	}

	/** The address, without what may follow it (parameters can hold a password). */
	public String location() {
		String where = (this.uri != null) ? this.uri : "store/iceberg";
		int cut = where.length();
		for (char c : new char[] { '?', ';', '#' }) {
			int at = where.indexOf(c);
			if (at >= 0 && at < cut) {
				cut = at;
			}
		}
		String shown = where.substring(0, cut);
		int userInfo = shown.indexOf('@');
		int scheme = shown.indexOf("//");
		if (userInfo > 0 && scheme >= 0 && userInfo > scheme) {
			shown = shown.substring(0, scheme + 2) + shown.substring(userInfo + 1);
		}
		return shown;
	}

	@Override
	public String toString() {
		return "IcebergCatalogProperties[catalog=" + this.catalog.id() + ", uri=" + location() + ", user=" + this.user
				+ ", warehouse=" + this.warehouse + ", password=" + given(this.password) + ", credential="
				+ given(this.credential) + ", token=" + given(this.token) + "]";
	}

	private static String given(@Nullable String secret) {
		return (secret != null) ? "(given)" : "(none)";
	}

	private static String scheme(String uri) {
		int colon = uri.indexOf(':', "jdbc:".length());
		return (colon > 0) ? uri.substring(0, colon) : uri;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * A secret given directly (from the environment) or in a file (its first line); never
	 * both.
	 */
	private static @Nullable String secret(String name, @Nullable String value, @Nullable Path file) {
		if (file == null || file.toString().isBlank()) {
			return value;
		}
		if (value != null) {
			throw new IllegalArgumentException("give " + name + " or " + name + "-file, not both");
		}
		try {
			String read = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
			if (read.isEmpty()) {
				throw new IllegalArgumentException(name + "-file " + file + " is empty");
			}
			return read;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(
					name + "-file " + file + " cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
	}

}
