package org.lottrace.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lottrace.store.StoreLock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exit codes and one-line messages of {@code lottrace ingest}, run as scripts run it.
 */
class IngestCommandFunctionalTests {

	@TempDir
	Path store;

	@TempDir
	Path work;

	@Test
	void ingestsAndTracesWithTheNewestJavaOfThisMachine() throws Exception {
		// given: a newer Java than the build's, which `./lottrace fast-start` would pick
		// (Hadoop before 3.4.3, under Iceberg's file-system catalog, failed on Java 23
		// and newer with "getSubject is not supported")
		Path java = Cli.newerJava();
		org.junit.jupiter.api.Assumptions.assumeTrue(java != null, "no Java newer than the build's on this machine");

		// when
		Cli.Result ingested = Cli.runWithJava(java, "ingest", "--store", this.store.toString(), "--jobs",
				Cli.JOBS.toString(), Cli.SAMPLE_DATA.resolve("erp").toString());
		Cli.Result traced = Cli.runWithJava(java, "trace", "--lot", "HM-2609-114", "--store", this.store.toString(),
				"--jobs", Cli.JOBS.toString(), "--reports", this.work.toString());

		// then
		assertThat(ingested.exitCode()).as("%s: %s", java, ingested).isIn(ExitCodes.OK, ExitCodes.REJECTS);
		assertThat(ingested.out()).anySatisfy((line) -> assertThat(line).startsWith("Summary: "));
		assertThat(traced.exitCode()).as("%s: %s", java, traced).isIn(ExitCodes.OK, ExitCodes.INCOMPLETE);
		assertThat(traced.out()).first().asString().startsWith("Trace of lot HM-2609-114");
	}

	@Test
	void printsHelpAndExitsZero() throws Exception {
		// when
		Cli.Result result = Cli.run("ingest", "--help");

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
		assertThat(result.out()).first().asString().startsWith("Usage: lottrace ingest");
		assertThat(String.join(" ", result.out())).contains("  lottrace ingest sample-data/",
				"Exit codes: 0 done, 1 a file failed, 2 wrong usage or invalid mapping, 3 done with rejected rows or "
						+ "rows still pending, 4 --dry-run on a store that does not exist or holds nothing, 5 store "
						+ "busy (another process ingests or rebuilds the trace index).");
	}

