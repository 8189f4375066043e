package org.lottrace.report.fda;

import static org.lottrace.report.fda.KdeColumns.commodity;
import static org.lottrace.report.fda.KdeColumns.location;
import static org.lottrace.report.fda.KdeColumns.product;
import static org.lottrace.report.fda.KdeColumns.quantity;
import static org.lottrace.report.fda.KdeColumns.references;

import java.util.ArrayList;
import java.util.List;

import org.lottrace.kde.Cte;

/**
 * The column layout of each CTE sheet: the one place both writers read. Receiving,
 * Shipping and Transformation follow FDA's sortable-spreadsheet template (columns A–AJ
 * and A–AE); the four farm and seafood sheets, whose layout FDA has not published, list
 * the KDEs of § 1.1325(a), § 1.1325(b), § 1.1330(a) and § 1.1335 in the rule's order,
 * split the same way.
 */
final class CteLayouts {

	private CteLayouts() {
	}

	/** The worksheet name of a CTE sheet. */
	static String sheetName(Cte cte) {
		return switch (cte) {
			case HARVESTING -> "Harvesting";
			case COOLING -> "Cooling";
			case INITIAL_PACKING -> "Initial Packing";
			case FIRST_LAND_BASED_RECEIVING -> "First Land-Based Receiving";
			case SHIPPING -> "Shipping";
			case RECEIVING -> "Receiving";
			case TRANSFORMATION -> "Transformation";
		};
	}

	static String fileName(Cte cte) {
		return "fda-" + cte.code() + ".csv";
	}

	static List<KdeColumn> of(Cte cte) {
		return switch (cte) {
			case HARVESTING -> harvesting();
			case COOLING -> cooling();
			case INITIAL_PACKING -> initialPacking();
			case FIRST_LAND_BASED_RECEIVING -> firstLandBasedReceiving();
			case SHIPPING -> shipping();
			case RECEIVING -> receiving();
			case TRANSFORMATION -> transformation();
		};
	}

	/** § 1.1345(a), FDA template columns A–AJ. */
	private static List<KdeColumn> receiving() {
		return List.copyOf(trade("§ 1.1345(a)", "the food received", "Immediate Previous Source",
				"the immediate previous source (not a transporter)", "Receiving Location",
				"the location where the food was received", "Date Received", "Date the food was received"));
	}

	/** § 1.1340(a), FDA template columns A–AJ. */
	private static List<KdeColumn> shipping() {
		return List.copyOf(trade("§ 1.1340(a)", "the food shipped", "Immediate Subsequent Recipient",
				"the immediate subsequent recipient (not a transporter)", "Ship-From Location",
				"the location the food was shipped from", "Date Shipped", "Date the food was shipped"));
	}

	/** Receiving and shipping have the same eight KDEs in the same order. */
	private static List<KdeColumn> trade(String section, String food, String partnerPrefix, String partner,
			String sitePrefix, String site, String dateHeader, String dateMeaning) {
		List<KdeColumn> c = new ArrayList<>();
		c.add(lot("Traceability Lot Code", food, section + "(1)"));
		c.addAll(quantity("Quantity", "Unit of Measure", food, section + "(2)", CteRow::quantity));
		c.addAll(product("", food, section + "(3)", true, CteRow::product));
		c.addAll(location(partnerPrefix, partner, section + "(4)", CteRow::partner));
		c.addAll(location(sitePrefix, site, section + "(5)", CteRow::location));
		c.add(KdeColumn.date(dateHeader, dateMeaning, dateMeaning, section + "(6)", CteRow::date));
		c.addAll(KdeColumns.tlcSource("TLC Source", "the traceability lot code source (who assigned the lot code)",
				section + "(7)", CteRow::tlcSource));
		c.add(tlcSourceReference(section + "(7)"));
		c.addAll(references(section + "(8)", CteRow::references));
		return c;
	}

