package org.lottrace.report;

import org.lottrace.trace.Direction;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceRequest;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * A small two-way trace of cookie batch C261014A: flour, butter lot L2301 of Dairy Gold,
 * a peanut-butter filling made here from lot L2301 of Nutty Butter; three customers of
 * the batch; a sibling batch C261015A (same flour) shipped to a customer whose name needs
 * escaping, and cookies C261016A made from a later filling of the same peanut butter (an
 * FTL food). Also a trace too large to draw whole ({@link #large()}).
 */
public final class BakeryTrace {

	public static final String EVIL_CUSTOMER = "Smith & Sons \"Best\" <script>alert('x')</script>";

	private BakeryTrace() {
	}

	public static TraceFixture fixture() {
		TraceFixture f = new TraceFixture();
		f.location(TraceFixture.SITE, "site", "Sunrise Bakery", "+1 217-555-0100", "100 Mill Street", "Springfield")
			.location("V100", "supplier", "Heartland Mills, Inc.", "+1 785-555-0141", "2200 Mill Road", "Salina")
			.location("V120", "supplier", "Dairy Gold Creamery", "+1 715-555-0120", "9 Creamery Lane", "Eau Claire")
			.location("V130", "supplier", "Nutty Butter Co.", "+1 334-555-0130", "300 Goober Pkwy", "Dothan")
			.location("C200-01", "customer", "Green Valley Market #12", "+1 217-555-0200", "1200 Wabash Ave",
					"Springfield")
			.location("C220-01", "customer", "Campus Dining Services", "+1 217-555-0220", "1401 W Green St", "Urbana")
			.location("C240-01", "customer", "Midwest Foodservice Distributors", "+1 217-555-0240", "2700 N 22nd St",
					"Decatur")
			.location("C999-01", "customer", EVIL_CUSTOMER, "+1 555 & 'quote'", "1 <b>Main</b> St", "Peoria");
		f.product("FLOUR-AP-50", "All-purpose wheat flour", null, "kg")
			.product("BUTTER-UNS-36", "Unsalted butter", null, "kg")
			.product("PB-CREAMY-35", "Peanut butter, creamy", "Nut butters", "kg")
			.product("FILLING-PB", "Peanut butter cream filling", "Nut butters", "kg")
			.product("COOKIE-PB-12", "Peanut Butter Sandwich Cookies, 12 ct", "Nut butters", "case");
		TracedLot batch = f.lot(1, "C261014A", TraceFixture.SITE, 0, 0);
		TracedLot flour = f.lot(2, "HM-2610-021", "V100", 1, 0);
		TracedLot butter = f.lot(3, "L2301", "V120", 1, 0);
		TracedLot filling = f.lot(4, "F261013A", TraceFixture.SITE, 1, 0);
		TracedLot peanutButter = f.lot(5, "L2301", "V130", 2, 0);
		TracedLot sibling = f.lot(6, "C261015A", TraceFixture.SITE, -1, 1);
		TracedLot laterFilling = f.lot(7, "F261016A", TraceFixture.SITE, -1, 1);
		TracedLot laterCookies = f.lot(8, "C261016A", TraceFixture.SITE, -1, 2);
		f.receipt(flour, "FLOUR-AP-50", "30", "bag", "2026-10-12", "R10301", "PO-88163", "RC-5101")
			.receipt(butter, "BUTTER-UNS-36", "20", "case", "2026-10-05", "R10203", "PO-88114", "RC-5003")
			.receipt(peanutButter, "PB-CREAMY-35", "8", "pail", "2026-10-09", "R10250", "PO-88156", "RC-5050")
			.output(filling, "FILLING-PB", "60", "kg", "2026-10-13", "WO-1013-F")
			.output(batch, "COOKIE-PB-12", "27", "case", "2026-10-14", "WO-1014-P")
			.output(sibling, "COOKIE-PB-12", "24", "case", "2026-10-15", "WO-1015-P")
			.output(laterFilling, "FILLING-PB", "30", "kg", "2026-10-16", "WO-1016-F")
			.output(laterCookies, "COOKIE-PB-12", "20", "case", "2026-10-16", "WO-1016-P")
			.input(peanutButter, filling, "140", "lb", "WO-1013-F", "T-10090")
			.input(flour, batch, "19.7", "kg", "WO-1014-P", "T-10101")
			.input(butter, batch, "15", "kg", "WO-1014-P", "T-10103")
			.input(filling, batch, "30", "kg", "WO-1014-P", "T-10105")
			.input(flour, sibling, "20", "kg", "WO-1015-P", "T-10110")
			.input(peanutButter, laterFilling, "70", "lb", "WO-1016-F", "T-10120")
			.input(laterFilling, laterCookies, "30", "kg", "WO-1016-P", "T-10121")
			.shipment(batch, "COOKIE-PB-12", "8", "2026-10-15", "C200-01", "BOL-50035")
			.shipment(batch, "COOKIE-PB-12", "6", "2026-10-15", "C220-01", "BOL-50037")
			.shipment(batch, "COOKIE-PB-12", "12", "2026-10-15", "C240-01", "BOL-50038")
			.shipment(sibling, "COOKIE-PB-12", "10", "2026-10-16", "C999-01", "BOL-50039")
			.shipment(laterCookies, "COOKIE-PB-12", "5", "2026-10-17", "C200-01", "BOL-50041");
		return f;
	}

	public static TraceRequest request() {
		return new TraceRequest("C261014A", null, null, null, null, Direction.BOTH, "Customer complaint #4711");
	}

	public static TraceAnalysis analysis() {
		return fixture().analysis(request());
	}

	/**
	 * A trace too large to draw whole: batch B made from I1 and I2; 100 lots made from B;
	 * 20 lots made from I1, each the input of 9 more.
	 */
	public static TraceAnalysis large() {
		TraceFixture f = new TraceFixture();
		f.location(TraceFixture.SITE, "site", "Sunrise Bakery", "", "", "");
		TracedLot batch = f.lot(1, "B", TraceFixture.SITE, 0, 0);
		f.link(f.lot(2, "I1", "V1", 1, 0), batch).link(f.lot(3, "I2", "V2", 1, 0), batch);
		int id = 10;
		for (int i = 0; i < 100; i++) {
			f.link(batch, f.lot(id++, String.format("B-%03d", i), TraceFixture.SITE, -1, 1));
		}
		for (int i = 0; i < 20; i++) {
			TracedLot x = f.lot(id++, String.format("X-%02d", i), TraceFixture.SITE, -1, 1);
			f.link(f.lotById(2), x);
			for (int j = 0; j < 9; j++) {
				f.link(x, f.lot(id++, String.format("X-%02d-%d", i, j), TraceFixture.SITE, -1, 2));
			}
		}
		return f.analysis(new TraceRequest("B", null, null, null, null, Direction.BOTH, null));
	}

}
