package org.lottrace.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * The synthetic bakery's master data: items, vendors, its site and its customers' ship-to
 * locations.
 */
final class SyntheticMasterData {

	private static final String[] FTL = { "Shell eggs", "Nut butters", "Cheeses (fresh soft or soft unripened)" };

	private SyntheticMasterData() {
	}

	static String vendorCode(int vendor) {
		return "V" + (1000 + vendor);
	}

	static String ingredientCode(int index) {
		return String.format("ING-%04d", index + 1);
	}

	static String intermediateCode(int index) {
		return String.format("INT-%03d", index + 1);
	}

	static String finishedCode(int index) {
		return String.format("FG-%04d", index + 1);
	}

	static String customerCode(int customer) {
		return String.format("C%04d", customer + 1);
	}

	static String shipToCode(int customer, int shipTo) {
		return customerCode(customer) + "-0" + (shipTo + 1);
	}

	static String gtin(int finished) {
		return String.format("0061414199%04d", finished + 1);
	}

	static void write(Path dir) {
		try (Writer items = ExportWriters.erp(dir.resolve("erp/ITEMS.csv"),
				"Item No,Description,Brand,Commodity,Variety,Pack Size,Pack Style,GTIN,FTL Category,Kill Step,Stock UoM")) {
			for (int i = 0; i < SyntheticBakery.INGREDIENTS; i++) {
				String ftl = (i % 6 == 0) ? FTL[(i / 6) % FTL.length] : "";
				items.write(ingredientCode(i) + ",Ingredient " + (i + 1) + ",Supplier brand,Ingredient,,25 kg,Bag,,"
						+ ftl + "," + ((i % 12 == 0) ? "Y" : "N") + ",kg\r\n");
			}
			for (int i = 0; i < SyntheticBakery.INTERMEDIATES; i++) {
				items.write(intermediateCode(i) + ",Intermediate " + (i + 1) + ",Synthetic,Filling,,,Tote,,,N,kg\r\n");
			}
			for (int i = 0; i < SyntheticBakery.FINISHED; i++) {
				items.write(finishedCode(i) + ",\"Finished good " + (i + 1)
						+ ", 12 ct\",Synthetic,Cookies,,12 x 400 g,Case," + gtin(i) + ",,N,case\r\n");
			}
			writeLocations(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void writeLocations(Path dir) throws IOException {
		String locationHeader = "Vendor No,Name,Phone,Address,City,State,Zip,Country,GLN,FDA Reg No";
		try (Writer vendors = ExportWriters.erp(dir.resolve("erp/VENDORS.csv"), locationHeader)) {
			for (int v = 0; v < SyntheticBakery.VENDORS; v++) {
				vendors.write(vendorCode(v) + ",Supplier " + (v + 1) + " Inc.,+1 555-010-" + String.format("%04d", v)
						+ "," + (100 + v) + " Supply Road,Springfield,IL,62701,US,,\r\n");
			}
		}
		try (Writer sites = ExportWriters.erp(dir.resolve("erp/SITES.csv"),
				locationHeader.replace("Vendor No", "Site"))) {
			sites.write(SyntheticBakery.SITE
					+ ",Synthetic Bakery,+1 555-010-9999,1 Oven Street,Springfield,IL,62701,US,,\r\n");
		}
		try (Writer customers = ExportWriters.shipping(dir.resolve("shipping/CUSTOMERS.txt"),
				"Customer|Ship To|Name|Phone|Street|City|State|Zip|Country|GLN")) {
			for (int c = 0; c < SyntheticBakery.CUSTOMERS; c++) {
				for (int s = 0; s < SyntheticBakery.SHIP_TOS; s++) {
					customers.write(customerCode(c) + "|" + shipToCode(c, s) + "|Customer " + (c + 1) + " store "
							+ (s + 1) + "|+1 555-020-" + String.format("%04d", c) + "|" + (s + 1)
							+ " Market St|Chicago|IL|60601|US|\n");
				}
			}
		}
	}

}
