package org.lottrace.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreLayout;

/** Reads a store back the way readers see it: DuckDB views over the committed files. */
final class StoreQueries {

	private StoreQueries() {
	}

	/** Rows of a query over the views, every value as text ({@code null} for NULL). */
	static List<List<String>> rows(Path root, String sql) {
		try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
				Statement statement = connection.createStatement()) {
			statement.execute("SET threads = 1");
			DuckDb.createViews(connection, new StoreCatalog(new StoreLayout(root)));
			try (ResultSet rs = statement.executeQuery(sql)) {
				int columns = rs.getMetaData().getColumnCount();
				List<List<String>> rows = new ArrayList<>();
				while (rs.next()) {
					String[] row = new String[columns];
					for (int i = 0; i < columns; i++) {
						row[i] = rs.getString(i + 1);
					}
					rows.add(Arrays.asList(row));
				}
				return rows;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	static long count(Path root, String sql) {
		return Long.parseLong(rows(root, sql).get(0).get(0));
	}

	/** Every data, commit and rejects file of the store, relative to its root. */
	static List<String> files(Path root) {
		try (Stream<Path> walk = Files.walk(root)) {
			return walk.filter(Files::isRegularFile)
				.map((p) -> root.relativize(p).toString())
				.filter((p) -> p.startsWith("kde") || p.startsWith("master") || p.startsWith("_commits")
						|| p.startsWith("rejects") || p.startsWith("_staging"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Deletes the store's data, commit and rejects files except the ones to keep (the
	 * folder itself stays: the application holds its path).
	 */
	static void clearBut(Path root, List<String> keep) {
		try {
			for (String file : files(root)) {
				if (!keep.contains(file)) {
					Files.delete(root.resolve(file));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
