package org.lottrace.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;

/**
 * Simulates a bakery day by day and writes what its ERP, scales and shipping system would
 * export, in the sample data's layouts (so the mappings in {@code jobs/} read them):
 * ingredients received as they run out, work orders that consume several ingredient lots
 * (and sometimes an intermediate or a reworked finished lot), and finished lots shipped
 * in parts to several customers. Supplier lot codes collide across suppliers, as real
 * ones do. The same seed gives the same files, byte for byte.
 */
public final class SyntheticBakery {

	/** The event exports, each one file. */
	public enum Export {

		RECEIVING("erp/RCV_synthetic.csv"), PRODUCTION("erp/PROD_synthetic.csv"),
		TICKETS("scales/TICKETS_synthetic.csv"), SHIPPING("shipping/BOL_synthetic.txt");

		private final String path;

		Export(String path) {
			this.path = path;
		}

		public String path() {
			return this.path;
		}

	}

	/**
	 * @param events events to write in all (receipts, completions, tickets and shipment
	 * lines), spread over {@code days} days ending on {@code end}
	 * @param only when set, write only this export, with exactly {@code events} rows
	 * @param prefix put before every generated number (work orders, lots, tickets, bills
	 * of lading), so that a second set of exports (a night's worth on top of a history)
	 * does not reuse the first one's identifiers
	 */
	public record Options(long events, long seed, LocalDate end, int days, @Nullable Export only, String prefix) {

	}

	static final String SITE = "BAKERY-01";

	static final int VENDORS = 40;

	static final int INGREDIENTS = 60;

	static final int INTERMEDIATES = 20;

	static final int FINISHED = 120;

	static final int CUSTOMERS = 500;

	static final int SHIP_TOS = 3;

	private static final String[] OPERATORS = { "José Peña", "Anna Müller", "Dana Lee", "Françoise Dubois",
			"Sam O'Neil" };

	private static final String[] CARRIERS = { "Midwest Freight", "Prairie Express", "Customer pickup" };

	private final Options options;

	private final SplittableRandom random;

	private final Map<Export, Writer> writers = new EnumMap<>(Export.class);

	private final Map<Export, Long> counts = new EnumMap<>(Export.class);

	private final Ingredient[] ingredients = new Ingredient[INGREDIENTS];

	private final int[] vendorLotCounters = new int[VENDORS];

	private final ArrayDeque<OwnLot> intermediates = new ArrayDeque<>();

	private final ArrayDeque<OwnLot> recentFinished = new ArrayDeque<>();

	private final List<OwnLot> toShip = new ArrayList<>();

	private long receiptNumber = 100000;

	private long internalLot = 500000;

	private long workOrder = 1;

	private long ticket = 1;

	private long bol = 1;

	private final StringBuilder line = new StringBuilder(160);

	private static final class Ingredient {

		final int index;

		@Nullable String currentLot;

		double remainingKg;

		Ingredient(int index) {
			this.index = index;
		}

	}

	private record OwnLot(String code, int product, LocalDate made, double quantity) {

	}

	public SyntheticBakery(Options options) {
		this.options = options;
		this.random = new SplittableRandom(options.seed());
		for (int i = 0; i < INGREDIENTS; i++) {
			this.ingredients[i] = new Ingredient(i);
		}
	}

	/**
	 * Writes master data and the event exports under {@code dir}.
	 * @param progress called now and then with the number of event rows written so far
	 * @return the rows written per export
	 */
	public Map<Export, Long> write(Path dir, LongConsumer progress) {
		SyntheticMasterData.write(dir);
		for (Export export : Export.values()) {
			this.counts.put(export, 0L);
			if (this.options.only() == null || this.options.only() == export) {
				Path file = dir.resolve(export.path());
				this.writers.put(export, switch (export) {
					case RECEIVING -> ExportWriters.erp(file, ExportWriters.RECEIVING_HEADER);
					case PRODUCTION -> ExportWriters.erp(file, ExportWriters.PRODUCTION_HEADER);
					case TICKETS -> ExportWriters.scales(file);
					case SHIPPING -> ExportWriters.shipping(file, ExportWriters.SHIPPING_HEADER);
				});
			}
		}
		try {
			simulate(progress);
		}
		finally {
			for (Writer writer : this.writers.values()) {
				close(writer);
			}
		}
		return Map.copyOf(this.counts);
	}