	/** § 1.1350(a), FDA template columns A–AE. */
	private static List<KdeColumn> transformation() {
		List<KdeColumn> c = new ArrayList<>();
		c.add(KdeColumn.text("Input Traceability Lot Code", "Traceability lot code of each input",
				"Traceability lot code of a food used as an input (for a lot scanned by an internal number, the "
						+ "traceability lot code it resolves to)",
				"§ 1.1350(a)(1)(i)", CteRow::inputLot));
		c.addAll(product("Input ", "the input", "§ 1.1350(a)(1)(ii)", true, CteRow::inputProduct));
		c.addAll(quantity("Input Quantity Used", "Input Unit of Measure", "the input used from this lot",
				"§ 1.1350(a)(1)(iii)", CteRow::inputQuantity));
		c.add(KdeColumn.text("New Traceability Lot Code", "New traceability lot code of the food produced",
				"Traceability lot code assigned to the food produced", "§ 1.1350(a)(2)(i)", CteRow::newLot));
		c.addAll(location("Transformation Location", "the location where the food was transformed (the TLC source)",
				"§ 1.1350(a)(2)(ii)", CteRow::site));
		c.add(tlcSourceReference("§ 1.1350(a)(2)(ii)"));
		c.add(KdeColumn.date("Date Transformation Completed", "Date the transformation was completed",
				"Date the transformation was completed (on an input row whose output is not in these records: "
						+ "the date the input was used)",
				"§ 1.1350(a)(2)(iii)", CteRow::date));
		c.addAll(product("Output ", "the food produced", "§ 1.1350(a)(2)(iv)", true, CteRow::outputProduct));
		c.addAll(quantity("Output Quantity", "Output Unit of Measure", "the food produced", "§ 1.1350(a)(2)(v)",
				CteRow::outputQuantity));
		c.addAll(references("§ 1.1350(a)(2)(vi)", CteRow::transformationReferences));
		return List.copyOf(c);
	}

	/** § 1.1325(a)(1) (i)–(viii); no traceability lot code yet. */
	private static List<KdeColumn> harvesting() {
		String s = "§ 1.1325(a)(1)";
		List<KdeColumn> c = new ArrayList<>();
		c.addAll(location("Immediate Subsequent Recipient", "the immediate subsequent recipient (not a transporter)",
				s + "(i)", CteRow::partner));
		c.addAll(commodity("", "the food harvested", s + "(ii)", CteRow::product));
		c.addAll(quantity("Quantity", "Unit of Measure", "the food harvested", s + "(iii)", CteRow::quantity));
		c.addAll(location("Farm", "the farm where the food was harvested", s + "(iv)", CteRow::location));
		c.add(growingArea(s + "(v)-(vi)", true));
		c.add(KdeColumn.date("Date Harvested", "Date of harvesting", "Date of harvesting", s + "(vii)", CteRow::date));
		c.addAll(references(s + "(viii)", CteRow::references));
		return List.copyOf(c);
	}

	/** § 1.1325(b)(1) (i)–(vii); no traceability lot code yet. */
	private static List<KdeColumn> cooling() {
		String s = "§ 1.1325(b)(1)";
		List<KdeColumn> c = new ArrayList<>();
		c.addAll(location("Immediate Subsequent Recipient", "the immediate subsequent recipient (not a transporter)",
				s + "(i)", CteRow::partner));
		c.addAll(commodity("", "the food cooled", s + "(ii)", CteRow::product));
		c.addAll(quantity("Quantity", "Unit of Measure", "the food cooled", s + "(iii)", CteRow::quantity));
		c.addAll(location("Cooling Location", "the location where the food was cooled", s + "(iv)", CteRow::location));
		c.add(KdeColumn.date("Date Cooled", "Date of cooling", "Date of cooling", s + "(v)", CteRow::date));
		c.addAll(location("Harvest Farm", "the farm where the food was harvested", s + "(vi)", CteRow::harvestFarm));
		c.addAll(references(s + "(vii)", CteRow::references));
		return List.copyOf(c);
	}

