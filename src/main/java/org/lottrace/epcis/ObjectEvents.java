package org.lottrace.epcis;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.FarmKdes;
import org.lottrace.kde.KdeEvent;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CTEs that are one record per lot, as ObjectEvents:
 * <ul>
 * <li>receiving: OBSERVE, bizStep {@code receiving}, disposition {@code in_progress}, the
 * previous source in {@code sourceList};</li>
 * <li>shipping: OBSERVE, {@code shipping}, {@code in_transit}, the recipient in
 * {@code destinationList};</li>
 * <li>harvesting (§ 1.1325(a)) and first land-based receiving (§ 1.1335): ADD,
 * {@code creating_class_instance}, {@code active}, as the GS1 US FSMA 204 guideline maps
 * them, with the harvest dates, growing area and catch area as ILMD;</li>
 * <li>cooling (§ 1.1325(b)): OBSERVE, bizStep {@code other} (the guideline's cooling
 * step), the farm where harvested as an extension (an OBSERVE event carries no
 * ILMD).</li>
 * </ul>
 * The quantity's class is the lot, or before any lot (harvesting, cooling) the product.
 */
final class ObjectEvents {

	private final EventParts parts;

	ObjectEvents(EventParts parts) {
		this.parts = parts;
	}

	ObjectNode of(KdeEvent record) {
		boolean creates = switch (record.cte()) {
			case HARVESTING, FIRST_LAND_BASED_RECEIVING -> true;
			default -> false;
		};
		ObjectNode event = this.parts.start("ObjectEvent", record.eventDate(), record.eventTime(), record.recordKey());
		event.putArray("quantityList")
			.add(this.parts.quantity(this.parts.epcClass(record), record.quantity(), record.normalizedQuantity()));
		event.put("action", creates ? "ADD" : "OBSERVE");
		switch (record.cte()) {
			case RECEIVING -> step(event, "receiving", "in_progress");
			case SHIPPING -> step(event, "shipping", "in_transit");
			case COOLING -> step(event, "other", "in_progress");
			default -> step(event, "creating_class_instance", "active");
		}
		this.parts.place(event, record.locations().location());
		this.parts.transactions(event, EventParts.documents(record));
		String partner = record.locations().partner();
		switch (record.cte()) {
			case RECEIVING, FIRST_LAND_BASED_RECEIVING -> this.parts.partner(event, "sourceList", partner);
			default -> this.parts.partner(event, "destinationList", partner);
		}
		if (creates) {
			ilmd(event, record.farm());
		}
		else if (record.farm().harvestLocation() != null) {
			event.put("lottrace:harvestLocation", this.parts.location(record.farm().harvestLocation()));
		}
		this.parts.tlcSource(event, record);
		return event;
	}

	private static void step(ObjectNode event, String bizStep, String disposition) {
		event.put("bizStep", bizStep);
		event.put("disposition", disposition);
	}

	/** Lot master data of the lot or harvest the event creates (CBV 2.0, 8.3). */
	private static void ilmd(ObjectNode event, FarmKdes farm) {
		ObjectNode ilmd = EventParts.JSON.objectNode();
		date(ilmd, "cbvmda:harvestStartDate", farm.harvestDate());
		date(ilmd, "cbvmda:harvestEndDate", farm.harvestEndDate());
		if (farm.catchArea() != null) {
			ilmd.putObject("cbvmda:vesselCatchInformationList")
				.putArray("cbvmda:vesselCatchInformation")
				.addObject()
				.put("cbvmda:catchArea", farm.catchArea());
		}
		if (farm.growingArea() != null) {
			ilmd.put("lottrace:growingArea", farm.growingArea());
		}
		if (!ilmd.isEmpty()) {
			event.set("ilmd", ilmd);
		}
	}

	private static void date(ObjectNode node, String name, @Nullable LocalDate date) {
		if (date != null) {
			node.put(name, date.toString());
		}
	}

}
