package org.lottrace.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import org.apache.commons.codec.digest.DigestUtils;
import org.lottrace.store.AtomicFiles;

/**
 * What a report folder holds and how it was made, so that a report handed to a regulator
 * can be checked later: the request, the store it was read from, record counts, timings,
 * and the SHA-256 of every file. Written last, as {@code manifest.json} and as
 * {@code SHA256SUMS} (checkable with {@code sha256sum -c SHA256SUMS}).
 *
 * @param request the request's parameters
 * @param store the store read: its folder, the number of ingestions committed and the
 * latest ingestion time
 * @param counts record counts (lots, events, shipments, rows per sheet)
 * @param timingsMillis how long each part took
 * @param files every other file of the folder, with its size and SHA-256
 */
public record Manifest(String lottrace, Instant generatedAt, Map<String, Object> request, Map<String, Object> store,
		Map<String, Object> counts, Map<String, Long> timingsMillis, List<FileEntry> files) {

	public static final String FILE = "manifest.json";

	public static final String CHECKSUMS = "SHA256SUMS";

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/** A file of the report folder. @param path relative to the folder, with {@code /} */
	public record FileEntry(String path, long bytes, String sha256) {

	}

	/**
	 * Lists and hashes every file of the folder (but the manifest and checksum files).
	 */
	public static List<FileEntry> files(Path folder) {
		try (Stream<Path> walk = Files.walk(folder)) {
			List<FileEntry> files = new ArrayList<>();
			for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
				String relative = folder.relativize(file).toString().replace('\\', '/');
				if (!relative.equals(FILE) && !relative.equals(CHECKSUMS)) {
					files.add(new FileEntry(relative, Files.size(file), sha256(file)));
				}
			}
			return files;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + folder, ex);
		}
	}

	/** Writes {@code manifest.json} and {@code SHA256SUMS} into the folder. */
	public void write(Path folder) {
		AtomicFiles.write(folder.resolve(FILE), (out) -> JSON.writeValue(out, this));
		StringBuilder sums = new StringBuilder();
		for (FileEntry file : this.files) {
			sums.append(file.sha256()).append("  ").append(file.path()).append('\n');
		}
		AtomicFiles.writeString(folder.resolve(CHECKSUMS), sums.toString());
	}

	public static Manifest read(Path folder) {
		return JSON.readValue(folder.resolve(FILE).toFile(), Manifest.class);
	}

	static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return DigestUtils.sha256Hex(in);
		}
	}

}
