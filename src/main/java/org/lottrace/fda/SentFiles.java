package org.lottrace.fda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.codec.digest.DigestUtils;
import org.lottrace.fda.LogEntry.SentFile;
import org.lottrace.report.Manifest;

/**
 * The files of a report folder as they are sent: those its manifest lists, then the
 * manifest and the checksums file, each with its size and SHA-256 as it is on disk. A
 * file that no longer matches the manifest was changed after it was produced, and is not
 * sent as if it were the produced one.
 */
final class SentFiles {

	private SentFiles() {
	}

	/**
	 * @param names the files sent; empty for all of them
	 * @throws FdaRequestException when a name is not a file of the folder, or a file
	 * changed since the manifest was written
	 */
	static List<SentFile> of(Path folder, List<String> names, String request) {
		Manifest manifest = manifest(folder, request);
		Map<String, SentFile> listed = new LinkedHashMap<>();
		for (Manifest.FileEntry file : manifest.files()) {
			listed.put(file.path(), new SentFile(file.path(), file.bytes(), file.sha256()));
		}
		for (String extra : List.of(Manifest.FILE, Manifest.CHECKSUMS)) {
			Path path = folder.resolve(extra);
			listed.put(extra, new SentFile(extra, size(path), sha256(path)));
		}
		List<SentFile> sent = new ArrayList<>();
		for (String name : names.isEmpty() ? List.copyOf(listed.keySet()) : names) {
			SentFile file = listed.get(name);
			if (file == null) {
				throw FdaRequests.invalid("files: '" + name + "' is not a file of the spreadsheet produced for "
						+ request + "; its files are " + String.join(", ", listed.keySet()));
			}
			String now = sha256(folder.resolve(file.path()));
			if (!now.equals(file.sha256())) {
				throw FdaRequests.conflict(file.path() + " of request " + request
						+ " changed after it was produced (its SHA-256 is not the manifest's): produce it again");
			}
			sent.add(file);
		}
		return sent;
	}

	private static Manifest manifest(Path folder, String request) {
		if (!Files.isRegularFile(folder.resolve(Manifest.FILE), LinkOption.NOFOLLOW_LINKS)) {
			throw FdaRequests.conflict("the report folder of request " + request + " (" + folder
					+ ") has no manifest any more: produce it again");
		}
		return Manifest.read(folder);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sha256(Path file) {
		try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
			return DigestUtils.sha256Hex(in);
		}
		catch (IOException ex) {
			throw FdaRequests.conflict("a file of the report folder cannot be read: " + file.getFileName() + " ("
					+ ex.getMessage() + "): produce it again");
		}
	}

}
