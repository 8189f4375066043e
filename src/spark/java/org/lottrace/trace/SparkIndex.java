package org.lottrace.trace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreCommit;
import org.lottrace.store.StoreLayout;
import org.lottrace.store.StoreTable;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The trace index of {@link IndexRefresher}, derived by Spark from the store's Iceberg
 * tables read by path, as temporary views of one session: {@code event} (the current
 * version of every record, with the lot it resolves to), {@code lot}, {@code alias},
 * {@code alias_lots}, {@code link} (input lot to output lot per transformation input
 * record) and {@code pending} (inputs that could not be linked), plus {@code location}
 * and {@code product} (current versions). The same SQL as the embedded index, computed
 * over the whole table at once rather than commit by commit; lot ids are numbered by lot
 * key, so they differ from the embedded index's (no output shows them).
 */
public final class SparkIndex {

	/** The order that puts the current version of a natural key first. */
	private static final String NEWEST_FIRST = "ingested_at DESC, source_sha256 DESC, source_line DESC";

	/** Longer lists of lot ids are joined as a table rather than written as literals. */
	private static final int LITERAL_LIMIT = 2_000;

	private final SparkSession spark;

	private final Path store;

	private final Dataset<Row> event;

	private final Dataset<Row> lot;

	private final Dataset<Row> alias;

	private final Dataset<Row> link;

	private final Dataset<Row> pending;

	private final @Nullable Dataset<Row> held;

	private SparkIndex(SparkSession spark, Path store, Dataset<Row> event, Dataset<Row> lot, Dataset<Row> alias,
			Dataset<Row> link, Dataset<Row> pending, @Nullable Dataset<Row> held) {
		this.spark = spark;
		this.store = store;
		this.event = event;
		this.lot = lot;
		this.alias = alias;
		this.link = link;
		this.pending = pending;
		this.held = held;
	}

	/** The folder of a table of the store, as other engines open it. */
	public static Path tablePath(Path store, String table) {
		return store.resolve("iceberg").resolve("lottrace").resolve(table);
	}

	/**
	 * Reads a table by path.
	 * @param asOf a time Spark understands ({@code 2026-11-01 00:00:00}): the snapshot
	 * current then; {@code null} for the current one
	 */
	public static Dataset<Row> read(SparkSession spark, Path store, String table, @Nullable String asOf) {
		DataFrameReader reader = spark.read().format("iceberg");
		if (asOf != null) {
			reader = reader.option("timestampAsOf", asOf);
		}
		return reader.load(tablePath(store, table).toUri().toString());
	}

