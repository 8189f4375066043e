package org.lottrace.serve;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.lottrace.trace.TraceService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The products of the master data, for choosing one to trace. */
@RestController
@Tag(name = "Master data")
public class ProductController {

	private final TraceService traces;

	public ProductController(TraceService traces) {
		this.traces = traces;
	}

	/**
	 * A product: its code, name and Food Traceability List category (null when not on the
	 * list).
	 */
	public record ProductView(String code, String name, @Nullable String ftlCategory, String baseUnit) {

	}

	@GetMapping("/api/products")
	@Operation(summary = "Every product of the master data")
	List<ProductView> products() {
		return this.traces.products()
			.stream()
			.map((p) -> new ProductView(p.code(), p.name(), p.ftlCategory(), p.baseUnit()))
			.toList();
	}

}
