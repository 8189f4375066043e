package org.lottrace.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.lottrace.kde.KdeEvent;
import org.lottrace.kde.Location;
import org.lottrace.kde.Product;
import org.lottrace.kde.Quantity;
import org.lottrace.trace.Gap;
import org.lottrace.trace.TraceAnalysis;
import org.lottrace.trace.TraceResult;
import org.lottrace.trace.TraceResult.TracedLot;

/**
 * A trace's answers as plain data, for {@code trace.json} and the HTTP API: names
 * resolved, no internal ids.
 *
 * @param complete whether the answer saw everything in its scope: {@code false} when
 * {@code gaps} is not empty
 * @param verdict the same in words, with how many gaps may hide lots, links or customers
 * @param gaps what the answer could not see or saw in doubt, each with the export line it
 * comes from where it has one
 * @param batches how the requested lot(s) were made (a lot not made here has no work
 * order: {@code madeHere} is false)
 * @param ingredients every ingredient lot, nearest first
 * @param customers every shipment of the batch or of a lot sharing an ingredient lot, the
 * batch's own first; {@code ofTheBatch} marks the shipments of the requested lot and of
 * every lot made from it (rework and intermediates included)
 * @param massBalance per lot reached
 */
public record TraceAnswers(String subject, String direction, @Nullable String reason, Instant tracedAt,
		long elapsedMillis, int lots, boolean complete, String verdict, List<GapEntry> gaps, List<Batch> batches,
		List<Ingredient> ingredients, List<Shipment> customers, List<Balance> massBalance) {

	/** One gap: its kind ({@code pending row}), the lot, the reason, the export line. */
	public record GapEntry(String kind, @Nullable String lot, String reason, @Nullable String source,
			@Nullable String file, @Nullable Long line) {

		public static GapEntry of(Gap gap) {
			return new GapEntry(gap.kind().label(), gap.lot(), gap.reason(), gap.source(), gap.file(), gap.line());
		}

	}

	/**
	 * A requested lot: made here under a work order, or not ({@code supplier} names who
	 * assigned its code).
	 */
	public record Batch(String lot, String assigner, @Nullable String supplier, boolean madeHere,
			@Nullable String product, @Nullable String productName, @Nullable String workOrder,
			@Nullable LocalDate completed, @Nullable BigDecimal quantity, @Nullable String unit, @Nullable String site,
			List<Input> inputs) {

	}

	public record Input(String lot, String assigner, @Nullable String supplier, @Nullable String product,
			@Nullable String productName, @Nullable BigDecimal quantity, @Nullable String unit,
			@Nullable String ticket) {

	}

	public record Ingredient(int depth, String lot, String assigner, @Nullable String supplier,
			@Nullable String product, @Nullable String productName, @Nullable String ftlCategory,
			List<Receipt> received, List<String> usedIn) {

	}

	public record Receipt(LocalDate date, BigDecimal quantity, String unit, @Nullable String reference,
			boolean madeHere) {

	}

	public record Shipment(LocalDate date, String lot, @Nullable String product, @Nullable String productName,
			BigDecimal quantity, String unit, @Nullable String billOfLading, @Nullable String shipTo,
			@Nullable String customer, @Nullable String address, @Nullable String phone, boolean ofTheBatch,
			List<String> via) {

	}

	public record Balance(String lot, String assigner, @Nullable String product, String unit, BigDecimal in,
			BigDecimal used, BigDecimal shipped, BigDecimal remaining, @Nullable BigDecimal percentAccounted,
			List<String> notes) {

	}

	public static TraceAnswers of(TraceFindings findings) {
		TraceAnalysis analysis = findings.analysis();
		TraceResult result = analysis.result();
		return new TraceAnswers(result.request().subject(),
				result.request().direction().name().toLowerCase(java.util.Locale.ROOT), result.request().reason(),
				result.tracedAt(), result.elapsed().toMillis(), result.lots().size(), findings.complete(),
				Gap.verdict(findings.gaps()), findings.gaps().stream().map(GapEntry::of).toList(),
				analysis.batches().stream().map((b) -> batch(result, b)).toList(),
				analysis.ingredients().stream().map((i) -> ingredient(result, i)).toList(),
				analysis.shipments()
					.stream()
					.map((s) -> shipment(result, s))
					.sorted(java.util.Comparator.comparing((Shipment s) -> !s.ofTheBatch()))
					.toList(),
				analysis.massBalance().stream().map((m) -> balance(m)).toList());
	}

	private static Batch batch(TraceResult result, TraceAnalysis.Batch batch) {
		KdeEvent output = batch.outputs().isEmpty() ? null : batch.outputs().get(0);
		return new Batch(result.label(batch.lot()), batch.lot().assigner(),
				businessName(result, batch.lot().assigner()), output != null, batch.productCode(),
				productName(result, batch.productCode()), (output != null) ? output.workOrder() : null,
				(output != null) ? output.eventDate() : null, (output != null) ? value(output.quantity()) : null,
				(output != null) ? output.quantity().unit() : null,
				(output != null) ? businessName(result, output.locations().location()) : null,
				batch.inputs().stream().map((i) -> input(result, i)).toList());
	}

	private static Input input(TraceResult result, TraceAnalysis.Input input) {
		KdeEvent event = input.event();
		return new Input(result.label(input.lot()), input.lot().assigner(),
				businessName(result, input.lot().assigner()), input.productCode(),
				productName(result, input.productCode()), (event != null) ? value(event.quantity()) : null,
				(event != null) ? event.quantity().unit() : null,
				(event != null && event.secondReference() != null) ? event.secondReference().number() : null);
	}

	private static Ingredient ingredient(TraceResult result, TraceAnalysis.Ingredient ingredient) {
		Product product = (ingredient.productCode() != null) ? result.products().get(ingredient.productCode()) : null;
		return new Ingredient(ingredient.depth(), result.label(ingredient.lot()), ingredient.lot().assigner(),
				businessName(result, ingredient.lot().assigner()), ingredient.productCode(),
				(product != null) ? product.name() : null, (product != null) ? product.ftlCategory() : null,
				ingredient.receipts()
					.stream()
					.map((r) -> new Receipt(r.eventDate(), value(r.quantity()), r.quantity().unit(),
							(r.reference() != null) ? r.reference().toString() : null,
							r.cte() == org.lottrace.kde.Cte.TRANSFORMATION))
					.toList(),
				ingredient.usedIn().stream().map(result::label).toList());
	}

	private static Shipment shipment(TraceResult result, TraceAnalysis.Shipment shipment) {
		KdeEvent event = shipment.event();
		String shipTo = event.locations().partner();
		Location location = (shipTo != null) ? result.locations().get(shipTo) : null;
		return new Shipment(event.eventDate(), result.label(shipment.lot()), event.productCode(),
				productName(result, event.productCode()), value(event.quantity()), event.quantity().unit(),
				(event.reference() != null) ? event.reference().number() : null, shipTo,
				(location != null) ? location.businessName() : null, (location != null) ? address(location) : null,
				(location != null) ? location.phone() : null, shipment.ofTheBatch(),
				shipment.via().stream().map(result::label).toList());
	}

	private static Balance balance(TraceAnalysis.MassBalance m) {
		return new Balance(m.lot().code(), m.lot().assigner(), m.productCode(), m.unit(), strip(m.in()),
				strip(m.used()), strip(m.shipped()), strip(m.remaining()), m.percentAccounted(), m.notes());
	}

	static String address(Location location) {
		StringBuilder address = new StringBuilder();
		for (String part : new String[] { location.street(), location.city(), location.state(), location.postalCode(),
				location.country() }) {
			if (part != null && !part.isBlank()) {
				address.append((address.length() > 0) ? ", " : "").append(part);
			}
		}
		return address.toString();
	}

	private static @Nullable String businessName(TraceResult result, @Nullable String code) {
		Location location = (code != null) ? result.locations().get(code) : null;
		return (location != null) ? location.businessName() : null;
	}

	private static @Nullable String productName(TraceResult result, @Nullable String code) {
		Map<String, Product> products = result.products();
		Product product = (code != null) ? products.get(code) : null;
		return (product != null) ? product.name() : null;
	}

	private static BigDecimal value(Quantity quantity) {
		return strip(quantity.value());
	}

	private static BigDecimal strip(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

}
