package org.lottrace.spark;

import org.apache.spark.sql.SparkSession;
import org.jspecify.annotations.Nullable;

/**
 * The Spark session of the job: Iceberg's catalog and extensions, Java time types, and in
 * local mode nothing listening beyond loopback (no UI, driver on 127.0.0.1).
 */
public final class SparkSessions {

	private SparkSessions() {
	}

	/**
	 * Starts (or joins) the session.
	 * @param master the master URL; {@code null} for spark-submit's, or {@code local[2]}
	 * when there is none
	 */
	public static SparkSession start(@Nullable String master) {
		SparkSession.Builder builder = SparkSession.builder().appName("lottrace");
		String effective = master;
		if (effective == null && System.getProperty("spark.master") == null) {
			effective = "local[2]";
		}
		if (effective != null) {
			builder = builder.master(effective);
		}
		String actual = (effective != null) ? effective : System.getProperty("spark.master", "");
		if (actual.startsWith("local")) {
			builder = builder.config("spark.driver.host", "127.0.0.1")
				.config("spark.driver.bindAddress", "127.0.0.1")
				.config("spark.sql.shuffle.partitions", "4")
				.config("spark.ui.enabled", "false");
		}
		return builder.config("spark.ui.showConsoleProgress", "false")
			.config("spark.sql.datetime.java8API.enabled", "true")
			.config("spark.sql.session.timeZone", "UTC")
			.config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
			// a table loaded by path goes through the catalog default_iceberg: a Hive one
			// unless
			// set (Hive is not in Iceberg's runtime); the file-system catalog needs
			// nothing
			.config("spark.sql.catalog.default_iceberg", "org.apache.iceberg.spark.SparkCatalog")
			.config("spark.sql.catalog.default_iceberg.type", "hadoop")
			.config("spark.sql.catalog.default_iceberg.warehouse", System.getProperty("java.io.tmpdir"))
			.getOrCreate();
	}

}