	/**
	 * Derives the index from the tables (lazily: Spark runs it at the first lookup, and
	 * caches the derived views).
	 */
	public static SparkIndex derive(SparkSession spark, Path store, @Nullable String asOf) {
		read(spark, store, "kde_event", asOf).createOrReplaceTempView("kde_event_all");
		for (String table : List.of("location", "product")) {
			String key = table + "_code";
			read(spark, store, table, asOf).createOrReplaceTempView(table + "_all");
			current(spark, table + "_all", key).cache().createOrReplaceTempView(table);
		}
		current(spark, "kde_event_all", "record_key").createOrReplaceTempView("kde_event");
		// lots: every code with its assigner, in any version of any record, numbered as
		// a rebuilt embedded index numbers them (by their first records' date, then key)
		Dataset<Row> lot = spark
			.sql("SELECT CAST(row_number() OVER (ORDER BY first_date, lot_key) AS INT) AS lot_id, lot_key, lot_code, "
					+ "lot_assigner FROM (SELECT concat(lot_code, chr(31), lot_assigner) AS lot_key, lot_code, "
					+ "lot_assigner, min(event_date) AS first_date FROM kde_event_all WHERE lot_code IS NOT NULL "
					+ "AND lot_assigner IS NOT NULL GROUP BY lot_code, lot_assigner)")
			.cache();
		lot.createOrReplaceTempView("lot");
		// the numbers systems scan for a lot: its internal numbers and its own code
		Dataset<Row> alias = spark
			.sql("SELECT DISTINCT alias, lot_id FROM (SELECT i.internal_lot AS alias, l.lot_id FROM kde_event_all i "
					+ "JOIN lot l ON l.lot_code = i.lot_code AND l.lot_assigner = i.lot_assigner "
					+ "WHERE i.internal_lot IS NOT NULL UNION ALL SELECT i.lot_code, l.lot_id FROM kde_event_all i "
					+ "JOIN lot l ON l.lot_code = i.lot_code AND l.lot_assigner = i.lot_assigner)")
			.cache();
		alias.createOrReplaceTempView("alias");
		spark.sql("SELECT alias, count(DISTINCT lot_id) AS lots, min(lot_id) AS lot_id FROM alias GROUP BY alias")
			.createOrReplaceTempView("alias_lots");
		// the current version of each record, and its lot: by code and assigner, or
		// through a number that means one lot
		Dataset<Row> event = spark
			.sql("SELECT e.*, CASE WHEN e.lot_assigner IS NOT NULL THEN l.lot_id "
					+ "WHEN a.lots = 1 THEN a.lot_id END AS lot_id FROM kde_event e LEFT JOIN lot l ON "
					+ "e.lot_assigner IS NOT NULL AND l.lot_code = e.lot_code AND l.lot_assigner = e.lot_assigner "
					+ "LEFT JOIN alias_lots a ON e.lot_assigner IS NULL AND a.alias = e.lot_code")
			.cache();
		event.createOrReplaceTempView("event");
		spark.sql("SELECT w.record_key, w.role, w.work_order, w.lot_code, w.lot_id, CASE WHEN w.lot_id IS NOT NULL "
				+ "OR w.lot_assigner IS NOT NULL THEN 1 ELSE coalesce(c.lots, 0) END AS candidates FROM (SELECT "
				+ "record_key, role, work_order, lot_code, lot_assigner, lot_id FROM event WHERE cte = 'transformation' "
				+ "AND work_order IS NOT NULL) w LEFT JOIN alias_lots c ON w.lot_id IS NULL AND w.lot_assigner IS NULL "
				+ "AND c.alias = w.lot_code")
			.createOrReplaceTempView("resolved");
		Dataset<Row> link = spark
			.sql("SELECT i.record_key AS input_key, i.lot_id AS input_lot, o.lot_id AS output_lot, i.work_order "
					+ "FROM resolved i JOIN resolved o ON o.work_order = i.work_order AND o.role = 'output' "
					+ "WHERE i.role = 'input' AND i.lot_id IS NOT NULL AND o.lot_id IS NOT NULL")
			.cache();
		link.createOrReplaceTempView("link");
		Dataset<Row> pending = spark
			.sql("SELECT i.record_key AS input_key, i.lot_code, i.work_order, CASE "
					+ "WHEN i.candidates > 1 THEN 'the lot number matches several lots' "
					+ "WHEN i.lot_id IS NULL THEN 'no lot is known by this lot number' "
					+ "ELSE 'the work order has no output lot yet' END AS reason FROM resolved i "
					+ "WHERE i.role = 'input' AND (i.lot_id IS NULL OR NOT EXISTS (SELECT 1 FROM resolved o WHERE "
					+ "o.work_order = i.work_order AND o.role = 'output' AND o.lot_id IS NOT NULL))")
			.cache();
		pending.createOrReplaceTempView("pending");
		return new SparkIndex(spark, store, event, lot, alias, link, pending, held(spark, store));
	}

	/**
	 * The export rows held back (rejected or pending), which are not an Iceberg table
	 * (README, "Store"): the committed {@code held_row} Parquet files the commit log
	 * names, read by Spark, each pending row marked resolved when a later resolution
	 * commit made a record of it (as {@link IndexRefresher} does). {@code null} when
	 * there are none.
	 */
	private static @Nullable Dataset<Row> held(SparkSession spark, Path store) {
		StoreCatalog catalog = new StoreCatalog(new StoreLayout(store));
		List<Path> files = catalog.files(StoreTable.HELD_ROW);
		if (files.isEmpty()) {
			return null;
		}
		Dataset<Row> held = spark.read().option("mergeSchema", "true").parquet(uris(files));
		Set<String> resolutions = new HashSet<>();
		for (StoreCommit commit : catalog.commits().all()) {
			if (commit.resolves() != null) {
				resolutions.add(commit.fileId());
			}
		}
		List<Path> resolving = new ArrayList<>();
		for (StoreTable table : List.of(StoreTable.KDE_EVENT, StoreTable.LOCATION, StoreTable.PRODUCT)) {
			resolving.addAll(catalog.files(table, resolutions));
		}
		if (resolving.isEmpty()) {
			return held.withColumn("resolved", lit(false)).cache();
		}
		Dataset<Row> records = spark.read()
			.option("mergeSchema", "true")
			.parquet(uris(resolving))
			.select(col("source").as("s_"), col("source_sha256").as("sha_"), col("source_line").as("line_"))
			.distinct();
		Column same = held.col("source")
			.equalTo(records.col("s_"))
			.and(held.col("source_sha256").equalTo(records.col("sha_")))
			.and(held.col("source_line").equalTo(records.col("line_")));
		Dataset<Row> made = held.where(col("status").equalTo(lit("pending")))
			.join(records, same, "left_semi")
			.select(col("source").as("s_"), col("source_sha256").as("sha_"), col("source_line").as("line_"))
			.withColumn("resolved", lit(true));
		Column key = held.col("source")
			.equalTo(made.col("s_"))
			.and(held.col("source_sha256").equalTo(made.col("sha_")))
			.and(held.col("source_line").equalTo(made.col("line_")));
		return held.join(made, key, "left")
			.withColumn("resolved_", org.apache.spark.sql.functions.coalesce(col("resolved"), lit(false)))
			.drop("s_", "sha_", "line_", "resolved")
			.withColumnRenamed("resolved_", "resolved")
			.cache();
	}

