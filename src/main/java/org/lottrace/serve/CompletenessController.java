package org.lottrace.serve;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lottrace.completeness.CompletenessReport;
import org.lottrace.completeness.KdeCompleteness;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * KDE completeness: what the records lack and the rows held back, by source, CTE and
 * month, and the master data to fix, so that gaps are closed before FDA asks.
 */
@RestController
@Tag(name = "Ingestion")
public class CompletenessController {

	private final KdeCompleteness completeness;

	public CompletenessController(KdeCompleteness completeness) {
		this.completeness = completeness;
	}

	@GetMapping("/api/completeness")
	@Operation(summary = "Missing KDEs, inputs not linked, and pending and rejected rows by source, CTE and month "
			+ "(from and to: yyyy-MM, either open), with the master data to add or complete")
	CompletenessReport completeness(@RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		YearMonth first = month("from", from);
		YearMonth last = month("to", to);
		if (first != null && last != null && first.isAfter(last)) {
			throw new ApiErrors.BadRequest("from: " + first + " is after to: " + last);
		}
		return this.completeness.check(first, last);
	}

	private static @Nullable YearMonth month(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			if (text.strip().matches("\\d{4}-\\d{2}")) {
				return YearMonth.parse(text.strip());
			}
		}
		catch (DateTimeParseException ex) {
			// as any other text that is not a month
		}
		throw new ApiErrors.BadRequest(field + ": not a month; use yyyy-MM");
	}

}
