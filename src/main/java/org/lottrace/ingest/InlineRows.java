package org.lottrace.ingest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.lottrace.kde.Field;
import org.lottrace.kde.RecordKind;
import org.lottrace.store.AtomicFiles;

/**
 * Master data written in a mapping file itself, for a site that has no export of it (its
 * own sites, a few products): a {@code rows:} list of locations or products, each entry a
 * map from field name to value. Ingestion writes the rows as a small CSV export (one
 * column per field, in field order) and ingests that like any other: validated, stored
 * once per content, and an edited list supersedes the earlier version of each code. Line
 * {@code n} of that export is entry {@code n - 1} of the list.
 */
final class InlineRows {

	private InlineRows() {
	}

	/**
	 * Checks the rows of a mapping file and the mapping they imply.
	 * @return the rows as texts, field order kept; empty when the file has none
	 */
	static List<Map<String, String>> check(@Nullable List<Map<String, Object>> raw, @Nullable RecordKind kind,
			List<String> problems) {
		if (raw == null) {
			return List.of();
		}
		if (kind != null && kind.isEvent()) {
			problems.add("rows: only master data (kind location or product) can be written in the mapping file");
			return List.of();
		}
		if (raw.isEmpty()) {
			problems.add("rows: the list is empty");
		}
		Set<String> known = new LinkedHashSet<>();
		if (kind != null) {
			kind.fields().forEach((f) -> known.add(f.column()));
		}
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 0; i < raw.size(); i++) {
			Map<String, String> row = new LinkedHashMap<>();
			Map<String, Object> entry = (raw.get(i) != null) ? raw.get(i) : Map.of();
			for (Map.Entry<String, Object> value : entry.entrySet()) {
				if (kind != null && !known.contains(value.getKey())) {
					problems.add("rows[" + i + "]." + value.getKey() + ": not a field of kind " + kind.code());
				}
				else if (value.getValue() != null) {
					row.put(value.getKey(), String.valueOf(value.getValue()));
				}
			}
			rows.add(row);
		}
		return List.copyOf(rows);
	}

	/** The fields the rows fill, each read from the column of its own name. */
	static Map<String, MappingFile.FieldEntry> fields(RecordKind kind, List<Map<String, String>> rows) {
		Map<String, MappingFile.FieldEntry> fields = new LinkedHashMap<>();
		for (Field field : kind.fields()) {
			if (rows.stream().anyMatch((r) -> r.containsKey(field.column()))) {
				fields.put(field.column(), MappingFile.FieldEntry.ofColumn(field.column()));
			}
		}
		return fields;
	}

	/** The key column of master data written in a mapping: its code. */
	static List<Object> key(RecordKind kind) {
		return List.of(kind.fields().get(0).column());
	}

	/**
	 * Writes the rows of a mapping as the CSV export they stand for, named after the
	 * mapping file, in {@code dir}; rewritten only when its content changed.
	 * @return the export
	 */
	static Path write(SourceMapping mapping, Path dir) {
		List<String> columns = mapping.fields().keySet().stream().map(Field::column).toList();
		StringWriter csv = new StringWriter();
		try (CSVPrinter printer = CSVFormat.RFC4180.builder()
			.setHeader(columns.toArray(String[]::new))
			.get()
			.print(csv)) {
			for (Map<String, String> row : mapping.rows()) {
				printer.printRecord(columns.stream().map((c) -> row.getOrDefault(c, "")).toList());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path file = dir.resolve(mapping.file().getFileName().toString());
		try {
			byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
			if (!Files.isRegularFile(file) || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
				AtomicFiles.write(file, (out) -> out.write(content));
			}
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the rows of " + mapping.file() + " to " + file, ex);
		}
	}

}
