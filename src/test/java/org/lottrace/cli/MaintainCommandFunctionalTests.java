package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lottrace maintain} on the store of the sample data. */
class MaintainCommandFunctionalTests {

	@TempDir
	Path store;

	@Test
	void keepsEveryYoungSnapshotDeletesStrayMetadataAndRefusesAShortRetention() throws Exception {
		// given: sample-data/ ingested, and a stray file in a table's metadata folder
		Cli.Result ingested = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.toString());
		assertThat(ingested.exitCode()).as(ingested.toString()).isEqualTo(ExitCodes.REJECTS);
		Path stray = this.store.resolve("iceberg/lottrace/kde_event/metadata/stray-m0.avro");
		Files.writeString(stray, "left by a commit a crash cut off");
		List<String> records = records();

		// when
		Cli.Result maintained = Cli.run("maintain", "--store", this.store.toString());
		Cli.Result tooShort = Cli.run("maintain", "--store", this.store.toString(), "--retention", "P1Y");

		// then
		assertThat(maintained.exitCode()).as(maintained.toString()).isEqualTo(ExitCodes.OK);
		// (the eight files of October's transformations are compacted into one copy, in a
		// snapshot of its own)
		assertThat(maintained.out()).contains(
				"  kde_event snapshots 18 -> 19, 1 orphan file(s) deleted, 8 small file(s) compacted into 1",
				"  location  snapshots 3 -> 3, 0 orphan file(s) deleted, 0 small file(s) compacted into 0");
		assertThat(records()).as("every record, read through Iceberg")
			.hasSize(records.size())
			.containsExactlyInAnyOrderElementsOf(records);
		assertThat(stray).doesNotExist();
		assertThat(tooShort.exitCode()).as(tooShort.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(tooShort.err()).singleElement()
			.asString()
			.startsWith("lottrace: a retention of P1Y is shorter than two years and a day");
	}

	/** Every record of the kde_event table, as Iceberg's own reader reads it by path. */
	private List<String> records() throws Exception {
		org.apache.iceberg.Table table = new org.apache.iceberg.hadoop.HadoopTables(
				new org.apache.hadoop.conf.Configuration())
			.load(this.store.resolve("iceberg/lottrace/kde_event").toString());
		try (org.apache.iceberg.io.CloseableIterable<org.apache.iceberg.data.Record> rows = org.apache.iceberg.data.IcebergGenerics
			.read(table)
			.build()) {
			List<String> all = new java.util.ArrayList<>();
			rows.forEach((row) -> all.add(row.toString()));
			return all;
		}
	}

}
