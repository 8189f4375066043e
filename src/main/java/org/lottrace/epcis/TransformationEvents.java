package org.lottrace.epcis;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.lottrace.kde.EventRole;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Transformations as TransformationEvents, as the GS1 US FSMA 204 guideline maps them
 * (bizStep {@code creating_class_instance}, disposition {@code active}):
 * <ul>
 * <li>a work order: the input lots with the quantity used from each
 * ({@code inputQuantityList}, § 1.1350(a)(1)) and the lots it produced
 * ({@code outputQuantityList}, § 1.1350(a)(2)) in one event, its {@code transformationID}
 * the work order, so that events of the same work order from several documents join
 * up;</li>
 * <li>initial packing (§ 1.1330): the commodity received in, the packed lot out, the
 * harvest and cooling KDEs as ILMD of the new lot.</li>
 * </ul>
 */
final class TransformationEvents {

	private final EventParts parts;

	TransformationEvents(EventParts parts) {
		this.parts = parts;
	}

	/** One event per work order of the transformation records, made as it is read. */
	Stream<ObjectNode> workOrders(List<KdeEvent> records) {
		Map<String, List<KdeEvent>> byWorkOrder = records.stream()
			.collect(Collectors.groupingBy((r) -> (r.workOrder() != null) ? r.workOrder() : r.recordKey(),
					LinkedHashMap::new, Collectors.toList()));
		return byWorkOrder.entrySet().stream().map((group) -> workOrder(group.getKey(), group.getValue()));
	}

	private ObjectNode workOrder(String workOrder, List<KdeEvent> records) {
		List<KdeEvent> outputs = records.stream().filter((r) -> r.role() == EventRole.OUTPUT).toList();
		KdeEvent latest = (outputs.isEmpty() ? records : outputs).stream()
			.max(Comparator.comparing(KdeEvent::eventDate)
				.thenComparing((r) -> (r.eventTime() != null) ? r.eventTime() : r.eventDate().atStartOfDay()))
			.orElseThrow();
		ObjectNode event = this.parts.start("TransformationEvent", latest.eventDate(), latest.eventTime(),
				"workorder|" + workOrder + "|" + records.stream().map(KdeEvent::recordKey).sorted().toList());
		quantities(event, "inputQuantityList", records, EventRole.INPUT);
		quantities(event, "outputQuantityList", records, EventRole.OUTPUT);
		event.put("transformationID", EpcisUris.workOrder(workOrder));
		event.put("bizStep", "creating_class_instance");
		event.put("disposition", "active");
		this.parts.place(event, latest.locations().location());
		this.parts.transactions(event, records.stream().flatMap((r) -> EventParts.documents(r).stream()).toList());
		if (!outputs.isEmpty()) {
			this.parts.tlcSource(event, outputs.get(0));
		}
		return event;
	}

	private void quantities(ObjectNode event, String list, List<KdeEvent> records, EventRole role) {
		List<KdeEvent> side = records.stream().filter((r) -> r.role() == role).toList();
		if (!side.isEmpty()) {
			ArrayNode quantities = event.putArray(list);
			side.forEach((r) -> quantities
				.add(this.parts.quantity(this.parts.epcClass(r), r.quantity(), r.normalizedQuantity())));
		}
	}

	/** Initial packing: the commodity received becomes a packed, lot-coded food. */
	ObjectNode initialPacking(KdeEvent record) {
		FarmKdes farm = record.farm();
		ObjectNode event = this.parts.start("TransformationEvent", record.eventDate(), record.eventTime(),
				record.recordKey());
		if (farm.receivedProductCode() != null && farm.receivedQuantity() != null) {
			event.putArray("inputQuantityList")
				.add(this.parts.quantity(this.parts.product(farm.receivedProductCode()), farm.receivedQuantity(),
						null));
		}
		event.putArray("outputQuantityList")
			.add(this.parts.quantity(this.parts.epcClass(record), record.quantity(), record.normalizedQuantity()));
		event.put("transformationID", EpcisUris.urn("packing", record.recordKey()));
		event.put("bizStep", "creating_class_instance");
		event.put("disposition", "active");
		this.parts.place(event, record.locations().location());
		this.parts.transactions(event, EventParts.documents(record));
		this.parts.partner(event, "sourceList", farm.harvestLocation());
		ObjectNode ilmd = event.putObject("ilmd");
		put(ilmd, "cbvmda:harvestStartDate", farm.harvestDate());
		put(ilmd, "lottrace:receivedDate", farm.receivedDate());
		put(ilmd, "lottrace:growingArea", farm.growingArea());
		put(ilmd, "lottrace:harvesterBusinessName", farm.harvesterBusinessName());
		put(ilmd, "lottrace:harvesterPhone", farm.harvesterPhone());
		put(ilmd, "lottrace:coolingDate", farm.coolingDate());
		if (farm.coolingLocation() != null) {
			ilmd.put("lottrace:coolingLocation", this.parts.location(farm.coolingLocation()));
		}
		this.parts.tlcSource(event, record);
		return event;
	}

	private static void put(ObjectNode node, String name, @org.jspecify.annotations.Nullable Object value) {
		if (value != null) {
			node.put(name, value.toString());
		}
	}

}
