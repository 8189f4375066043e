package org.lottrace.plan;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.IngestProperties;
import org.lottrace.ingest.JobsDirectory;
import org.lottrace.plan.PlanContent.Keeping;
import org.lottrace.plan.PlanDocument.VersionBlock;
import org.lottrace.plan.PlanVersions.Rendered;
import org.lottrace.plan.PlanVersions.Version;
import org.lottrace.report.ReportProperties;
import org.lottrace.store.DuckDb;
import org.lottrace.store.StoreCatalog;
import org.lottrace.store.StoreMasterData;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Keeps the traceability plan up to date: reads the configuration (mappings, master data
 * from the committed store, settings), and writes a new dated version into the plans
 * folder when what the plan says changed. Master data is read from the store's Parquet
 * files, not the trace index, so the plan can be written while the service runs.
 */
@Service
public class TraceabilityPlans {

	private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private final PlanProperties properties;

	private final IngestProperties ingest;

	private final StoreCatalog catalog;

	private final DuckDb duckDb;

	private final ReportProperties reports;

	private final Clock clock;

	private final Environment environment;

	private final PlanVersions versions;

	public TraceabilityPlans(PlanProperties properties, IngestProperties ingest, StoreCatalog catalog, DuckDb duckDb,
			ReportProperties reports, Clock clock, Environment environment) {
		this.properties = properties;
		this.ingest = ingest;
		this.catalog = catalog;
		this.duckDb = duckDb;
		this.reports = reports;
		this.clock = clock;
		this.environment = environment;
		this.versions = new PlanVersions(properties.root());
	}

	/**
	 * A version of the plan.
	 *
	 * @param effective the day it took effect
	 * @param supersededOn the day the next version took effect, or {@code null} for the
	 * current one
	 * @param keepUntil the first day it may be discarded: two years after it was
	 * superseded (§ 1.1315(c)); lottrace itself never discards one
	 */
	public record PlanVersion(String name, LocalDate effective, @Nullable LocalDate supersededOn,
			@Nullable LocalDate keepUntil, boolean current, Path html, Path markdown) {

	}

	/**
	 * The plan after {@link #update()}.
	 *
	 * @param written whether a new version was written (the content had changed)
	 * @param superseded the version the new one superseded, if one was written and there
	 * was one
	 * @param warnings what the plan lacks (a point of contact, foods, a farm map)
	 */
	public record PlanUpdate(PlanVersion current, boolean written, @Nullable PlanVersion superseded,
			List<String> warnings) {

	}

	/** Writes a new version when what the plan says differs from the latest version. */
	public PlanUpdate update() {
		PlanContent content = content();
		LocalDate today = LocalDate.now(this.clock);
		String writtenAt = WRITTEN.format(this.clock.instant().atZone(ZoneId.systemDefault()));
		Optional<Version> written = this.versions.writeIfChanged(today, PlanDocument.contentSha256(content),
				(superseded) -> {
					VersionBlock block = VersionBlock.of(today, superseded, writtenAt);
					return new Rendered(PlanDocument.markdown(content, block), PlanDocument.html(content, block));
				});
		List<PlanVersion> all = versions();
		PlanVersion superseded = (written.isPresent() && all.size() > 1) ? all.get(all.size() - 2) : null;
		return new PlanUpdate(all.get(all.size() - 1), written.isPresent(), superseded, warnings(content));
	}

	/** Every version, oldest first, with how long each must be kept. */
	public List<PlanVersion> versions() {
		List<Version> versions = this.versions.list();
		List<PlanVersion> views = new ArrayList<>();
		for (int i = 0; i < versions.size(); i++) {
			Version version = versions.get(i);
			LocalDate superseded = (i + 1 < versions.size()) ? versions.get(i + 1).date() : null;
			views.add(new PlanVersion(version.name(), version.date(), superseded,
					(superseded != null) ? superseded.plusYears(2) : null, i == versions.size() - 1, version.html(),
					version.markdown()));
		}
		return views;
	}

	/** A version by name ({@code traceability-plan-2026-11-23}). */
	public Optional<PlanVersion> version(String name) {
		return versions().stream().filter((v) -> v.name().equals(name)).findFirst();
	}

	public Path root() {
		return this.versions.root();
	}

	PlanContent content() {
		JobsDirectory jobs = JobsDirectory.read(this.ingest.jobs());
		StoreMasterData master = StoreMasterData.load(this.catalog, this.duckDb);
		Keeping keeping = new Keeping(this.catalog.layout().root().toString(),
				this.reports.root().toAbsolutePath().normalize().toString(), setting("lottrace.serve.schedule"),
				path("lottrace.serve.inbox"), path("lottrace.requests.log"));
		return PlanContent.of(jobs, List.copyOf(master.locations()), List.copyOf(master.products()),
				this.properties.pointOfContact(), this.properties.farmMap(), keeping);
	}

	private static List<String> warnings(PlanContent content) {
		List<String> warnings = new ArrayList<>();
		if (!content.contact().complete()) {
			warnings.add("no point of contact is set (§ 1.1315(a)(4)): set lottrace.plan.contact.name and its "
					+ "phone or email; the plan says \"not set\"");
		}
		if (content.foods().isEmpty()) {
			warnings.add("no product of the master data has a Food Traceability List category");
		}
		if (content.grower() && content.farmMap().startsWith(PlanContent.NOT_SET)) {
			warnings.add("the sources hold harvesting records, so the plan needs a farm map (§ 1.1315(a)(5)): "
					+ "set lottrace.plan.farm-map to where it is kept");
		}
		return warnings;
	}

	private String setting(String name) {
		return this.environment.getProperty(name, PlanContent.NOT_SET);
	}

	private String path(String name) {
		String value = this.environment.getProperty(name);
		return (value != null) ? Path.of(value).toAbsolutePath().normalize().toString() : PlanContent.NOT_SET;
	}

}
