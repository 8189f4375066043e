package org.lottrace.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Cte;
import org.lottrace.kde.EventRole;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * How the reports name what a trace found: business names and addresses of locations,
 * product names, and lots. A lot code that two suppliers use is always named with its
 * supplier ({@code L2301 (Dairy Gold Creamery)}) so that nobody confuses the two lots.
 */
public final class TraceNames {

	private final TraceResult result;

	private final Map<Integer, List<KdeEvent>> eventsByLot = new HashMap<>();

	private final Map<String, List<TracedLot>> lotsByCode;

	private final Set<Integer> start;

	public TraceNames(TraceResult result) {
		this.result = result;
		for (KdeEvent event : result.events()) {
			Integer lot = result.eventLots().get(event.recordKey());
			if (lot != null) {
				this.eventsByLot.computeIfAbsent(lot, (k) -> new ArrayList<>()).add(event);
			}
		}
		this.lotsByCode = result.lots().values().stream().collect(Collectors.groupingBy(TracedLot::code));
		this.start = result.start().stream().map(TracedLot::id).collect(Collectors.toSet());
	}

	/** Whether the request named this lot. */
	public boolean isStart(TracedLot lot) {
		return this.start.contains(lot.id());
	}

	/**
	 * Whether the lot was reached only going forward: a lot made from the traced ones.
	 */
	public boolean isLater(TracedLot lot) {
		return lot.backwardDepth() < 0 && !isStart(lot);
	}

	TraceResult result() {
		return this.result;
	}

	public List<KdeEvent> events(TracedLot lot) {
		return this.eventsByLot.getOrDefault(lot.id(), List.of());
	}

	/** The lot's code, with its supplier when another lot reached has the same code. */
	public String lot(TracedLot lot) {
		return sharedCode(lot) ? lot.code() + " (" + supplierName(lot) + ")" : lot.code();
	}

	public String lots(List<TracedLot> lots) {
		return lots.stream().map(this::lot).collect(Collectors.joining(", "));
	}

	public boolean sharedCode(TracedLot lot) {
		return this.lotsByCode.getOrDefault(lot.code(), List.of()).size() > 1;
	}

	/** The suppliers of the other lots reached that have this lot's code. */
	public List<String> sameCodeSuppliers(TracedLot lot) {
		return this.lotsByCode.getOrDefault(lot.code(), List.of())
			.stream()
			.filter((other) -> other.id() != lot.id())
			.map(this::supplierName)
			.toList();
	}

	/** Whether the lot was made here: it has a transformation output record. */
	public boolean madeHere(TracedLot lot) {
		return events(lot).stream().anyMatch((e) -> e.cte() == Cte.TRANSFORMATION && e.role() == EventRole.OUTPUT);
	}

	/** Business name of whoever assigned the lot code. */
	public String supplierName(TracedLot lot) {
		return party(lot.assigner());
	}

	/** The supplier, or {@code made here (Sunrise Bakery)} for a lot made on site. */
	public String supplier(TracedLot lot) {
		return madeHere(lot) ? "made here (" + supplierName(lot) + ")" : supplierName(lot);
	}

	public @Nullable String productCode(TracedLot lot) {
		return events(lot).stream()
			.filter((e) -> e.role() != EventRole.INPUT)
			.map(KdeEvent::productCode)
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	public String product(@Nullable String code) {
		Product product = (code != null) ? this.result.products().get(code) : null;
		return (product != null) ? product.name() : (code != null) ? code : "";
	}

	/** The Food Traceability List category of a product, or {@code null}. */
	public @Nullable String ftlCategory(@Nullable String code) {
		Product product = (code != null) ? this.result.products().get(code) : null;
		return (product != null) ? product.ftlCategory() : null;
	}

	public String party(@Nullable String code) {
		Location location = location(code);
		return (location != null) ? location.businessName() : (code != null) ? code : "";
	}

	public String phone(@Nullable String code) {
		Location location = location(code);
		return (location != null && location.phone() != null) ? location.phone() : "";
	}

	/** Street, city, state and ZIP, country. */
	public String address(@Nullable String code) {
		Location location = location(code);
		if (location == null) {
			return "";
		}
		String cityLine = Stream.of(location.city(), join(" ", location.state(), location.postalCode()))
			.filter((p) -> p != null && !p.isBlank())
			.collect(Collectors.joining(", "));
		return join(", ", location.street(), cityLine, location.country());
	}

	/**
	 * The ingredient lots of a trace in the order the reports go through them when they
	 * look for other lots made from the same ingredient: Food Traceability List foods
	 * first, then nearest first. The shipment groups of the summary and the genealogy's
	 * "+N more lots" boxes follow it.
	 */
	public List<Ingredient> sharedLotOrder(TraceAnalysis analysis) {
		return analysis.ingredients()
			.stream()
			.sorted(Comparator.comparing((Ingredient i) -> ftlCategory(i.productCode()) == null))
			.toList();
	}

	private @Nullable Location location(@Nullable String code) {
		return (code != null) ? this.result.locations().get(code) : null;
	}

	private static String join(String separator, @Nullable String... parts) {
		return Stream.of(parts).filter((p) -> p != null && !p.isBlank()).collect(Collectors.joining(separator));
	}

}