	private static String[] uris(List<Path> files) {
		return files.stream().map((p) -> p.toUri().toString()).toArray(String[]::new);
	}

	/** The held rows, with {@code resolved}; {@code null} when the store has none. */
	@Nullable Dataset<Row> held() {
		return this.held;
	}

	/** The newest version of each key of a view. */
	private static Dataset<Row> current(SparkSession spark, String view, String key) {
		return spark
			.sql("SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY " + key + " ORDER BY " + NEWEST_FIRST
					+ ") AS version_ FROM " + view + ") WHERE version_ = 1")
			.drop("version_");
	}

	public SparkSession spark() {
		return this.spark;
	}

	public Path store() {
		return this.store;
	}

	Dataset<Row> event() {
		return this.event;
	}

	Dataset<Row> lot() {
		return this.lot;
	}

	Dataset<Row> alias() {
		return this.alias;
	}

	Dataset<Row> link() {
		return this.link;
	}

	Dataset<Row> pending() {
		return this.pending;
	}

	/** How many lots and links the index holds (runs the derivation). */
	public long[] size() {
		return new long[] { this.lot.count(), this.link.count(), this.event.count() };
	}

	/**
	 * Walks the links level by level until no new lot is reached, each lot kept at its
	 * shortest depth (the closure of {@link Traversal}). Each level is one Spark job: the
	 * links out of (or into) the frontier, joined on the cached link view; the frontier
	 * and the lots seen stay on the driver, as they are part of the answer collected
	 * anyway.
	 * @return lots reached and their depth (0 for the starting lots)
	 */
	Map<Integer, Integer> walk(int[] start, boolean backward) {
		Map<Integer, Integer> depth = new HashMap<>();
		List<Integer> frontier = new ArrayList<>();
		for (int id : start) {
			if (depth.putIfAbsent(id, 0) == null) {
				frontier.add(id);
			}
		}
		String from = backward ? "output_lot" : "input_lot";
		String to = backward ? "input_lot" : "output_lot";
		for (int level = 1; !frontier.isEmpty(); level++) {
			List<Row> reached = semiJoin(this.link, from, frontier).select(to).distinct().collectAsList();
			frontier = new ArrayList<>();
			for (Row row : reached) {
				if (depth.putIfAbsent(row.getInt(0), level) == null) {
					frontier.add(row.getInt(0));
				}
			}
		}
		return depth;
	}

	/**
	 * The rows whose column is one of the values: a filter on a list of literals for a
	 * few, a join with a broadcast table of them for many (a planner takes seconds over a
	 * list of a hundred thousand literals).
	 */
	Dataset<Row> semiJoin(Dataset<Row> rows, String column, Collection<Integer> values) {
		if (values.size() <= LITERAL_LIMIT) {
			return rows.where(in(column, values));
		}
		Dataset<Row> keys = this.spark
			.createDataFrame(values.stream().map(RowFactory::create).toList(),
					new StructType().add("key_", DataTypes.IntegerType, false))
			.distinct();
		return rows.join(org.apache.spark.sql.functions.broadcast(keys), rows.col(column).equalTo(keys.col("key_")),
				"left_semi");
	}

	/** A condition that a column is one of the values (false for none). */
	static Column in(String column, Collection<?> values) {
		return values.isEmpty() ? lit(false) : col(column).isin(values.toArray());
	}

}