	private void simulate(LongConsumer progress) {
		LocalDate start = this.options.end().minusDays(this.options.days() - 1);
		double perDay = Math.max(1.0, (double) this.options.events() / this.options.days()
				/ ((this.options.only() != null) ? share(this.options.only()) : 1.0));
		long lastReport = 0;
		for (int day = 0; !done(); day++) {
			LocalDate date = start.plusDays(Math.min(day, this.options.days() - 1));
			shipYesterday(date);
			long before = total();
			while (total() - before < perDay && !done()) {
				workOrder(date);
			}
			if (written() - lastReport >= 1_000_000) {
				lastReport = written();
				progress.accept(lastReport);
			}
		}
		progress.accept(written());
	}

	/**
	 * The share of all events one export has, to spread an export of a given size over
	 * the days.
	 */
	private static double share(Export export) {
		return switch (export) {
			case RECEIVING -> 0.04;
			case PRODUCTION -> 0.09;
			case TICKETS -> 0.52;
			case SHIPPING -> 0.35;
		};
	}

	private boolean done() {
		return written() >= this.options.events();
	}

	private long total() {
		return this.counts.values().stream().mapToLong(Long::longValue).sum();
	}

	private long written() {
		Export only = this.options.only();
		return (only != null) ? this.counts.getOrDefault(only, 0L) : total();
	}

	private void workOrder(LocalDate date) {
		boolean finished = this.random.nextInt(100) < 80 || this.intermediates.isEmpty();
		int product = finished ? this.random.nextInt(FINISHED) : this.random.nextInt(INTERMEDIATES);
		String wo = "WO-" + this.options.prefix() + (this.workOrder++);
		int hour = 6 + this.random.nextInt(12);
		double outputKg = 0;
		int inputs = finished ? 3 + this.random.nextInt(3) : 2 + this.random.nextInt(3);
		for (int i = 0; i < inputs; i++) {
			outputKg += consumeIngredient(date, hour, wo, this.ingredients[this.random.nextInt(INGREDIENTS)]);
		}
		if (finished && !this.intermediates.isEmpty() && this.random.nextBoolean()) {
			OwnLot intermediate = this.intermediates.peekLast();
			double kg = round1(10 + this.random.nextDouble() * 30);
			ticket(date, hour, wo, intermediate.code(), kg);
			outputKg += kg;
		}
		if (finished && !this.recentFinished.isEmpty() && this.random.nextInt(100) < 2) {
			OwnLot rework = this.recentFinished.peekFirst();
			double kg = round1(4.8 * (1 + this.random.nextInt(3)));
			ticket(date, hour, wo, rework.code(), kg);
			outputKg += kg;
		}
		complete(date, wo, finished, product, outputKg);
	}

	private double consumeIngredient(LocalDate date, int hour, String wo, Ingredient ingredient) {
		double kg = round1(5 + this.random.nextDouble() * 45);
		double left = kg;
		while (left > 0.05) {
			String lot = ingredient.currentLot;
			if (lot == null || ingredient.remainingKg < 0.05) {
				lot = receive(date, ingredient);
			}
			double take = round1(Math.min(left, ingredient.remainingKg));
			if (take < 0.1) {
				ingredient.remainingKg = 0;
				continue;
			}
			ticket(date, hour, wo, lot, take);
			ingredient.remainingKg -= take;
			left -= take;
		}
		return kg;
	}

	/** Receives a new lot of the ingredient. @return its internal lot number */
	private String receive(LocalDate date, Ingredient ingredient) {
		int vendor = ingredient.index % VENDORS;
		String vendorLot = "L" + this.options.prefix() + (1000 + this.vendorLotCounters[vendor]++);
		String internal = "R" + this.options.prefix() + (this.internalLot++);
		int kg = 500 + this.random.nextInt(15) * 100;
		ingredient.currentLot = internal;
		ingredient.remainingKg = kg;
		Writer out = this.writers.get(Export.RECEIVING);
		if (out != null) {
			this.line.setLength(0);
			this.line.append("RC-")
				.append(this.options.prefix())
				.append(this.receiptNumber++)
				.append(",1,")
				.append(ExportWriters.usDate(date))
				.append(',')
				.append(SyntheticMasterData.vendorCode(vendor))
				.append(',')
				.append(SyntheticMasterData.ingredientCode(ingredient.index))
				.append(',')
				.append(vendorLot)
				.append(',')
				.append(internal)
				.append(',')
				.append(kg)
				.append(",KG,PO-")
				.append(this.receiptNumber + 7000)
				.append(',')
				.append(SITE)
				.append("\r\n");
			ExportWriters.write(out, this.line.toString());
		}
		this.counts.merge(Export.RECEIVING, 1L, Long::sum);
		return internal;
	}

