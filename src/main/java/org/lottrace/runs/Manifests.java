package org.lottrace.runs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.lottrace.report.Manifest;
import org.lottrace.report.ReportFolder;
import org.lottrace.store.StoreCatalog;
import org.lottrace.trace.TraceAnalysis;
import org.springframework.batch.core.job.parameters.JobParameters;

/** Builds the {@link Manifest} of a report folder. */
final class Manifests {

	private Manifests() {
	}

	static Manifest of(TraceWork work, JobParameters parameters, StoreCatalog catalog, Map<String, Long> timings,
			ReportFolder folder, Instant finished) {
		Map<String, Object> request = new LinkedHashMap<>();
		parameters.parameters().forEach((p) -> request.put(p.name(), String.valueOf(p.value())));
		Set<String> commits = catalog.commits().committedFileIds();
		Map<String, Object> store = new LinkedHashMap<>();
		store.put("root", catalog.layout().root().toString());
		store.put("ingestions", commits.size());
		if (work.snapshot != null) {
			// the state of the store read: `--as-of` with this id reads the same records
			// again
			store.put("snapshot", Long.toString(work.snapshot.snapshotId()));
			store.put("snapshotCommittedAt", work.snapshot.committedAt().toString());
			Map<String, String> tables = new java.util.TreeMap<>();
			work.snapshot.tables().forEach((table, id) -> tables.put(table, Long.toString(id)));
			store.put("tableSnapshots", tables);
			store.put("asOf", work.pastCatalog != null);
		}
		Map<String, Object> counts = new LinkedHashMap<>();
		if (work.findings != null) {
			TraceAnalysis analysis = work.findings.analysis();
			counts.put("lots", analysis.result().lots().size());
			counts.put("links", analysis.result().links().size());
			counts.put("records", analysis.result().events().size());
			counts.put("shipments", analysis.shipments().size());
			counts.put("gaps", work.findings.gaps().size());
			counts.put("complete", work.findings.complete());
		}
		if (work.records != null) {
			counts.put("records", work.records.events().size());
			counts.put("gaps", work.records.gaps().size());
			counts.put("complete", work.records.gaps().isEmpty());
		}
		return new Manifest(version(), finished, request, store, counts, new LinkedHashMap<>(timings),
				Manifest.files(folder.path()));
	}

	/**
	 * lottrace's version, from the jar's manifest; {@code development} when run from
	 * classes.
	 */
	static String version() {
		String version = Manifests.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

}