	/**
	 * § 1.1330(a) (1)–(16): the raw agricultural commodity received, then the lot packed.
	 */
	private static List<KdeColumn> initialPacking() {
		String s = "§ 1.1330(a)";
		List<KdeColumn> c = new ArrayList<>();
		c.addAll(commodity(" Received", "the raw agricultural commodity received", s + "(1)", CteRow::receivedProduct));
		c.add(KdeColumn.date("Date Received", "Date of receipt", "Date the raw agricultural commodity was received",
				s + "(2)", (f) -> f.required(f.farm().receivedDate())));
		c.addAll(quantity("Quantity Received", "Unit of Measure Received", "the raw agricultural commodity received",
				s + "(3)", CteRow::receivedQuantity));
		c.addAll(location("Harvest Farm", "the farm where the food was harvested", s + "(4)", CteRow::harvestFarm));
		c.add(growingArea(s + "(5)-(6)", false));
		c.add(KdeColumn.text("Harvester Business Name", "Business name and phone number of the harvester",
				"Business name of the harvester", s + "(7)", (f) -> f.required(f.farm().harvesterBusinessName())));
		c.add(KdeColumn.text("Harvester Phone Number", "Business name and phone number of the harvester",
				"Phone number of the harvester", s + "(7)", (f) -> f.required(f.farm().harvesterPhone())));
		c.add(KdeColumn.date("Date Harvested", "Date of harvesting", "Date of harvesting", s + "(8)",
				(f) -> f.required(f.farm().harvestDate())));
		c.addAll(location("Cooling Location", "the location where the food was cooled, if applicable", s + "(9)",
				CteRow::coolingLocation));
		c.add(KdeColumn.date("Date Cooled", "Date of cooling, if applicable", "Date of cooling, if applicable",
				s + "(10)", (f) -> SheetCell.of(f.farm().coolingDate())));
		c.add(lot("Traceability Lot Code", "the food packed (the code assigned at packing)", s + "(11)"));
		c.addAll(product("", "the food packed", s + "(12)", true, CteRow::product));
		c.addAll(quantity("Quantity", "Unit of Measure", "the food packed", s + "(13)", CteRow::quantity));
		c.addAll(location("Packing Location", "the location where the food was packed (the TLC source)", s + "(14)",
				CteRow::site));
		c.add(tlcSourceReference(s + "(14)"));
		c.add(KdeColumn.date("Date Packed", "Date of initial packing", "Date of initial packing", s + "(15)",
				CteRow::date));
		c.addAll(references(s + "(16)", CteRow::references));
		return List.copyOf(c);
	}

	/** § 1.1335 (a)–(g). */
	private static List<KdeColumn> firstLandBasedReceiving() {
		String s = "§ 1.1335";
		List<KdeColumn> c = new ArrayList<>();
		c.add(lot("Traceability Lot Code", "the food landed (the code assigned on receipt)", s + "(a)"));
		c.addAll(product("", "the food landed (for unpackaged food: the species and/or acceptable market name)",
				s + "(b)", false, CteRow::product));
		c.addAll(quantity("Quantity", "Unit of Measure", "the food landed", s + "(c)", CteRow::quantity));
		String range = "Harvest date range and locations for the trip during which the food was caught";
		c.add(KdeColumn.date("Harvest Date Range Start", range, "First harvest date of the trip", s + "(d)",
				(f) -> f.required(f.farm().harvestDate())));
		c.add(KdeColumn.date("Harvest Date Range End", range, "Last harvest date of the trip", s + "(d)",
				(f) -> f.required(f.farm().harvestEndDate())));
		c.add(KdeColumn.text("Catch Location", range,
				"Where the food was caught, in a widely recognised standard (NMFS Ocean Geographic Code, FAO Major "
						+ "Fishing Area)",
				s + "(d)", (f) -> f.required(f.farm().catchArea())));
		c.addAll(location("First Land-Based Receiver", "the first land-based receiver (the TLC source)", s + "(e)",
				CteRow::site));
		c.add(tlcSourceReference(s + "(e)"));
		c.add(KdeColumn.date("Date Landed", "Date the food was landed", "Date the food was landed", s + "(f)",
				CteRow::date));
		c.addAll(references(s + "(g)", CteRow::references));
		return List.copyOf(c);
	}

	private static KdeColumn lot(String header, String food, String citation) {
		return KdeColumn.text(header, "Traceability lot code", "Traceability lot code of " + food, citation,
				CteRow::lot);
	}

	private static KdeColumn tlcSourceReference(String citation) {
		return KdeColumn.text("TLC Source Reference", "Traceability lot code source reference",
				"A reference that gives access to the TLC source's location description instead of it (a GLN, an "
						+ "FDA Food Facility Registration Number or a web address), if one is used",
				citation, CteRow::tlcSourceReference);
	}

	private static KdeColumn growingArea(String citation, boolean required) {
		return KdeColumn.text("Field or Container Name",
				"Name of the field or growing area (produce) or container (aquaculture)",
				"Name of the field or other growing area the food was harvested from, or of the aquaculture "
						+ "container (pond, pool, tank, cage); the name the grower uses",
				citation, (f) -> required ? f.required(f.farm().growingArea()) : SheetCell.of(f.farm().growingArea()));
	}

}
