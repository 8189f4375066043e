package org.lottrace.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.lottrace.ingest.SourceMapping.ColumnRef;
import org.lottrace.ingest.SourceMapping.FieldSource;
import org.lottrace.kde.Field;
import org.lottrace.kde.FieldValues;
import org.lottrace.kde.KdeField;
import org.lottrace.kde.KdeRecords;
import org.lottrace.kde.KdeValidator;
import org.lottrace.kde.KdeViolation;
import org.lottrace.kde.Location;
import org.lottrace.kde.MasterData;
import org.lottrace.kde.Product;
import org.lottrace.kde.Provenance;
import org.lottrace.kde.Quantity;
import org.lottrace.kde.RecordKind;
import org.lottrace.kde.StoreRecord;
import org.lottrace.kde.UnitConverter;

/**
 * Maps one row of an export to a record through the source's mapping, and validates it.
 * Pure: no I/O. Built once per file, when the header is known; used by one thread.
 */
public final class RowMapper {

	private final SourceMapping mapping;

	private final RecordKind kind;

	private final List<Binding> bindings;

	private final int[] keyColumns;

	private final int expectedColumns;

	/**
	 * Without a header the export's width is unknown: only the columns the mapping reads
	 * must be there.
	 */
	private final boolean headerless;

	private final MasterData masterData;

	private final UnitConverter units;

	private final KdeValidator validator;

	private final String fileName;

	private final String sha256;

	private final Instant ingestedAt;

	private final Set<String> nullValues;

	/** Reused for every row (a mapper serves one thread): most rows have no violation. */
	private final List<KdeViolation> violations = new ArrayList<>();

	private final Set<String> failed = new HashSet<>();

	private final boolean emptyIsNull;

	private final boolean otherNullValues;

	private final Gs1Extraction gs1;

	private final InputLimits limits;

	private record Binding(Field field, int[] columns, FieldSource source, ValueParser parser) {

	}

	/**
	 * @param header the export's column names; empty when the export has no header
	 * @throws SourceFileException when the header lacks a column the mapping uses
	 */
	public RowMapper(SourceMapping mapping, List<String> header, MasterData masterData, UnitConverter units,
			KdeValidator validator, String fileName, String sha256, Instant ingestedAt) {
		this(mapping, header, true, masterData, units, validator, fileName, sha256, ingestedAt);
	}

	private RowMapper(SourceMapping mapping, List<String> header, boolean fromExport, MasterData masterData,
			UnitConverter units, KdeValidator validator, String fileName, String sha256, Instant ingestedAt) {
		this.mapping = mapping;
		this.kind = mapping.kind();
		this.masterData = masterData;
		this.units = units;
		this.validator = validator;
		this.fileName = fileName;
		this.sha256 = sha256;
		this.ingestedAt = ingestedAt;
		this.nullValues = Set.copyOf(mapping.dialect().nullValues());
		this.emptyIsNull = this.nullValues.contains("");
		this.otherNullValues = this.nullValues.size() > (this.emptyIsNull ? 1 : 0);
		this.gs1 = new Gs1Extraction(ingestedAt, mapping.dialect().decimalSeparator());
		this.limits = mapping.limits();
		HeaderIndex index = new HeaderIndex(header, mapping, fileName);
		this.bindings = mapping.fields()
			.entrySet()
			.stream()
			.map((e) -> new Binding(e.getKey(), index.resolve(e.getValue().columns()), e.getValue(),
					ValueParser.of(e.getKey().type(), e.getValue().formats(), mapping.dialect(), units,
							mapping.unitAliases())))
			.toList();
		this.keyColumns = index.resolve(mapping.key());
		if (fromExport) {
			index.failIfMissing();
		}
		this.headerless = header.isEmpty();
		this.expectedColumns = this.headerless ? index.highestPosition() : header.size();
	}

	/**
	 * A mapper of the field texts that pending rows keep ({@link #remap}), with the
	 * mapping as it is now: no export, so no columns.
	 */
	public static RowMapper forTexts(SourceMapping mapping, MasterData masterData, UnitConverter units,
			KdeValidator validator) {
		return new RowMapper(mapping, List.of(), false, masterData, units, validator, "", "", Instant.EPOCH);
	}

