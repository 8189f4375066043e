package org.lottrace.cli;

import java.util.List;

import org.lottrace.ingest.IngestPreview;
import org.lottrace.kde.KdeViolation;

/** Prints what the rows of exports would become ({@code ingest --dry-run}). */
final class PreviewText {

	private final Console console;

	PreviewText(Console console) {
		this.console = console;
	}

	/**
	 * @return {@link ExitCodes#REJECTS} when a row would be rejected or pending
	 */
	int print(List<IngestPreview> previews) {
		long held = 0;
		for (IngestPreview preview : previews) {
			this.console.println(preview.file() + " (source " + preview.mapping().source() + ", kind "
					+ preview.mapping().kind().code() + "), first " + preview.rows().size() + " row(s):");
			for (IngestPreview.Row row : preview.rows()) {
				if (row.record() != null) {
					this.console.println("  line " + row.line() + "  " + row.record());
					continue;
				}
				held++;
				this.console.println("  line " + row.line() + "  " + (row.pending() ? "PENDING " : "REJECTED"));
				for (KdeViolation v : row.violations()) {
					this.console.println("           " + v.field() + ((v.value() != null) ? " '" + v.value() + "'" : "")
							+ ": " + v.reason() + ((v.waitsFor() != null) ? " (waits for " + v.waitsFor() + ")" : ""));
				}
			}
		}
		this.console.println("Dry run: nothing was written; " + held + " row(s) would be held back.");
		return (held > 0) ? ExitCodes.REJECTS : ExitCodes.OK;
	}

}
