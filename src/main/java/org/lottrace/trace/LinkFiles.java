package org.lottrace.trace;

import java.io.IOException;
import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Reading and writing the files of arrays beside the index ({@link MemoryLotGraph}'s link
 * file, {@link LinkDelta}'s changes): little-endian, a header that starts with a magic
 * number, mapped into memory whole.
 */
final class LinkFiles {

	private LinkFiles() {
	}

	/**
	 * Maps a file whole. @return the little-endian buffer, or null when there is no such
	 * file, it is shorter than the header, or it does not start with the magic number
	 */
	static @Nullable ByteBuffer map(Path file, long magic, int header) throws IOException {
		if (!Files.isRegularFile(file)) {
			return null;
		}
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			long size = channel.size();
			if (size < header) {
				return null;
			}
			ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size).order(ByteOrder.LITTLE_ENDIAN);
			return (mapped.getLong(0) == magic) ? mapped : null;
		}
	}

	/** The buffer's contents after the header, as a little-endian view. */
	static ByteBuffer body(ByteBuffer mapped, int header) {
		return mapped.position(header).slice().order(ByteOrder.LITTLE_ENDIAN);
	}

	/**
	 * Writes the header and the arrays (int or long buffers) to a temporary file, forced
	 * to disk, then renamed over the file, so a reader maps either the old file or the
	 * new one, whole.
	 */
	static void write(Path file, ByteBuffer header, List<? extends Buffer> arrays) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			writeFully(channel, header);
			ByteBuffer block = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
			for (Buffer array : arrays) {
				int width = (array instanceof LongBuffer) ? 8 : 4;
				int perBlock = block.capacity() / width;
				for (int from = 0; from < array.limit(); from += perBlock) {
					int count = Math.min(perBlock, array.limit() - from);
					block.clear();
					if (array instanceof LongBuffer longs) {
						block.asLongBuffer().put(longs.slice(from, count));
					}
					else {
						block.asIntBuffer().put(((IntBuffer) array).slice(from, count));
					}
					block.limit(count * width);
					writeFully(channel, block);
				}
			}
			channel.force(true);
		}
		Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

}