	private void ticket(LocalDate date, int hour, String wo, String lot, double kg) {
		Writer out = this.writers.get(Export.TICKETS);
		if (out != null) {
			boolean pounds = this.random.nextInt(10) == 0;
			double net = pounds ? kg / 0.45359237 : kg;
			int minute = this.random.nextInt(60);
			this.line.setLength(0);
			this.line.append("T-")
				.append(this.options.prefix())
				.append(this.ticket)
				.append(';')
				.append(ExportWriters.dayFirst(date))
				.append(' ')
				.append((hour < 10) ? "0" : "")
				.append(hour)
				.append(':')
				.append((minute < 10) ? "0" : "")
				.append(minute)
				.append(";SC-")
				.append(1 + this.random.nextInt(3))
				.append(';')
				.append(wo)
				.append(';')
				.append(lot)
				.append(';')
				.append(String.format(Locale.ROOT, "%.3f", net).replace('.', ','))
				.append(pounds ? ";lb;" : ";kg;")
				.append(OPERATORS[this.random.nextInt(OPERATORS.length)])
				.append("\r\n");
			ExportWriters.write(out, this.line.toString());
		}
		this.ticket++;
		this.counts.merge(Export.TICKETS, 1L, Long::sum);
	}

	private void complete(LocalDate date, String wo, boolean finished, int product, double inputKg) {
		String code = (finished ? "C" : "F") + wo.substring(3);
		double quantity = finished ? Math.max(1, Math.round(inputKg * 0.98 / 4.8)) : round1(inputKg * 0.98);
		OwnLot lot = new OwnLot(code, product, date, quantity);
		if (finished) {
			this.toShip.add(lot);
			this.recentFinished.addLast(lot);
			if (this.recentFinished.size() > 50) {
				this.recentFinished.removeFirst();
			}
		}
		else {
			this.intermediates.addLast(lot);
			if (this.intermediates.size() > 10) {
				this.intermediates.removeFirst();
			}
		}
		Writer out = this.writers.get(Export.PRODUCTION);
		if (out != null) {
			this.line.setLength(0);
			this.line.append(wo)
				.append(',')
				.append(ExportWriters.usDate(date))
				.append(',')
				.append(finished ? SyntheticMasterData.finishedCode(product)
						: SyntheticMasterData.intermediateCode(product))
				.append(',')
				.append(code)
				.append(',')
				.append(finished ? String.valueOf((long) quantity) : String.valueOf(quantity))
				.append(finished ? ",CS," : ",KG,")
				.append(SITE)
				.append("\r\n");
			ExportWriters.write(out, this.line.toString());
		}
		this.counts.merge(Export.PRODUCTION, 1L, Long::sum);
	}

	/**
	 * Ships every finished lot made before {@code date}, in two to five parts to
	 * different customers.
	 */
	private void shipYesterday(LocalDate date) {
		List<OwnLot> ready = new ArrayList<>();
		this.toShip.removeIf((lot) -> lot.made().isBefore(date) && ready.add(lot));
		for (OwnLot lot : ready) {
			long cases = (long) lot.quantity();
			int parts = (int) Math.min(cases, 2 + this.random.nextInt(4));
			for (int part = 0; part < parts && !done(); part++) {
				long quantity = (part < parts - 1) ? cases / parts : cases - (cases / parts) * (parts - 1);
				shipLine(date, lot, quantity);
			}
		}
	}

	private void shipLine(LocalDate date, OwnLot lot, long cases) {
		Writer out = this.writers.get(Export.SHIPPING);
		if (out != null) {
			int customer = this.random.nextInt(CUSTOMERS);
			int shipTo = this.random.nextInt(SHIP_TOS);
			this.line.setLength(0);
			this.line.append("BOL-")
				.append(this.options.prefix())
				.append(this.bol++)
				.append("|1|")
				.append(date)
				.append('|')
				.append(SyntheticMasterData.customerCode(customer))
				.append('|')
				.append(SyntheticMasterData.shipToCode(customer, shipTo))
				.append('|')
				.append(SyntheticMasterData.gtin(lot.product()))
				.append('|')
				.append(lot.code())
				.append('|')
				.append(cases)
				.append("|CS|")
				.append(CARRIERS[this.random.nextInt(CARRIERS.length)])
				.append('\n');
			ExportWriters.write(out, this.line.toString());
		}
		this.counts.merge(Export.SHIPPING, 1L, Long::sum);
	}

	private static double round1(double value) {
		return Math.round(value * 10) / 10.0;
	}

	private static void close(Writer writer) {
		try {
			writer.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
