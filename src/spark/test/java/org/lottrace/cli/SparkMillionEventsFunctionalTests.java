package org.lottrace.cli;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spark job and the embedded path agree on a generated store of one million events
 * ({@code generate --events 1000000 --seed 7}, ingested by the packaged command line): a
 * two-way trace of a batch (its ingredient lots, every batch that shares one, every
 * shipment) and an FDA request for a food over a month, file for file. Prints how long
 * each step took.
 */
class SparkMillionEventsFunctionalTests {

	@TempDir
	static Path dir;

	static Path store;

	@BeforeAll
	static void generateAndIngest() throws Exception {
		long started = System.nanoTime();
		Path exports = dir.resolve("exports");
		Cli.Result generated = Cli.runTool("generate", "--events", "1000000", "--seed", "7", "--out",
				exports.toString());
		assertThat(generated.exitCode()).as(generated.toString()).isZero();
		long ingestStarted = System.nanoTime();
		store = dir.resolve("store");
		// the optimizing compiler and the parallel collector: a large ingestion
		Cli.Result ingested = Cli
			.start(List.of("-XX:TieredStopAtLevel=4", "-XX:-UseSerialGC", "-XX:+UseParallelGC"), "ingest", "--store",
					store.toString(), "--jobs", Cli.JOBS.toString(), exports.toString())
			.await();
		assertThat(ingested.exitCode()).as(ingested.toString()).isZero();
		System.out.printf("1M events: generated in %d s, ingested in %d s%n", seconds(started, ingestStarted),
				seconds(ingestStarted, System.nanoTime()));
	}

	@Test
	void tracesABatchBothWaysAsTheEmbeddedPathDoes() throws Exception {
		Path embedded = dir.resolve("trace-embedded");
		long started = System.nanoTime();
		Cli.Result expected = Cli.run("trace", "--lot", "C50000", "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), "--reports", embedded.toString());
		long sparkStarted = System.nanoTime();
		Path spark = dir.resolve("trace-spark");
		SparkOutputs.Run run = SparkOutputs.spark("trace", "--lot", "C50000", "--store", store.toString(), "--jobs",
				Cli.JOBS.toString(), "--reports", spark.toString());
		System.out.printf("1M events, trace C50000: embedded %d s, Spark %d s%n", seconds(started, sparkStarted),
				seconds(sparkStarted, System.nanoTime()));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(expected.exitCode());
		SparkOutputs.assertSameReports(SparkOutputs.folder(embedded), SparkOutputs.folder(spark), "trace.json");
		assertThat(SparkOutputs.counts(SparkOutputs.folder(spark)).get("lots").asInt()).isGreaterThan(100);
	}

	@Test
	void answersARecordsRequestAsTheEmbeddedPathDoes() throws Exception {
		Path embedded = dir.resolve("records-embedded");
		long started = System.nanoTime();
		Cli.Result expected = Cli.run("report", "--product", "ING-0001", "--from", "2024-11-01", "--to", "2024-11-30",
				"--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports", embedded.toString());
		long sparkStarted = System.nanoTime();
		Path spark = dir.resolve("records-spark");
		SparkOutputs.Run run = SparkOutputs.spark("records", "--product", "ING-0001", "--from", "2024-11-01", "--to",
				"2024-11-30", "--store", store.toString(), "--jobs", Cli.JOBS.toString(), "--reports",
				spark.toString());
		System.out.printf("1M events, records ING-0001 November 2024: embedded %d s, Spark %d s%n",
				seconds(started, sparkStarted), seconds(sparkStarted, System.nanoTime()));

		assertThat(run.exitCode()).as(run.toString()).isEqualTo(expected.exitCode());
		SparkOutputs.assertSameReports(SparkOutputs.folder(embedded), SparkOutputs.folder(spark), "records.json");
		assertThat(SparkOutputs.counts(SparkOutputs.folder(spark)).get("records").asInt()).isGreaterThan(100);
	}

	private static long seconds(long from, long to) {
		return (to - from) / 1_000_000_000L;
	}

}
