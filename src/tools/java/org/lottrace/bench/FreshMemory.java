package org.lottrace.bench;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * What memory touched for the first time costs on this machine: a file in shared memory
 * ({@code /dev/shm}, 4 KB pages) mapped and one byte written to each page, timed. A
 * one-shot command touches a few hundred megabytes of fresh memory (its heap, its code,
 * DuckDB's buffers), so on a virtual machine whose host backs the guest's memory lazily
 * (each first touch a fault in the host too) it pays that many times over. The figure
 * lets runs on different machines be compared: two runs of the same code differ by it.
 */
final class FreshMemory {

	private static final int PAGE = 4096;

	private static final long BYTES = 256L << 20;

	private FreshMemory() {
	}

	/** @return a line saying the cost, or empty where there is no {@code /dev/shm} */
	static Optional<String> describe() {
		Path shm = Path.of("/dev/shm");
		if (!Files.isDirectory(shm) || !Files.isWritable(shm) || usableBytes(shm) < 2 * BYTES) {
			// (a page of a mapped file beyond what the file system has room for is a
			// SIGBUS, not an exception: a container's /dev/shm is often 64 MB)
			return Optional.empty();
		}
		Path file = shm.resolve("lottrace-bench-" + ProcessHandle.current().pid());
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
				StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE)) {
			MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_WRITE, 0, BYTES);
			long started = System.nanoTime();
			for (int offset = 0; offset < BYTES; offset += PAGE) {
				map.put(offset, (byte) 1);
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			return Optional.of(String.format(Locale.ROOT,
					"This machine: memory touched for the first time %.1f us a 4 KB page (%d MB in %.2f s); "
							+ "compare it between machines before comparing their figures",
					seconds * 1e6 / (BYTES / PAGE), BYTES >> 20, seconds));
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	private static long usableBytes(Path dir) {
		try {
			return Files.getFileStore(dir).getUsableSpace();
		}
		catch (IOException ex) {
			return 0;
		}
	}

}
