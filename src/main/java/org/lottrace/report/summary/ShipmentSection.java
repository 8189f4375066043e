package org.lottrace.report.summary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.report.ReportFormat;
import org.lottrace.report.TraceNames;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceAnalysis.Ingredient;
import org.lottrace.trace.TraceAnalysis.Shipment;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * The third answer: who else received product from the batch or from a lot that shares
 * one of its ingredient lots. The batch's own customers come first; the other shipments
 * are grouped by the shared ingredient lot they are reached through, Food Traceability
 * List ingredients first. Each shipment is listed once, under the first of its lots in
 * that order; its "via" column names all of them.
 */
public final class ShipmentSection {

	/** The contact list, then the shipments group by group. */
	public record ShipmentView(List<ContactRow> contacts, List<ShipmentGroup> groups, int shipments) {

	}

	/** Shipments reached through one lot. */
	record ShipmentGroup(String title, String detail, boolean ofBatch, int customers, int count,
			List<ShipmentRow> rows) {

	}

	/** One shipment of one lot to one customer location. */
	record ShipmentRow(String date, String customer, String address, String phone, String lot, String product,
			String quantity, String billOfLading, String via) {

	}

	/** One customer location to call. */
	record ContactRow(String customer, String phone, String address, int shipmentCount, String lots,
			boolean batchCustomer) {

	}

	private ShipmentSection() {
	}

	public static ShipmentView of(TraceAnalysis analysis, TraceNames names) {
		List<TracedLot> start = analysis.result().start();
		Set<Integer> startIds = start.stream().map(TracedLot::id).collect(Collectors.toSet());
		List<Shipment> remaining = new ArrayList<>(analysis.shipments());
		List<ShipmentGroup> groups = new ArrayList<>();
		List<Shipment> ofBatch = take(remaining, startIds);
		if (!ofBatch.isEmpty()) {
			String what = start.stream().allMatch(names::madeHere) ? "batch" : "traced lot";
			groups.add(group("Customers of the " + what + " " + names.lots(start),
					"shipments of the " + what + " and of lots made from it", true, ofBatch, startIds, names));
		}
		for (Ingredient ingredient : names.sharedLotOrder(analysis)) {
			TracedLot lot = ingredient.lot();
			List<Shipment> through = take(remaining, Set.of(lot.id()));
			if (!through.isEmpty()) {
				String of = names.madeHere(lot) ? " (made here)" : " of " + names.supplierName(lot);
				groups.add(group("Through " + lot.code() + of, sharedLotDetail(ingredient, names), false, through, null,
						names));
			}
		}
		if (!remaining.isEmpty()) {
			groups.add(group("Other shipments reached", "", false, remaining, null, names));
		}
		return new ShipmentView(contacts(analysis, startIds, names), List.copyOf(groups), analysis.shipments().size());
	}

	private static String sharedLotDetail(Ingredient ingredient, TraceNames names) {
		String ftl = names.ftlCategory(ingredient.productCode());
		return names.product(ingredient.productCode()) + ((ftl != null) ? ", Food Traceability List: " + ftl : "")
				+ ", ingredient level " + ingredient.depth();
	}

	/** Removes and returns the shipments reached through any of the given lots. */
	private static List<Shipment> take(List<Shipment> shipments, Set<Integer> lots) {
		List<Shipment> taken = new ArrayList<>();
		shipments.removeIf((s) -> s.via().stream().anyMatch((v) -> lots.contains(v.id())) && taken.add(s));
		return taken;
	}

	private static ShipmentGroup group(String title, String detail, boolean ofBatch, List<Shipment> shipments,
			@Nullable Set<Integer> viaOnly, TraceNames names) {
		List<ShipmentRow> rows = shipments.stream().map((s) -> row(s, viaOnly, names)).toList();
		int customers = (int) shipments.stream().map((s) -> s.event().locations().partner()).distinct().count();
		return new ShipmentGroup(title, detail, ofBatch, customers, rows.size(), rows);
	}

	private static ShipmentRow row(Shipment shipment, @Nullable Set<Integer> viaOnly, TraceNames names) {
		KdeEvent event = shipment.event();
		String partner = event.locations().partner();
		List<TracedLot> via = shipment.via()
			.stream()
			.filter((v) -> viaOnly == null || viaOnly.contains(v.id()))
			.toList();
		String product = (event.productCode() != null) ? event.productCode() : names.productCode(shipment.lot());
		return new ShipmentRow(event.eventDate().toString(), names.party(partner), names.address(partner),
				names.phone(partner), names.lot(shipment.lot()), names.product(product),
				ReportFormat.quantity(event.quantity()), (event.reference() != null) ? event.reference().number() : "",
				names.lots(via));
	}

	private static List<ContactRow> contacts(TraceAnalysis analysis, Set<Integer> startIds, TraceNames names) {
		Map<String, List<Shipment>> byPartner = new LinkedHashMap<>();
		Comparator<Shipment> batchFirst = Comparator.comparing((Shipment s) -> !fromBatch(s, startIds))
			.thenComparing((s) -> names.party(s.event().locations().partner()));
		analysis.shipments()
			.stream()
			.sorted(batchFirst)
			.forEach((s) -> byPartner
				.computeIfAbsent(Objects.toString(s.event().locations().partner(), ""), (k) -> new ArrayList<>())
				.add(s));
		List<ContactRow> contacts = new ArrayList<>();
		byPartner.forEach((partner, shipments) -> {
			Set<String> lots = new LinkedHashSet<>();
			shipments.forEach((s) -> lots.add(names.lot(s.lot())));
			contacts.add(new ContactRow(names.party(partner), names.phone(partner), names.address(partner),
					shipments.size(), String.join(", ", lots), fromBatch(shipments.get(0), startIds)));
		});
		return List.copyOf(contacts);
	}

	private static boolean fromBatch(Shipment shipment, Set<Integer> startIds) {
		return shipment.ofTheBatch();
	}

}
