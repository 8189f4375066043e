package org.lottrace.fda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.lottrace.store.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log of FDA records requests: one JSON object per line, appended and forced to disk
 * before the caller hears it is logged, never rewritten (a request's history is evidence
 * that it was answered in time). One writer at a time, across processes (a file lock), so
 * the command line and the service can log to the same file; each append is decided on
 * the log as it is under the lock. A line cut short by a crash is skipped when read.
 */
final class RequestLog {

	private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

	private static final JsonMapper JSON = JsonMapper.builder()
		.changeDefaultPropertyInclusion((inclusion) -> inclusion
			.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
		.build();

	private final Path file;

	RequestLog(Path file) {
		this.file = file.toAbsolutePath().normalize();
	}

	Path file() {
		return this.file;
	}

	/** Every line, in the order written. */
	List<LogEntry> read() {
		if (!Files.exists(this.file)) {
			return List.of();
		}
		try {
			return parse(Files.readAllLines(this.file, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the request log " + this.file, ex);
		}
	}

	/**
	 * Appends the line {@code next} makes of the log as it is, holding the log's lock.
	 * @return the line appended
	 * @throws RuntimeException whatever {@code next} throws to refuse the change; nothing
	 * is written then
	 */
	synchronized LogEntry append(Function<List<LogEntry>, LogEntry> next) {
		PrivateFiles.folder(PrivateFiles.folderOf(this.file));
		try (FileChannel channel = open(); FileLock lock = channel.lock()) {
			List<LogEntry> entries = read();
			LogEntry entry = next.apply(entries);
			String line = JSON.writeValueAsString(entry) + "\n";
			if (channel.size() > 0 && !endsWithNewline(channel)) {
				line = "\n" + line; // after a line cut short by a crash
			}
			channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)), channel.size());
			channel.force(true);
			return entry;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the request log " + this.file, ex);
		}
	}

	private FileChannel open() throws IOException {
		if (!Files.exists(this.file) && FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			try {
				Files.createFile(this.file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				// another process made it first
			}
		}
		return FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ,
				StandardOpenOption.WRITE);
	}

	private static boolean endsWithNewline(FileChannel channel) throws IOException {
		ByteBuffer last = ByteBuffer.allocate(1);
		channel.read(last, channel.size() - 1);
		return last.get(0) == '\n';
	}

	private List<LogEntry> parse(List<String> lines) {
		List<LogEntry> entries = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			try {
				LogEntry entry = JSON.readValue(lines.get(i), LogEntry.class);
				if (entry.complete()) {
					entries.add(entry);
				}
				else {
					log.warn("Line {} of the request log {} lacks a field its event needs and is skipped", i + 1,
							this.file);
				}
			}
			catch (JacksonException ex) {
				log.warn("Line {} of the request log {} is not a complete entry and is skipped", i + 1, this.file);
			}
		}
		return entries;
	}

}
