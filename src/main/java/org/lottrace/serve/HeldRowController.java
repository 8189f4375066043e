package org.lottrace.serve;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lottrace.store.HeldRow;
import org.lottrace.trace.TraceService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The export rows that did not become records, apart by what they need: pending rows wait
 * for other data (a product, a location, a unit) and become records by themselves once it
 * is there; rejected rows are wrong in themselves and need a corrected export.
 */
@RestController
@Tag(name = "Ingestion")
public class HeldRowController {

	private final TraceService traces;

	public HeldRowController(TraceService traces) {
		this.traces = traces;
	}

	/**
	 * One row held back.
	 *
	 * @param waitsFor what a pending row waits for; null for a rejected row
	 * @param reason every reason, {@code field: reason; ...}
	 * @param row the row's fields as read from the export
	 */
	public record HeldRowView(String source, String file, long line, String kind, @Nullable String lotCode,
			@Nullable String workOrder, @Nullable String waitsFor, String reason, List<String> row) {

		static HeldRowView of(HeldRow held) {
			return new HeldRowView(held.provenance().source(), held.provenance().file(), held.provenance().line(),
					held.kind(), held.text("lot_code"), held.text("work_order"),
					held.pending() ? held.waitsFor() : null, held.reasons(), held.raw());
		}

	}

	@GetMapping("/api/pending")
	@Operation(summary = "The rows held as pending that still wait for other data, newest ingestion first")
	List<HeldRowView> pending(@RequestParam(defaultValue = "200") int limit) {
		return list(true, limit);
	}

	@GetMapping("/api/rejected")
	@Operation(summary = "The rows rejected as wrong in themselves, newest ingestion first")
	List<HeldRowView> rejected(@RequestParam(defaultValue = "200") int limit) {
		return list(false, limit);
	}

	private List<HeldRowView> list(boolean pending, int limit) {
		if (limit < 1 || limit > 5000) {
			throw new ApiErrors.BadRequest("limit: give a number from 1 to 5000");
		}
		return this.traces.heldRows(pending, limit).stream().map(HeldRowView::of).toList();
	}

}
