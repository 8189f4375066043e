package org.lottrace.report;

import java.util.List;

import org.lottrace.trace.Gap;
import org.lottrace.trace.RecordSelection;

/**
 * What a records request found, as data ({@code records.json} in its report folder): how
 * many records, and what the request could not see in its scope.
 *
 * @param subject the request in words
 * @param records the records selected
 * @param complete whether nothing in its scope was rejected, pending or unlinked
 * @param verdict the same in words
 * @param gaps every gap, with the export line it comes from
 */
public record RecordsAnswer(String subject, int records, boolean complete, String verdict,
		List<TraceAnswers.GapEntry> gaps) {

	public static RecordsAnswer of(RecordSelection selection) {
		List<Gap> gaps = selection.gaps();
		return new RecordsAnswer(selection.request().subject(), selection.events().size(), gaps.isEmpty(),
				Gap.verdict(gaps), gaps.stream().map(TraceAnswers.GapEntry::of).toList());
	}

}
