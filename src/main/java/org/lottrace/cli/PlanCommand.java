package org.lottrace.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.plan.TraceabilityPlans;
import org.lottrace.plan.TraceabilityPlans.PlanUpdate;
import org.lottrace.plan.TraceabilityPlans.PlanVersion;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
		description = { "Write the traceability plan (21 CFR 1.1315) from the configuration: the Food Traceability "
				+ "List foods of the master data, how each source in jobs/ assigns lot codes and where its records "
				+ "come from, how records are kept and produced for FDA, and the point of contact "
				+ "(lottrace.plan.contact.name, .phone, .email).",
				"A new version (HTML and Markdown, named by its date) is written into the plans folder only when "
						+ "what the plan says changed. Versions are never deleted: keep a superseded one at least "
						+ "two years (§ 1.1315(c))." },
		footer = { "", "Examples:", "  lottrace plan", "  lottrace plan --list",
				"  lottrace plan --config site.yml --plans /srv/quality/plans", "",
				"Exit codes: 0 done (warnings, such as a missing point of contact, are printed), 2 wrong usage or "
						+ "an invalid mapping." })
class PlanCommand implements SpringCommand {

	@Option(names = "--plans", paramLabel = "DIR", description = "The plans folder (default: ./plans).")
	@Nullable Path plans;

	@Option(names = "--list", description = "List the versions and how long each must be kept; write nothing.")
	boolean list;

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.plans != null) {
			properties.put("lottrace.plan.root", this.plans.toAbsolutePath().toString());
		}
		return properties;
	}

	@Override
	public int call(ConfigurableApplicationContext context) {
		TraceabilityPlans plans = context.getBean(TraceabilityPlans.class);
		Console console = new Console();
		if (this.list) {
			list(console, plans);
			return ExitCodes.OK;
		}
		PlanUpdate update = plans.update();
		PlanVersion current = update.current();
		if (update.written()) {
			PlanVersion previous = update.superseded();
			console
				.println(
						"Traceability plan: new version " + current.effective()
								+ ((previous != null) ? " (supersedes " + previous.effective()
										+ "; keep that one until at least " + previous.keepUntil() + ")"
										: " (the first)"));
		}
		else {
			console.println("Traceability plan: unchanged since version " + current.effective());
		}
		console.println("  " + current.html());
		console.println("  " + current.markdown());
		update.warnings().forEach((warning) -> System.err.println("lottrace: warning: " + warning));
		return ExitCodes.OK;
	}

	private static void list(Console console, TraceabilityPlans plans) {
		if (plans.versions().isEmpty()) {
			console.println("No traceability plan in " + plans.root() + " yet: run lottrace plan");
			return;
		}
		console.printf("%-32s %-11s %-14s %s%n", "version", "effective", "superseded", "keep until at least");
		for (PlanVersion v : plans.versions()) {
			console.printf("%-32s %-11s %-14s %s%n", v.name(), v.effective(),
					(v.supersededOn() != null) ? v.supersededOn() : "current",
					(v.keepUntil() != null) ? v.keepUntil() : "in effect");
		}
	}

}
