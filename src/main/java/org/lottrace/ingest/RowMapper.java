package org.lottrace.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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

	private record Binding(Field field, int[] columns, FieldSource source, ValueParser parser) {

	}

	/**
	 * @param header the export's column names; empty when the export has no header
	 * @throws SourceFileException when the header lacks a column the mapping uses
	 */
	public RowMapper(SourceMapping mapping, List<String> header, MasterData masterData, UnitConverter units,
			KdeValidator validator, String fileName, String sha256, Instant ingestedAt) {
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
		HeaderIndex index = new HeaderIndex(header, mapping, fileName);
		this.bindings = mapping.fields()
			.entrySet()
			.stream()
			.map((e) -> new Binding(e.getKey(), index.resolve(e.getValue().columns()), e.getValue(),
					ValueParser.of(e.getKey().type(), e.getValue().formats(), mapping.dialect(), units,
							mapping.unitAliases())))
			.toList();
		this.keyColumns = index.resolve(mapping.key());
		index.failIfMissing();
		this.headerless = header.isEmpty();
		this.expectedColumns = this.headerless ? index.highestPosition() : header.size();
	}

	public MappedRow map(SourceRow row) {
		CSVRecord record = row.record();
		List<KdeViolation> violations = this.violations;
		Set<String> failed = this.failed;
		violations.clear();
		failed.clear();
		checkWidth(record, violations);
		String key = recordKey(record, violations);
		if (!violations.isEmpty()) {
			return new MappedRow.Rejected(row.line(), List.copyOf(violations));
		}
		FieldValues values = new FieldValues(this.kind.fields().size());
		for (Binding binding : this.bindings) {
			read(binding, record, values, violations, failed);
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
		Provenance provenance = new Provenance(this.mapping.source(), this.fileName, this.sha256, row.line(),
				this.ingestedAt);
		Object result = violations.isEmpty() ? build(key, values, provenance, violations) : null;
		return (result != null) ? new MappedRow.Accepted(result)
				: new MappedRow.Rejected(row.line(), List.copyOf(violations));
	}

	private @Nullable Object build(String key, FieldValues values, Provenance provenance,
			List<KdeViolation> violations) {
		return switch (this.kind) {
			case LOCATION -> KdeRecords.location(values, provenance);
			case PRODUCT -> KdeRecords.product(values, provenance);
			default -> {
				Quantity normalized = normalize(values, violations);
				yield (normalized != null) ? KdeRecords.event(this.kind, values, key, normalized, provenance) : null;
			}
		};
	}

	private @Nullable Quantity normalize(FieldValues values, List<KdeViolation> violations) {
		Quantity recorded = new Quantity(values.decimal(KdeField.QUANTITY), values.string(KdeField.UNIT));
		String productCode = values.string(KdeField.PRODUCT_CODE);
		Optional<Product> product = (productCode != null) ? this.masterData.product(productCode) : Optional.empty();
		String target = product.map(Product::baseUnit).orElseGet(() -> this.units.baseUnit(recorded.unit()));
		if (target == null) {
			violations.add(KdeViolation.of(KdeField.UNIT, values.text(KdeField.UNIT), "unit '" + recorded.unit()
					+ "' is a package: it can only be normalized for a known product; map product_code"));
			return null;
		}
		Optional<Quantity> normalized = this.units.convert(recorded, target, productCode);
		if (normalized.isEmpty()) {
			violations.add(KdeViolation.of(KdeField.UNIT, values.text(KdeField.UNIT),
					"no conversion from '" + recorded.unit() + "' to '" + target + "' for product " + productCode
							+ ": add '1 " + recorded.unit() + " = ... " + target + "' under items." + productCode
							+ " in jobs/units.yml"));
		}
		return normalized.orElse(null);
	}

	private void read(Binding binding, CSVRecord record, FieldValues values, List<KdeViolation> violations,
			Set<String> failed) {
		String text = text(binding, record);
		if (text == null) {
			return;
		}
		try {
			text = this.gs1.apply(binding.source().gs1(), text);
			if (text == null) {
				return;
			}
			Object value = lookup(binding, binding.parser().parse(text));
			values.set(binding.field(), value, text);
		}
		catch (IllegalArgumentException ex) {
			violations.add(KdeViolation.of(binding.field(), text, ex.getMessage()));
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
				.orElseThrow(() -> new IllegalArgumentException("no single location has GLN " + code));
			case PARTNER -> this.masterData.locationByPartner(code)
				.map(Location::code)
				.orElseThrow(() -> new IllegalArgumentException("no single location belongs to partner " + code));
			case GTIN -> this.masterData.productByGtin(code)
				.map(Product::code)
				.orElseThrow(() -> new IllegalArgumentException("no single product has GTIN " + code));
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
