package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;

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

		// when
		Cli.Result maintained = Cli.run("maintain", "--store", this.store.toString());
		Cli.Result tooShort = Cli.run("maintain", "--store", this.store.toString(), "--retention", "P1Y");

		// then
		assertThat(maintained.exitCode()).as(maintained.toString()).isEqualTo(ExitCodes.OK);
		assertThat(maintained.out()).contains("  kde_event snapshots 18 -> 18, 1 orphan file(s) deleted",
				"  location  snapshots 3 -> 3, 0 orphan file(s) deleted");
		assertThat(stray).doesNotExist();
		assertThat(tooShort.exitCode()).as(tooShort.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(tooShort.err()).singleElement()
			.asString()
			.startsWith("lottrace: a retention of P1Y is shorter than two years and a day");
	}

}