	@Test
	void refusesAnUnknownOption() throws Exception {
		// when
		Cli.Result result = Cli.run("ingest", "--frobnicate", "sample-data");

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).containsExactly("lottrace: Unknown option: '--frobnicate'",
				"Try 'lottrace ingest --help'.");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void refusesASettingItCannotUseInOneLineThatSaysWhatToGive() throws Exception {
		// when: a codec no reader may have, and too little memory for DuckDB
		Cli.Result codec = Cli
			.start(List.of("-Dlottrace.store.compression=lz9"), "ingest", "--store",
					this.work.resolve("store").toString(), "sample-data/erp/ITEMS.csv")
			.await();
		Cli.Result memory = Cli
			.start(List.of("-Dlottrace.duckdb.memory-limit=12MB"), "ingest", "--store",
					this.work.resolve("store").toString(), "sample-data/erp/ITEMS.csv")
			.await();

		// then
		assertThat(codec.exitCode()).as(codec.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(codec.err()).containsExactly(
				"lottrace: setting lottrace.store.compression: 'lz9' is not one of zstd, snappy, gzip, uncompressed");
		assertThat(memory.exitCode()).as(memory.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(memory.err()).containsExactly("lottrace: setting lottrace.duckdb: memory-limit: 12MB is too little "
				+ "for DuckDB; give at least 64MB (2GB by default)");
	}

	@Test
	void refusesAFileThatDoesNotExist() throws Exception {
		// given
		Path missing = this.work.resolve("RCV_20261130.csv");

		// when
		Cli.Result result = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				missing.toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).containsExactly("lottrace: " + missing + ": no such file or folder");
	}

	@Test
	void refusesAnInvalidMappingListingItsProblems() throws Exception {
		// given
		Path jobs = Cli.copyOfJobs(this.work.resolve("jobs"));
		Files.writeString(jobs.resolve("erp-receiving.yml"),
				Files.readString(jobs.resolve("erp-receiving.yml")).replace("kind: receiving", "kind: recieving"));

		// when
		Cli.Result result = Cli.run("ingest", "--store", this.store.toString(), "--jobs", jobs.toString(),
				Cli.SAMPLE_DATA.resolve("erp/RCV_20261005.csv").toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).containsExactly("lottrace: invalid mapping: " + jobs,
				"  erp-receiving.yml: kind: unknown 'recieving'; one of receiving, shipping, transformation-input, "
						+ "transformation-output, harvesting, cooling, initial-packing, first-land-based-receiving, "
						+ "location, product");
	}

	@Test
	void exitsWithThreeWhenRowsWereRejectedOrArePendingAndListsThemApart() throws Exception {
		// when
		Cli.Result result = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				Cli.SAMPLE_DATA.resolve("erp/ITEMS.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/SITES.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/VENDORS.csv").toString(),
				Cli.SAMPLE_DATA.resolve("erp/RCV_20261012.csv").toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.REJECTS);
		assertThat(result.out()).anySatisfy((line) -> assertThat(line).startsWith(
				"  ingested  erp-receiving  RCV_20261012.csv: 9 read, 7 written, 1 rejected, 1 pending, 0 superseded in "));
		assertThat(result.out()).contains(
				"            rejected line 9: lot_code: missing: traceability lot code (or local lot number) is required "
						+ "(§ 1.1345(a)(1))",
				"            pending  line 10: waits for product FLOUR-WW-50 in master data (product_code "
						+ "'FLOUR-WW-50')",
				"            rejects: "
						+ this.store.resolve("rejects/erp-receiving/erp-receiving-502ba4f1839a.rejects.csv"),
				"            pending: "
						+ this.store.resolve("rejects/erp-receiving/erp-receiving-502ba4f1839a.pending.csv"));
		assertThat(result.out()).filteredOn((line) -> line.startsWith("Summary: "))
			.singleElement()
			.asString()
			.startsWith("Summary: 4 file(s): 4 ingested, 0 already in the store, 0 failed; 27 rows read, "
					+ "25 written, 1 rejected, 0 superseded; 1 pending in the store; ");
	}

	@Test
	void exitsWithOneWhenAnExportFails() throws Exception {
		// given
		Path export = Files.writeString(this.work.resolve("RCV_20261130.csv"),
				"Receipt No,Line,Rcv Date,Vendor No,Item No,Vendor Lot,Rcv Lot,Qty,UoM,PO No,Site\n"
						+ "RC-6001,1,11/30/2026,V100,FLOUR-AP-50,\"HM-2611,R10401,30,BAG,PO-88401,BAKERY-01\n");

		// when
		Cli.Result result = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
				export.toString());

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILED);
		assertThat(result.out()).anySatisfy((line) -> assertThat(line)
			.startsWith("  FAILED    erp-receiving  RCV_20261130.csv: RCV_20261130.csv: cannot read line 2: ")
			.endsWith(" (nothing of it was stored)"));
	}

	@Test
	void exitsWithFiveWhileAnotherProcessWritesToTheStore() throws Exception {
		// given
		Cli.Result result;
		try (StoreLock lock = StoreLock.tryAcquire(this.store.resolve(".lock")).orElseThrow()) {

			// when
			result = Cli.run("ingest", "--store", this.store.toString(), "--jobs", Cli.JOBS.toString(),
					Cli.SAMPLE_DATA.resolve("erp/SITES.csv").toString());
		}

		// then
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.BUSY);
		assertThat(result.err()).containsExactly("lottrace: another lottrace process is writing to the store "
				+ this.store + "; try again when it has finished");
	}

}