	public MappedRow map(SourceRow row) {
		CSVRecord record = row.record();
		List<KdeViolation> violations = this.violations;
		violations.clear();
		this.failed.clear();
		checkWidth(record, violations);
		if (row.refused() != null) {
			violations.add(new KdeViolation(KdeViolation.ROW, null, row.refused()));
		}
		String key = recordKey(record, violations);
		if (!violations.isEmpty()) {
			return new MappedRow.Held(row.line(), null, List.copyOf(violations), Map.of(), raw(record), null);
		}
		String[] texts = new String[this.bindings.size()];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = text(this.bindings.get(i), record);
		}
		Provenance provenance = new Provenance(this.mapping.source(), this.fileName, this.sha256, row.line(),
				this.ingestedAt);
		MappedRow mapped = map(key, texts, provenance);
		return (mapped instanceof MappedRow.Held held) ? new MappedRow.Held(held.line(), key, held.violations(),
				held.fieldTexts(), raw(record), held.eventDate()) : mapped;
	}

	/**
	 * Maps a held row again from the field texts it kept, against master data and units
	 * as they are now; its records keep the provenance of the export line.
	 */
	public MappedRow remap(String key, Map<String, String> fieldTexts, Provenance provenance, List<String> raw) {
		this.violations.clear();
		this.failed.clear();
		String[] texts = new String[this.bindings.size()];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = fieldTexts.get(this.bindings.get(i).field().column());
		}
		MappedRow mapped = map(key, texts, provenance);
		return (mapped instanceof MappedRow.Held held)
				? new MappedRow.Held(held.line(), key, held.violations(), held.fieldTexts(), raw, held.eventDate())
				: mapped;
	}

	private MappedRow map(String key, @Nullable String[] texts, Provenance provenance) {
		List<KdeViolation> violations = this.violations;
		Set<String> failed = this.failed;
		FieldValues values = new FieldValues(this.kind.fields().size());
		for (int i = 0; i < texts.length; i++) {
			if (texts[i] != null) {
				read(this.bindings.get(i), texts[i], values, violations, failed);
			}
		}
		if (failed.contains(KdeField.EVENT_TIME.column())) {
			failed.add(KdeField.EVENT_DATE.column());
		}
		KdeRecords.complete(this.kind, values);
		int before = violations.size();
		this.validator.validate(this.kind, values, violations);
		if (!failed.isEmpty()) {
			violations.subList(before, violations.size()).removeIf((v) -> failed.contains(v.field()));
		}
		if (violations.isEmpty()) {
			return new MappedRow.Accepted(build(key, values, provenance));
		}
		return new MappedRow.Held(provenance.line(), key, List.copyOf(violations), textsByField(texts), List.of(),
				this.kind.isEvent() ? values.date(KdeField.EVENT_DATE) : null);
	}

	private Map<String, String> textsByField(@Nullable String[] texts) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (int i = 0; i < texts.length; i++) {
			if (texts[i] != null) {
				byField.put(this.bindings.get(i).field().column(), texts[i]);
			}
		}
		return byField;
	}

	private static List<String> raw(CSVRecord record) {
		return java.util.Arrays.asList(record.values());
	}

	private StoreRecord build(String key, FieldValues values, Provenance provenance) {
		return switch (this.kind) {
			case LOCATION -> KdeRecords.location(values, provenance);
			case PRODUCT -> KdeRecords.product(values, provenance);
			default -> KdeRecords.event(this.kind, values, key, normalize(values), this.mapping.tlcSourceAssumed(),
					provenance);
		};
	}

	/**
	 * The quantity in the product's base unit, when it can be computed now. A
	 * transformation input often names no product (it comes from its lot, § 1.1350(a)(1)
	 * (ii)), and a package unit needs a per-item conversion: such a quantity is stored as
	 * recorded and converted when traced, through the lot's product and the conversions
	 * of the day.
	 */
	private @Nullable Quantity normalize(FieldValues values) {
		Quantity recorded = KdeRecords.quantity(values, KdeField.QUANTITY, KdeField.UNIT);
		String productCode = values.string(KdeField.PRODUCT_CODE);
		Optional<Product> product = (productCode != null) ? this.masterData.product(productCode) : Optional.empty();
		String target = product.map(Product::baseUnit).orElseGet(() -> this.units.baseUnit(recorded.unit()));
		return (target != null) ? this.units.convert(recorded, target, productCode).orElse(null) : null;
	}

	private void read(Binding binding, String text, FieldValues values, List<KdeViolation> violations,
			Set<String> failed) {
		try {
			text = this.gs1.apply(binding.source().gs1(), text);
			if (text == null) {
				return;
			}
			this.limits.check(binding.field(), text);
			Object value = lookup(binding, binding.parser().parse(text));
			values.set(binding.field(), value, text);
		}
		catch (ValueParser.MissingDataException ex) {
			violations.add(KdeViolation.waiting(binding.field(), text, ex.getMessage(), ex.waitsFor()));
			failed.add(binding.field().column());
		}
		catch (IllegalArgumentException ex) {
			violations.add(KdeViolation.of(binding.field(), this.limits.shown(binding.field(), text),
					java.util.Objects.requireNonNullElse(ex.getMessage(), "not a valid value")));
			failed.add(binding.field().column());
		}
	}

	private @Nullable String text(Binding binding, CSVRecord record) {
		FieldSource source = binding.source();
		String text;
		if (source.constant() != null) {
			text = source.constant();
		}
		else if (binding.columns().length == 1) {
			text = cell(record, binding.columns()[0]);
		}
		else {
			StringBuilder joined = new StringBuilder();
			for (int column : binding.columns()) {
				String part = cell(record, column);
				if (part != null) {
					joined.append((joined.length() > 0) ? source.separator() : "").append(part);
				}
			}
			text = (joined.length() > 0) ? joined.toString() : null;
		}
		if (text != null && !source.values().isEmpty()) {
			String translated = source.values().get(text);
			if (translated != null) {
				text = translated.isEmpty() ? null : translated;
			}
		}
		return (text != null) ? text : source.defaultValue();
	}

	private @Nullable String cell(CSVRecord record, int column) {
		if (column >= record.size()) {
			return null;
		}
		String value = record.get(column);
		if (this.mapping.dialect().trim()) {
			value = value.strip();
		}
		if (this.emptyIsNull && value.isEmpty()) {
			return null;
		}
		return (this.otherNullValues && this.nullValues.contains(value)) ? null : value;
	}

	private Object lookup(Binding binding, Object value) {
		if (binding.source().lookup() == SourceMapping.Lookup.CODE) {
			return value;
		}
		String code = (String) value;
		return switch (binding.source().lookup()) {
			case CODE -> value;
			case GLN -> this.masterData.locationByGln(code)
				.map(Location::code)
				.orElseThrow(() -> new ValueParser.MissingDataException("no single location has GLN " + code,
						"one location with GLN " + code + " in master data"));
			case PARTNER -> this.masterData.locationByPartner(code)
				.map(Location::code)
				.orElseThrow(() -> new ValueParser.MissingDataException("no single location belongs to partner " + code,
						"one location of partner " + code + " in master data"));
			case GTIN -> this.masterData.productByGtin(code)
				.map(Product::code)
				.orElseThrow(() -> new ValueParser.MissingDataException("no single product has GTIN " + code,
						"one product with GTIN " + code + " in master data"));
		};
	}

	private void checkWidth(CSVRecord record, List<KdeViolation> violations) {
		int size = record.size();
		if (size < this.expectedColumns) {
			violations.add(new KdeViolation(KdeViolation.ROW, null, "the row has " + size + " columns; "
					+ (this.headerless ? "the mapping reads column " : "the header has ") + this.expectedColumns));
		}
		else if (size > this.expectedColumns && !this.headerless) {
			for (int i = this.expectedColumns; i < size; i++) {
				if (!record.get(i).isBlank()) {
					violations.add(
							new KdeViolation(KdeViolation.ROW, null, "the row has " + size + " columns; the header has "
									+ this.expectedColumns + " (a delimiter inside an unquoted value?)"));
					return;
				}
			}
		}
	}

	private String recordKey(CSVRecord record, List<KdeViolation> violations) {
		StringBuilder key = new StringBuilder(this.mapping.source());
		for (int i = 0; i < this.keyColumns.length; i++) {
			String value = cell(record, this.keyColumns[i]);
			if (value == null) {
				violations.add(new KdeViolation(KdeViolation.ROW, null,
						"key column " + this.mapping.key().get(i) + " is empty: the row cannot be identified"));
				return "";
			}
			try {
				this.limits.checkKey(value);
			}
			catch (IllegalArgumentException ex) {
				violations.add(new KdeViolation(KdeViolation.ROW, this.limits.shown(true, value),
						"key column " + this.mapping.key().get(i) + ": " + ex.getMessage()));
				return "";
			}
			key.append('|').append(value.replace("\\", "\\\\").replace("|", "\\|"));
		}
		return key.toString();
	}

	/**
	 * Resolves column names against the header and remembers the ones that are missing.
	 */
	private static final class HeaderIndex {

		private final List<String> header;

		private final SourceMapping mapping;

		private final String fileName;

		private final List<String> missing = new ArrayList<>();

		private int highestPosition;

		HeaderIndex(List<String> header, SourceMapping mapping, String fileName) {
			this.header = header;
			this.mapping = mapping;
			this.fileName = fileName;
		}

		int[] resolve(List<ColumnRef> refs) {
			int[] columns = new int[refs.size()];
			for (int i = 0; i < refs.size(); i++) {
				ColumnRef ref = refs.get(i);
				if (ref.name() != null) {
					columns[i] = this.header.indexOf(ref.name());
					if (columns[i] < 0) {
						this.missing.add(ref.name());
					}
				}
				else {
					columns[i] = ref.position() - 1;
					this.highestPosition = Math.max(this.highestPosition, ref.position());
				}
			}
			return columns;
		}

		int highestPosition() {
			return this.highestPosition;
		}

		void failIfMissing() {
			if (!this.missing.isEmpty()) {
				throw new SourceFileException(this.fileName + ": the header has no column "
						+ String.join(", ", this.missing.stream().distinct().map((m) -> "'" + m + "'").toList())
						+ " that " + this.mapping.file().getFileName() + " maps; the header is: "
						+ String.join(", ", this.header));
			}
		}

	}

}
